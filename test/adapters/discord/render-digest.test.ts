import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DISCORD_LIMITS, messageLink, renderDiscordDigest } from '../../../src/adapters/discord/render-digest.js';
import { NUDGE_GROUPS, type Digest, type Nudge } from '../../../src/core/model/index.js';
import { buildDigest, digestToText } from '../../../src/core/digest/index.js';

const SOURCE = { externalId: 'discord:600000000000000001', threadIds: ['200000000000000011'] };
const item = fc
  .tuple(
    fc.record({
      nudgeId: fc.stringMatching(/^n-[0-9a-z]{8}$/),
      clientId: fc.string({ maxLength: 10 }),
      clientName: fc.string({ maxLength: 80 }),
      ownerId: fc.option(fc.constantFrom('m1', 'm2', 'm3'), { nil: null }),
      title: fc.string({ maxLength: 600, size: 'max' }),
      context: fc.array(fc.string({ maxLength: 400, size: 'max' }), { maxLength: 8 }),
    }),
    fc.boolean(),
  )
  .map(([i, linked]) => (linked ? { ...i, source: SOURCE } : i));

const digest: fc.Arbitrary<Digest> = fc.record({
  kind: fc.constantFrom('morning' as const, 'sweep' as const),
  workspaceId: fc.constant('ws'),
  localDate: fc.constant('2026-03-10'),
  title: fc.string({ maxLength: 2500, size: 'max' }),
  sections: fc.uniqueArray(fc.constantFrom(...NUDGE_GROUPS), { maxLength: 3 }).chain((groups) =>
    fc.tuple(...groups.map((group) => fc.record({ group: fc.constant(group), heading: fc.string({ minLength: 1, maxLength: 300 }), items: fc.array(item, { minLength: 1, maxLength: 40 }) }))),
  ),
  overflow: fc.option(fc.record({ count: fc.nat(500), command: fc.constant('/client due all') }), { nil: null }),
  notices: fc.array(fc.string({ maxLength: 300 }), { maxLength: 4 }),
});

const owners = new Map([['m1', '<@111>'], ['m2', '<@222>']]);

describe('Discord digest renderer', () => {
  it('never exceeds Discord’s limits, and every item is shown or counted', () => {
    fc.assert(
      fc.property(digest, (d) => {
        const msg = renderDiscordDigest(d, owners, '100000000000000001');
        expect(msg.content.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
        expect(msg.embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embeds);
        let total = 0;
        for (const e of msg.embeds) {
          expect(e.title.length).toBeLessThanOrEqual(DISCORD_LIMITS.title);
          expect(e.description.length).toBeLessThanOrEqual(DISCORD_LIMITS.description);
          total += e.title.length + e.description.length + (e.footer?.text.length ?? 0);
        }
        expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
        const items = d.sections.reduce((n, s) => n + s.items.length, 0);
        const shown = msg.embeds.reduce((n, e) => n + (e.description.match(/`n-[0-9a-z]{8}`/g) ?? []).length, 0);
        const more = Number(/and (\d+) more/.exec(msg.embeds.at(-1)?.footer?.text ?? msg.embeds.at(-1)?.description ?? '')?.[1] ?? 0);
        expect(shown + more).toBe(items + (d.overflow?.count ?? 0));
      }),
      { numRuns: 200 },
    );
  });

  it('renders a small digest with mentions and ids', () => {
    const msg = renderDiscordDigest(
      {
        kind: 'morning',
        workspaceId: 'ws',
        localDate: '2026-03-10',
        title: 'Good morning: 1 thing for your clients, Tuesday 10 March',
        sections: [{ group: 'today', heading: 'Today', items: [{ nudgeId: 'n-00abc123', clientId: 'c', clientName: 'Jane', ownerId: 'm1', title: 'Reply to Jane', context: ['About: “renewal”.'] }] }],
        overflow: null,
        notices: [],
      },
      owners,
    );
    expect(msg.content).toBe('Good morning: 1 thing for your clients, Tuesday 10 March');
    expect(msg.embeds).toEqual([{ title: 'Today (1)', description: '**Reply to Jane**\n› About: “renewal”.\nOwner: <@111> · `n-00abc123`', color: 0xd9534f }]);
  });

  it('past the digest limit it points at the command that lists everything, as the console does', () => {
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
    const d = buildDigest({ workspaceId: 'ws', timeZone: 'Europe/London', now: new Date('2026-03-10T08:45:00Z'), kind: 'morning', nudges, maxItems: 10 });
    expect(renderDiscordDigest(d, owners).embeds.at(-1)?.footer?.text).toBe('…and 20 more: /client due all');
    expect(digestToText(d)).toContain('\n…and 20 more: /client due all\n');
  });

  it('links an item to the Discord message it is about, only when it is a message in that server', () => {
    expect(messageLink('100000000000000001', SOURCE)).toBe('https://discord.com/channels/100000000000000001/200000000000000011/600000000000000001');
    expect(messageLink(undefined, SOURCE)).toBeNull();
    expect(messageLink('100000000000000001', { externalId: '<abc@mail.example>', threadIds: ['<abc@mail.example>'] })).toBeNull();
    expect(messageLink('100000000000000001', { externalId: 'discord:600000000000000001', threadIds: [] })).toBeNull();
    const one: Digest = {
      kind: 'morning',
      workspaceId: 'ws',
      localDate: '2026-03-10',
      title: 'Good morning',
      sections: [{ group: 'today', heading: 'Today', items: [{ nudgeId: 'n-1', clientId: 'c', clientName: 'Ana', ownerId: null, title: 'Still unanswered', context: [], source: SOURCE }] }],
      overflow: null,
      notices: [],
    };
    expect(renderDiscordDigest(one, owners, '100000000000000001').embeds[0]!.description).toContain('[Open the message](https://discord.com/channels/100000000000000001/200000000000000011/600000000000000001)');
    expect(renderDiscordDigest(one, owners).embeds[0]!.description).not.toContain('Open the message');
  });
});
