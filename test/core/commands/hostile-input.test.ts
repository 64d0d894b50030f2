import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { forEachDatabase } from '../../support/databases.js';
import { useHarness } from '../../support/core-harness.js';
import { COMMANDS } from '../../../src/core/commands/registry.js';

/**
 * Hundreds of random and hostile lines. Each must come back as one clear line of error (never an
 * exception, never a stack trace), and leave every table exactly as it was.
 */
const known = new Set(COMMANDS.flatMap((c) => [c.name, ...(c.aliases ?? [])]));
const anyText = fc.string({ unit: 'grapheme', maxLength: 60 });
const sqlish = fc.constantFrom(`'; DROP TABLE "Client"; --`, `" OR 1=1 --`, `Robert'); DELETE FROM Interaction;--`, '%_%', '\\x00', '$(rm -rf /)', '{{7*7}}', '<script>alert(1)</script>');

const hostileLines: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', '   ', '/client', '/client   ', '\t'),
  // Huge lines.
  fc.integer({ min: 4001, max: 20000 }).map((n) => `/client note acme ${'x'.repeat(n)}`),
  // Unknown subcommands, including unicode and SQL-looking words.
  fc.oneof(anyText, sqlish).filter((w) => w.trim() !== '' && !known.has(w.trim().split(/\s+/)[0]!.toLowerCase()) && !/["'“‘«]/.test(w)).map((w) => `/client ${w}`),
  // Quotes left open.
  fc.tuple(fc.constantFrom('add', 'log', 'show', 'note', 'date'), anyText).map(([c, t]) => `/client ${c} "${t.replace(/["“”]/g, '')}`),
  // Clients that do not exist (the workspace has none whose name starts with "zz").
  fc.tuple(fc.constantFrom('show', 'log', 'note', 'likes', 'export', 'forget', 'health'), fc.oneof(sqlish, fc.stringMatching(/^[a-z]{3,12}$/))).map(([c, name]) => `/client ${c} "zz${name}" call hello`),
  // Impossible dates on a real client.
  fc.constantFrom('Feb 30', '31 April', '2026-13-45', '2026-02-30', '0000-00-00', 'the 45th of Smarch', 'yesterday-ish', '14 Mar 1066').map((d) => `/client date acme birthday "${d}"`),
  // Bad kinds, moods and moments.
  fc.stringMatching(/^[a-z]{3,10}$/).filter((k) => !['call', 'meeting', 'message', 'complaint', 'update', 'resolution', 'resolved', 'gift', 'referral', 'mistake', 'apology', 'feedback', 'advice', 'note'].includes(k)).map((k) => `/client log acme ${k} something happened`),
  fc.stringMatching(/^[a-z]{3,10}$/).filter((m) => !['happy', 'neutral', 'upset', 'angry', 'rude', 'abusive'].includes(m)).map((m) => `/client log acme call mood:${m} a call`),
  fc.constantFrom('when:tomorrow', 'when:"in 3 days"', 'when:"next year"', 'when:never', 'when:').map((w) => `/client log acme call ${w} a call`),
  // Missing pieces and wrong settings.
  fc.constantFrom('/client log acme', '/client log', '/client add', '/client add ""', '/client date acme', '/client date acme birthday', '/client likes acme smell roses', '/client done', '/client done banana', '/client snooze n-abcd', '/client snooze n-abcd 1d', '/client settings timezone Nowhere/Land', '/client settings hours 18:00-09:00', '/client settings days funday', '/client settings frobnicate 3', '/client list tier:gold', '/client contact acme Bob email:not-an-email', '/client family acme', '/client forget acme confirm:nope', '/client help nothing'),
  // Control characters.
  fc.constantFrom('\u0000', '\u0007', '\u001b[31m', '\u007f').map((c) => `/client add Evil${c}Corp`),
);

forEachDatabase((db) => {
  const h = useHarness(db);
  beforeAll(async () => {
    const added = await h.run('/client add "Acme Corp" alias:acme');
    if (!added.ok) throw new Error(added.text);
  });

  it('answers every hostile line with one clear line of error and writes nothing', async () => {
    const before = await h.rowCounts();
    await fc.assert(
      fc.asyncProperty(hostileLines, async (line) => {
        const reply = await h.run(line);
        expect(reply.ok, `accepted: ${JSON.stringify(line.slice(0, 80))}`).toBe(false);
        expect(reply.code).toMatch(/^[a-z-]+\.[a-z-]+$/);
        expect(reply.code).not.toBe('internal');
        expect(reply.text).not.toContain('\n');
        expect(reply.text.length).toBeGreaterThan(10);
        expect(reply.text.length).toBeLessThan(400);
        expect(reply.text).not.toMatch(/\bat .*\.(ts|js):\d+/);
        expect(await h.rowCounts()).toEqual(before);
      }),
      { numRuns: 150 },
    );
  });
});
