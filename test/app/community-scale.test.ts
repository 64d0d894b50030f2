// A 5,000-client workspace on every database: every /client subcommand still answers correctly
// (no statement carries one parameter per client, no command makes one query per client), and the
// digest planned from bounded candidate queries equals the full list of what is due. Correctness
// only: nothing here is timed.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStore, type OpenedStore } from '../../src/adapters/store/index.js';
import { createLogger, corePortLogger } from '../../src/adapters/logging/logger.js';
import type { Reply, Workspace } from '../../src/core/model/index.js';
import { handleCommand } from '../../src/core/use-cases/handle-command.js';
import { planDigest } from '../../src/core/use-cases/plan-digest.js';
import { listDue } from '../../src/core/use-cases/due.js';
import { createCalendarSecrets } from '../../src/adapters/calendar/secrets.js';
import { bulkInsert } from '../support/bulk-workspace.js';
import { forEachDatabase } from '../support/databases.js';

const CLIENTS = 5_000;
const NOW = new Date('2026-03-10T08:00:00Z'); // a Tuesday morning in London
const SAM = { platformUserId: 'U_SAM', displayName: 'Sam' };

forEachDatabase((database) => {
  let opened: OpenedStore;
  let workspace: Workspace;
  const logger = corePortLogger(createLogger({ level: 'silent' }));

  // Built once for the file with bulk SQL: a command per client would take minutes.
  beforeAll(async () => {
    opened = await openStore({ databaseUrl: database.url });
    workspace = await opened.store.ensureWorkspace({ platform: 'console', externalId: 'scale', name: 'Scale', timeZone: 'Europe/London' });
    const ws = opened.store.workspace(workspace.id);
    const sam = await ws.ensureMember(SAM.platformUserId, SAM.displayName);
    const kim = await ws.ensureMember('U_KIM', 'Kim');
    await bulkInsert(database.url, { workspaceId: workspace.id, prefix: '', clients: CLIENTS, interactions: 3, closedFollowUps: 0, now: NOW, ownerIds: [sam.id, kim.id] });
  }, 60_000);
  afterAll(async () => {
    await opened.close();
  });

  const calendar = createCalendarSecrets({ publicUrl: 'https://rapport.example/' });
  const run = async (line: string): Promise<Reply> => {
    const current = await opened.store.workspace(workspace.id).getWorkspace();
    return handleCommand({ store: opened.store, logger, calendar }, { workspace: current, actor: SAM, now: NOW }, line);
  };
  const ok = async (line: string): Promise<Reply> => {
    const reply = await run(line);
    expect(reply, `${line} -> ${reply.text}`).toMatchObject({ ok: true });
    return reply;
  };
  const text = (reply: Reply) => [reply.text, ...(reply.sections ?? []).flatMap((s) => s.lines)].join('\n');

  it('finds clients by name and alias, and refuses a name already taken', async () => {
    expect(text(await ok('/client show "Client 4321"'))).toContain('Client 4321');
    expect(text(await ok('/client show "Alias 4320"'))).toContain('Client 4320');
    const taken = await run('/client add "Client 17"');
    expect(taken.ok).toBe(false);
    await ok('/client add "Newco Ltd" tier:top alias:newco');
    await ok('/client edit newco tier:standard alias:"new co"');
  });

  it('records interactions, notes, contacts, family, dates and likes on one client among thousands', async () => {
    await ok('/client log "Client 2500" call out spoke about the renewal');
    await ok('/client note "Client 2500" moving to Lisbon in spring');
    await ok('/client contact "Client 2500" "Jane Roe" role:CFO email:jane@roe.example');
    await ok('/client family "Client 2500" son Leo');
    await ok('/client date "Client 2500" birthday "May 2"');
    await ok('/client likes "Client 2500" wine pinot noir');
    const shown = text(await ok('/client show "Client 2500"'));
    for (const part of ['renewal', 'Lisbon', 'Jane Roe', 'Leo', 'pinot noir']) expect(shown).toContain(part);
    expect(text(await ok('/client likes "Client 2500"'))).toContain('pinot noir');
  });

  it('lists and rates every client in bounded messages', async () => {
    const list = await ok('/client list');
    expect(list.text).toMatch(/^5001 clients/);
    expect(text(list)).toContain('…and 4951 more');
    expect((await ok('/client list mine tier:top')).text).toMatch(/^\d+ clients of yours/);
    const health = await ok('/client health');
    const lines = health.sections![0]!.lines;
    expect(lines).toHaveLength(31);
    // Paused clients (1 in 100) are left out: 5,001 - 50 active.
    expect(lines.at(-1)).toContain(`…and ${CLIENTS + 1 - 50 - 30} healthier`);
    expect(text(await ok('/client health "Client 3"'))).toMatch(/\d+\/100/);
  });

  it('exports every client with its history', async () => {
    const reply = await ok('/client export');
    const document = JSON.parse(reply.attachment!.content) as { clients: { client: { name: string }; interactions: unknown[] }[] };
    expect(document.clients).toHaveLength(CLIENTS + 1);
    expect(document.clients.find((p) => p.client.name === 'Client 99')?.interactions).toHaveLength(3);
  });

  it('plans the digest from bounded queries exactly as the full list of what is due', async () => {
    const store = opened.store.workspace(workspace.id);
    const due = await listDue({ store, now: NOW });
    const digest = await planDigest({ store, now: NOW, kind: 'morning' });
    const max = workspace.policy.digestMaxItems;
    expect(due.length).toBeGreaterThan(max * 10);
    // Every family of rules is represented among the due items.
    expect(new Set(due.map((n) => n.rule))).toEqual(new Set(['same-day-reply', 'apology', 'complaint-update', 'referral-thanks', 'follow-up', 'personal-dates', 'keep-in-touch', 'surprise', 'ask-advice', 'relationship-review', 'one-sided']));
    expect(digest.title).toContain(`${due.length} things`);
    expect(digest.overflow).toEqual({ count: due.length - max, command: '/client due all' });
    const items = digest.sections.flatMap((s) => s.items);
    expect(items.map((i) => [i.nudgeId, i.title, i.context])).toEqual(due.slice(0, max).map((n) => [n.id, n.title, n.context]));

    // /client due plans everything, uncut (here Sam's half of the team's list).
    const sam = (await store.findMember(SAM.platformUserId))!;
    expect((await ok('/client due')).text).toBe(`${due.filter((n) => n.ownerId === sam.id).length} things to do:`);

    // Done on the first item: the next plan has one fewer, and the next most urgent moves up.
    await ok(`/client done ${items[0]!.nudgeId}`);
    await ok(`/client snooze ${items[1]!.nudgeId} 1w`);
    const after = await planDigest({ store, now: NOW, kind: 'morning' });
    const afterItems = after.sections.flatMap((s) => s.items).map((i) => i.nudgeId);
    expect(after.title).toContain(`${due.length - 2} things`);
    expect(afterItems).toEqual(due.slice(2, max + 2).map((n) => n.id));
    // The reference (every due nudge of 5,000 clients, with context) is the slow part, not the digest.
  }, 120_000);

  it('removes one detail, reports the mailboxes and serves a calendar feed of every date', async () => {
    await ok('/client likes "Client 1200" coffee flat white');
    expect(text(await ok('/client likes "Client 1200"'))).toContain('flat white');
    await ok('/client remove "Client 1200" like flat white');
    expect(text(await ok('/client likes "Client 1200"'))).not.toContain('flat white');

    expect((await ok('/client mail status')).text).toMatch(/^No mailbox is watched/);

    expect((await ok('/client calendar')).text).toMatch(/^Your team's private calendar feed: https:\/\/rapport\.example\/calendar\/[\w-]{43}\.ics$/);
    expect((await ok('/client calendar')).text).toMatch(/^The calendar feed has been on since/);
    // Three dates per client, former clients left out (the bulk workspace has none), in a fixed number of queries.
    const dates = await opened.store.workspace(workspace.id).calendarDates(20_000);
    expect(dates).toHaveLength(CLIENTS * 3);
    expect(new Set(dates.map((d) => d.clientName)).size).toBe(CLIENTS);
    expect((await ok('/client calendar off')).text).toMatch(/^The calendar feed is off/);
  });

  it('answers help and settings, and forgets a client among thousands', async () => {
    await ok('/client help');
    await ok('/client settings');
    await ok('/client settings keepInTouchTopDays 21');
    const ask = await run('/client forget "Client 4999"');
    const code = /confirm:([0-9a-z]+)/.exec(text(ask))?.[1];
    expect(code, text(ask)).toBeDefined();
    await ok(`/client forget "Client 4999" confirm:${code}`);
    expect((await run('/client show "Client 4999"')).ok).toBe(false);
  });
});
