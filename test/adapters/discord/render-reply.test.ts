import { describe, expect, it } from 'vitest';
import { renderReply } from '../../../src/adapters/discord/render-reply.js';
import { DISCORD_LIMITS } from '../../../src/adapters/discord/render-digest.js';
import type { Reply } from '../../../src/core/model/index.js';

const base: Reply = { ok: true, text: 'Acme', visibility: 'private' };

describe('Discord rendering of the core reply', () => {
  it('keeps private replies ephemeral and channel replies public', () => {
    expect(renderReply(base).ephemeral).toBe(true);
    expect(renderReply({ ...base, visibility: 'channel' }).ephemeral).toBe(false);
  });

  it('marks an error and shows suggestions as commands', () => {
    const r = renderReply({ ok: false, code: 'client.unknown', text: 'No client "acne".', visibility: 'private', suggestions: ['/client show acme'] });
    expect(r.content).toBe('⚠️ No client "acne".\nTry: `/client show acme`');
  });

  it('stays within Discord limits however long the sections are, and says what was left out', () => {
    const sections = Array.from({ length: 14 }, (_, i) => ({ title: `Section ${i} ${'t'.repeat(300)}`, lines: Array.from({ length: 60 }, (__, j) => `line ${j} ${'x'.repeat(100)}`) }));
    const r = renderReply({ ...base, text: 'y'.repeat(5000), sections });
    expect(r.content.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
    expect(r.embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embeds);
    const total = r.embeds.reduce((n, e) => n + e.title.length + e.description.length + (e.footer?.text.length ?? 0), 0);
    expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
    for (const e of r.embeds) {
      expect(e.title.length).toBeLessThanOrEqual(DISCORD_LIMITS.title);
      expect(e.description.length).toBeLessThanOrEqual(DISCORD_LIMITS.description);
    }
    expect(r.embeds.at(-1)!.footer!.text).toMatch(/more sections left out/);
  });

  it('hands an export over as a file', () => {
    const r = renderReply({ ...base, attachment: { filename: 'acme.json', mimeType: 'application/json', content: '{"a":1}' } });
    expect(r.files).toEqual([{ attachment: Buffer.from('{"a":1}'), name: 'acme.json' }]);
    expect(r.allowedMentions).toEqual({ parse: [] });
  });
});
