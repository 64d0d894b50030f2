import { Writable } from 'node:stream';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarFeedRoute } from '../../../src/adapters/calendar/feed-route.js';
import { createCalendarSecrets, hashToken } from '../../../src/adapters/calendar/secrets.js';
import { startHealthServer, type HealthServer } from '../../../src/adapters/health/health-server.js';
import { corePortLogger, createLogger } from '../../../src/adapters/logging/logger.js';
import { openStore, type OpenedStore } from '../../../src/adapters/store/index.js';
import { createCore, type Core } from '../../../src/core/core.js';
import type { Reply, Workspace } from '../../../src/core/model/index.js';
import { forEachDatabase } from '../../support/databases.js';

const NOW = new Date('2026-03-10T15:00:00Z');
const ACTOR = { platformUserId: 'U_SAM', displayName: 'Sam' };

/** The feed address in a reply, as a person would copy it. */
function urlIn(reply: Reply): string {
  const found = /http:\/\/\S+\.ics/.exec(reply.text);
  if (found === null) throw new Error(`no feed address in: ${reply.text}`);
  return found[0];
}

interface FeedEvent {
  summary: string;
  start: string;
  rrule: string;
  description: string | null;
}

function eventsOf(ics: string): FeedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((v) => {
    const start = v.getFirstPropertyValue('dtstart') as ICAL.Time;
    expect(start.isDate).toBe(true);
    return {
      summary: String(v.getFirstPropertyValue('summary')),
      start: start.toString(),
      rrule: (v.getFirstPropertyValue('rrule') as ICAL.Recur).toString(),
      description: (v.getFirstPropertyValue('description') as string | null) ?? null,
    };
  });
}

forEachDatabase((db) => {
  let opened: OpenedStore;
  let server: HealthServer;
  let base: string;
  let core: Core;
  let acme: Workspace;
  let other: Workspace;
  let log = '';

  beforeAll(async () => {
    const logger = corePortLogger(createLogger({ level: 'trace', destination: new Writable({ write: (chunk: Buffer, _e, done) => ((log += chunk.toString()), done()) }) }));
    opened = await openStore({ databaseUrl: db.url });
    const { store } = opened;
    // Port 0 first to learn the address, then the secrets that build addresses on it.
    let issued = createCalendarSecrets({ publicUrl: 'http://127.0.0.1/' });
    server = await startHealthServer({
      port: 0,
      host: '127.0.0.1',
      checks: {},
      routes: [calendarFeedRoute({ feeds: store.calendarFeeds, store, clock: { now: () => NOW }, logger, domain: 'rapport.test' })],
    });
    const address = server.server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    base = `http://127.0.0.1:${address.port}/`;
    issued = createCalendarSecrets({ publicUrl: base });
    core = createCore({ store, logger, calendar: issued });
    acme = await store.ensureWorkspace({ platform: 'slack', externalId: 'T_ACME', name: 'Acme team', timeZone: 'Europe/London' });
    other = await store.ensureWorkspace({ platform: 'slack', externalId: 'T_OTHER', name: 'Other team', timeZone: 'Europe/London' });
    for (const line of [
      '/client add "Acme Corp"',
      '/client contact acme "Jane Doe" email:jane@acme.example',
      '/client date acme birthday 1980-03-14',
      '/client family acme husband Tom',
      '/client date acme birthday "June 2" for:Tom',
      '/client add "Former Ltd"',
      '/client date former birthday "April 1"',
      '/client edit former status:former',
    ]) {
      const reply = await core.runLine({ workspace: acme, actor: ACTOR, now: NOW }, line);
      if (!reply.ok) throw new Error(`${line}: ${reply.text}`);
    }
    const seed = await core.runLine({ workspace: other, actor: ACTOR, now: NOW }, '/client add "Secret Client Beta"');
    expect(seed.ok).toBe(true);
    expect((await core.runLine({ workspace: other, actor: ACTOR, now: NOW }, '/client date beta birthday "July 9"')).ok).toBe(true);
  });
  afterAll(async () => {
    await server?.close();
    await opened?.close();
  });

  const run = (workspace: Workspace, line: string) => core.runLine({ workspace, actor: ACTOR, now: NOW }, line);

  it('gives a private address once, keeps only its SHA-256, and serves every client and family date as a yearly all-day event', async () => {
    const reply = await run(acme, '/client calendar');
    expect(reply.ok).toBe(true);
    expect(reply.visibility).toBe('private');
    expect(reply.sections?.flatMap((s) => s.lines).join(' ')).toMatch(/only time Rapport shows it/);
    const url = urlIn(reply);
    const token = /calendar\/([^/]+)\.ics$/.exec(url)![1]!;
    const row = await opened.store.db.calendarFeed.findUnique({ where: { workspaceId: acme.id } });
    expect(row?.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);

    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(res.headers.get('cache-control')).toContain('no-store');
    const events = eventsOf(await res.text());
    const bySummary = Object.fromEntries(events.map((e) => [e.summary, e]));
    expect(Object.keys(bySummary).sort()).toEqual(["Jane Doe's birthday (Acme Corp)", "Tom's birthday (Jane Doe's husband)"].sort());
    expect(bySummary["Jane Doe's birthday (Acme Corp)"]).toEqual({ summary: "Jane Doe's birthday (Acme Corp)", start: '1980-03-14', rrule: 'FREQ=YEARLY', description: 'Born 1980.' });
    // No year on file: a fixed leap year starts it, and it recurs every year from there.
    expect(bySummary["Tom's birthday (Jane Doe's husband)"]).toMatchObject({ start: '2000-06-02', rrule: 'FREQ=YEARLY', description: null });

    // Asking again does not show the address again: it is not stored.
    const again = await run(acme, '/client calendar');
    expect(again.ok).toBe(true);
    expect(again.text).not.toContain(token);
    expect(again.text).toMatch(/on since/);
  });

  it('recurs 29 February on the last day of February, so common years show it too', async () => {
    expect((await run(acme, '/client date acme anniversary 2012-02-29')).ok).toBe(true);
    const url = urlIn(await run(acme, '/client calendar rotate'));
    const ics = await (await fetch(url)).text();
    const leap = eventsOf(ics).find((e) => e.start === '2012-02-29');
    expect(leap?.rrule).toBe('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1');
    // What a calendar app computes from the feed's own event.
    const vevent = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').find((v) => (v.getFirstPropertyValue('dtstart') as ICAL.Time).toString() === '2012-02-29')!;
    const occurrences = new ICAL.Event(vevent).iterator();
    const seen = [0, 1, 2, 3, 4].map(() => occurrences.next()!.toString());
    expect(seen).toEqual(['2012-02-29', '2013-02-28', '2014-02-28', '2015-02-28', '2016-02-29']);
  });

  it('rotating stops the old address, and off stops the feed: both then answer a bare 404', async () => {
    const first = urlIn(await run(acme, '/client calendar rotate'));
    expect((await fetch(first)).status).toBe(200);
    const rotated = await run(acme, '/client calendar rotate');
    expect(rotated.text).toMatch(/old one no longer works/);
    const second = urlIn(rotated);
    expect(second).not.toBe(first);
    const gone = await fetch(first);
    expect(gone.status).toBe(404);
    expect(await gone.text()).toBe('');
    expect((await fetch(second)).status).toBe(200);
    expect((await run(acme, '/client calendar off')).ok).toBe(true);
    expect((await fetch(second)).status).toBe(404);
    expect(await opened.store.db.calendarFeed.count({ where: { workspaceId: acme.id } })).toBe(0);
  });

  it('serves nothing without a valid token', async () => {
    for (const path of ['calendar/', 'calendar/.ics', 'calendar/not-a-token.ics', `calendar/${'A'.repeat(43)}.ics`, `calendar/${hashToken('x')}.ics`, 'calendar']) {
      const res = await fetch(new URL(path, base));
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).toBe('');
    }
  });

  it("never shows one workspace's dates through another workspace's address", async () => {
    const acmeUrl = urlIn(await run(acme, '/client calendar rotate'));
    const otherUrl = urlIn(await run(other, '/client calendar rotate'));
    const acmeFeed = await (await fetch(acmeUrl)).text();
    const otherFeed = await (await fetch(otherUrl)).text();
    expect(acmeFeed).not.toContain('Secret Client Beta');
    expect(eventsOf(otherFeed).map((e) => e.summary)).toEqual(["Secret Client Beta's birthday"]);
    expect(otherFeed).not.toContain('Jane');
    expect(log).not.toContain(/calendar\/([^/]+)\.ics$/.exec(acmeUrl)![1]!);
  });

  it('says plainly where no feed is served, and writes nothing', async () => {
    const bare = createCore({ store: opened.store, logger: corePortLogger(createLogger({ level: 'silent' })) });
    const before = await opened.store.db.calendarFeed.count();
    const reply = await bare.runLine({ workspace: acme, actor: ACTOR, now: NOW }, '/client calendar rotate');
    expect(reply.ok).toBe(false);
    expect(reply.code).toBe('calendar.unavailable');
    expect(await opened.store.db.calendarFeed.count()).toBe(before);
  });
});

describe('the calendar secrets', () => {
  it('issues 256-bit tokens that differ every time and builds addresses under the public URL', () => {
    const secrets = createCalendarSecrets({ publicUrl: 'https://rapport.example.com/base' });
    const a = secrets.issue();
    const b = secrets.issue();
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.tokenHash).toBe(hashToken(a.token));
    expect(secrets.feedUrl(a.token)).toBe(`https://rapport.example.com/base/calendar/${a.token}.ics`);
  });
});
