// The pure renderers: no digest or reply, however large or odd, breaks Slack's Block Kit limits.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markItem, renderDigest } from '../../../src/adapters/slack/render-digest.js';
import { renderReply } from '../../../src/adapters/slack/render-reply.js';
import { ChannelPacer, PacedOut } from '../../../src/adapters/slack/pacer.js';
import { NUDGE_GROUPS, type Digest, type Nudge, type Reply } from '../../../src/core/model/index.js';
import { buildDigest, DUE_ALL_COMMAND } from '../../../src/core/digest/index.js';

type AnyBlock = Record<string, unknown> & { type: string; block_id?: string };

/** Every Block Kit limit Rapport's messages can run into, checked on one message. */
function limitViolations(blocks: readonly AnyBlock[], maxBlocks = 50): string[] {
  const problems: string[] = [];
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks`);
  const ids = blocks.map((b) => b.block_id).filter((x): x is string => x !== undefined);
  if (new Set(ids).size !== ids.length) problems.push('duplicate block_id');
  for (const b of blocks) {
    if (b.block_id && b.block_id.length > 255) problems.push('block_id > 255');
    const text = (b.text as { text?: string } | undefined)?.text ?? '';
    if (b.type === 'header' && text.length > 150) problems.push('header > 150');
    if (b.type === 'section' && text.length > 3000) problems.push('section > 3000');
    if (b.type === 'section' && text.length === 0) problems.push('empty section');
    const elements = (b.elements as Record<string, unknown>[] | undefined) ?? [];
    if (b.type === 'context' && elements.length > 10) problems.push('context > 10 elements');
    if (b.type === 'actions' && elements.length > 25) problems.push('actions > 25 elements');
    const controls = [...elements, ...(b.accessory ? [b.accessory as Record<string, unknown>] : [])];
    for (const e of controls) {
      if (typeof e.text === 'string' && e.text.length > 3000) problems.push('context element > 3000');
      const label = (e.text as { text?: string } | undefined)?.text;
      if (e.type === 'button' && label !== undefined && label.length > 75) problems.push('button text > 75');
      if (typeof e.value === 'string' && e.value.length > 2000) problems.push('button value > 2000');
      if (typeof e.action_id === 'string' && e.action_id.length > 255) problems.push('action_id > 255');
      for (const o of (e.options as { text: { text: string }; value: string }[] | undefined) ?? []) {
        if (o.text.text.length > 75) problems.push('option text > 75');
        if (o.value.length > 150) problems.push('option value > 150');
      }
    }
  }
  return problems;
}

const text = (max: number) => fc.string({ unit: 'grapheme', maxLength: max });
const nasty = fc.oneof(text(40), text(400), fc.constantFrom('<@U1>', '&amp;', '<!channel>', '*bold*', '🎉'.repeat(2000)), fc.string({ minLength: 2900, maxLength: 3100 }));

const item = fc.record({
  nudgeId: fc.oneof(fc.stringMatching(/^n-[0-9a-z]{8}$/), fc.string({ minLength: 1, maxLength: 300 })),
  clientId: fc.string({ minLength: 1, maxLength: 40 }),
  clientName: text(60),
  ownerId: fc.option(fc.constantFrom('m1', 'm2', 'm3'), { nil: null }),
  title: nasty,
  context: fc.array(nasty, { maxLength: 6 }),
});

const digestArb: fc.Arbitrary<Digest> = fc
  .record({
    title: nasty,
    notices: fc.array(nasty, { maxLength: 14 }),
    sections: fc.array(fc.record({ group: fc.constantFrom(...NUDGE_GROUPS), heading: text(200), items: fc.array(item, { maxLength: 80 }) }), { maxLength: 3 }),
    // The command is the one the core puts there: the renderer must show it as it is.
    overflow: fc.option(fc.record({ count: fc.nat(500), command: fc.constant(DUE_ALL_COMMAND) }), { nil: null }),
  })
  .map((d) => {
    // Nudge ids are unique within a digest: the core makes them from distinct triggers.
    const seen = new Set<string>();
    const sections = d.sections.map((s) => ({ ...s, items: s.items.filter((i) => !seen.has(i.nudgeId) && seen.add(i.nudgeId)) }));
    return { kind: 'morning' as const, workspaceId: 'w1', localDate: '2026-03-02', title: d.title, notices: d.notices, overflow: d.overflow, sections };
  });

/** The text of the last context block, where the "and N more" line goes. */
function overflowLine(blocks: readonly AnyBlock[]): string | undefined {
  const last = blocks.at(-1);
  if (last?.type !== 'context') return undefined;
  return ((last.elements as { text?: string }[] | undefined) ?? []).map((e) => e.text ?? '').join(' ');
}

const owners = new Map([
  ['m1', 'U001'],
  ['m2', 'U002'],
]);

describe('renderDigest', () => {
  it('never exceeds Slack limits: 50 blocks, 3,000 characters a text, 150 a header, unique block ids', () => {
    fc.assert(
      fc.property(digestArb, (digest) => {
        const { blocks, text: fallback } = renderDigest({ digest, slackUserIds: owners });
        expect(limitViolations(blocks as AnyBlock[])).toEqual([]);
        expect(fallback.length).toBeLessThanOrEqual(3000);
      }),
      { numRuns: 100 },
    );
  });

  it('accounts for every item: shown, or counted in "and N more"', () => {
    fc.assert(
      fc.property(digestArb, (digest) => {
        const { blocks } = renderDigest({ digest, slackUserIds: owners });
        const total = digest.sections.reduce((n, s) => n + s.items.length, 0) + (digest.overflow?.count ?? 0);
        const shown = new Set(
          (blocks as AnyBlock[])
            .map((b) => b.block_id?.match(/^[tx]\|(.*)$/s)?.[1])
            .filter((x): x is string => x !== undefined),
        );
        const untracked = digest.sections.flatMap((s) => s.items).filter((i) => i.nudgeId.length > 253).length;
        const more = JSON.stringify(blocks).match(/…and (\d+) more/);
        expect(shown.size + untracked + Number(more?.[1] ?? 0)).toBeGreaterThanOrEqual(total);
        if (more) expect(overflowLine(blocks as AnyBlock[])).toMatch(/ — see all with `\/client due all`$/);
      }),
      { numRuns: 100 },
    );
  });

  it('marking an item keeps the message within the limits and the block count unchanged', () => {
    fc.assert(
      fc.property(digestArb, nasty, (digest, result) => {
        const { blocks } = renderDigest({ digest, slackUserIds: owners });
        const first = digest.sections.flatMap((s) => s.items)[0];
        if (!first) return;
        const marked = markItem(blocks, first.nudgeId, result);
        expect(marked).toHaveLength(blocks.length);
        expect(limitViolations(marked as AnyBlock[])).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('past the digest limit it points at the command that lists everything, written once', () => {
    const nudges: Nudge[] = Array.from({ length: 30 }, (_, n) => ({
      id: `n-${String(n).padStart(8, '0')}`,
      rule: 'keep-in-touch',
      clientId: `c${n}`,
      clientName: `Client ${n}`,
      ownerId: 'm1',
      group: 'attention',
      urgency: 30,
      title: `Reconnect with Client ${n}`,
      context: [],
      triggeredAt: new Date('2026-03-01T00:00:00Z'),
      followUpId: null,
      sweep: false,
    }));
    const digest = buildDigest({ workspaceId: 'w1', timeZone: 'Europe/London', now: new Date('2026-03-10T08:45:00Z'), kind: 'morning', nudges, maxItems: 10 });
    const { blocks } = renderDigest({ digest, slackUserIds: owners });
    expect(overflowLine(blocks as AnyBlock[])).toBe('…and 20 more — see all with `/client due all`');
  });

  it('escapes what people typed so it cannot mention @channel or fake a link', () => {
    const digest: Digest = {
      kind: 'morning',
      workspaceId: 'w',
      localDate: '2026-03-02',
      title: 'Today',
      notices: [],
      overflow: null,
      sections: [{ group: 'today', heading: 'Today', items: [{ nudgeId: 'n-1', clientId: 'c1', clientName: 'A', ownerId: 'm1', title: 'Call <!channel> & <http://x|y>', context: [] }] }],
    };
    const { blocks } = renderDigest({ digest, slackUserIds: owners });
    const title = JSON.stringify(blocks.find((b) => b.block_id === 't|n-1'));
    expect(title).toContain('&lt;!channel&gt; &amp; &lt;http://x|y&gt;');
    expect(title).toContain('<@U001>');
  });
});

describe('renderReply', () => {
  const replies: fc.Arbitrary<Reply> = fc.record({
    ok: fc.boolean(),
    text: nasty,
    visibility: fc.constantFrom('private' as const, 'channel' as const),
    sections: fc.array(fc.record({ title: fc.option(text(100), { nil: undefined }), lines: fc.array(nasty, { maxLength: 30 }) }), { maxLength: 8 }),
    suggestions: fc.array(text(80), { maxLength: 14 }),
  });

  it('maps the core visibility and stays within the limits', () => {
    fc.assert(
      fc.property(replies, (reply) => {
        const rendered = renderReply(reply);
        expect(rendered.response_type).toBe(reply.visibility === 'channel' ? 'in_channel' : 'ephemeral');
        expect(limitViolations(rendered.blocks as AnyBlock[])).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('shows an export inline, in code blocks of at most 3,000 characters', () => {
    const content = JSON.stringify({ rows: Array.from({ length: 400 }, (_, i) => ({ i, note: 'x'.repeat(40) })) });
    const rendered = renderReply({ ok: true, text: 'Export', visibility: 'private', attachment: { filename: 'a.json', mimeType: 'application/json', content } });
    expect(limitViolations(rendered.blocks as AnyBlock[])).toEqual([]);
    expect(JSON.stringify(rendered.blocks)).toContain('a.json');
  });
});

describe('ChannelPacer', () => {
  it('spaces calls on one key by the gap and lets other keys through', async () => {
    let t = 0;
    const sleeps: number[] = [];
    const order: string[] = [];
    const pacer = new ChannelPacer({ now: () => new Date(t) }, async (ms) => void (sleeps.push(ms), (t += ms)), 1000);
    await Promise.all([
      pacer.run('a', async () => void order.push('a1')),
      pacer.run('a', async () => void order.push('a2')),
      pacer.run('b', async () => void order.push('b1')),
      pacer.run('a', async () => void order.push('a3')),
    ]);
    expect(order.filter((x) => x.startsWith('a'))).toEqual(['a1', 'a2', 'a3']);
    expect(sleeps).toEqual([1000, 1000]);
  });

  it('hands back a turn further away than the caller would wait, without taking it', async () => {
    let t = 0;
    const sleeps: number[] = [];
    const pacer = new ChannelPacer({ now: () => new Date(t) }, async (ms) => void (sleeps.push(ms), (t += ms)), 1000);
    await pacer.run('a', async () => undefined);
    await pacer.run('a', async () => undefined); // turn at 1000: waits
    const refused = pacer.run('a', async () => 'late', { maxWaitMs: 500 }); // now 1000, turn at 2000
    await expect(refused).rejects.toThrow(PacedOut);
    await expect(refused).rejects.toMatchObject({ waitMs: 1000 });
    // The refused call took no turn: the next one waits only for the turn at 2000.
    await expect(pacer.run('a', async () => 'ok', { maxWaitMs: 1000 })).resolves.toBe('ok');
    expect(sleeps).toEqual([1000, 1000]);
  });

  it('a failing call does not block the next one', async () => {
    const pacer = new ChannelPacer({ now: () => new Date(0) }, async () => undefined, 1000);
    await expect(pacer.run('a', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(pacer.run('a', async () => 'ok')).resolves.toBe('ok');
  });
});
