// Acknowledge first, always: the HTTP acknowledgement of a command, a form or a button never waits
// for core work (a core held on a gate this test controls), the work runs after it with bounded
// concurrency, and beyond the bound a person is told Rapport is busy, with nothing written.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BUSY } from '../../../src/adapters/slack/work.js';
import { Gate, gated } from '../../support/gate.js';
import { createTestDatabase, testProviders, type CreatedTestDatabase } from '../../support/databases.js';
import { startHarness, teamStore, type Harness } from './harness.js';

let gate = new Gate();

const logForm = (clientId: string, note: string, responseUrl: string) => ({
  type: 'view_submission',
  team: { id: 'T0001', domain: 'acme' },
  user: { id: 'U0001', name: 'jane', team_id: 'T0001' },
  view: {
    id: 'V1', type: 'modal', callback_id: 'rapport_log', private_metadata: JSON.stringify({ responseUrl }),
    state: { values: {
      client: { client_pick: { type: 'external_select', selected_option: { value: clientId } } },
      kind: { kind: { type: 'static_select', selected_option: { value: 'meeting' } } },
      note: { note: { type: 'plain_text_input', value: note } },
    } },
  },
});

for (const provider of testProviders()) {
  describe(`on ${provider}`, () => {
    let database: CreatedTestDatabase;
    let h: Harness;
    let clientId: string;

    beforeAll(async () => {
      database = await createTestDatabase(provider);
      h = await startHarness({ work: { concurrency: 1, maxWaiting: 2 } }, { databaseUrl: database.url, wrapCore: (core) => gated(core, () => gate) });
      gate.release();
      await h.slack.waitForResponse((await h.command('add "Acme Corp"')).responseId);
      const { store } = await teamStore(h);
      clientId = (await store.clientDirectory())[0]!.id;
    });
    afterEach(() => gate.release());
    afterAll(async () => {
      await h.close();
      await database.drop();
    });

    const interactions = async () => h.opened.store.db.interaction.findMany({ where: { clientId }, select: { summary: true } });

    it('acknowledges /client log before the core has finished, then replies through the response URL', async () => {
      gate = new Gate();
      const sent = await h.command('log acme call before the gate opened');
      expect(sent.status).toBe(200);
      // The acknowledgement came back while the core was still held.
      expect(gate.finished).toBe(0);
      expect(h.slack.responses.some((r) => r.id === sent.responseId)).toBe(false);
      gate.release();
      const reply = await h.slack.waitForResponse(sent.responseId);
      expect(String(reply.text)).toMatch(/Acme Corp/);
      expect((await interactions()).filter((i) => i.summary.includes('before the gate opened'))).toHaveLength(1);
    });

    it('acknowledges a log form at once, with no errors, and answers where the form came from once the core is done', async () => {
      gate = new Gate();
      const sent = await h.interactive(logForm(clientId, 'form while held', h.slack.responseUrl('held-form')));
      expect([sent.status, sent.body]).toEqual([200, '']);
      expect(gate.finished).toBe(0);
      gate.release();
      await h.slack.waitForResponse('held-form');
      expect((await interactions()).filter((i) => i.summary.includes('form while held'))).toHaveLength(1);
    });

    it('refuses what is beyond the bound with the busy reply and writes nothing for it; every one taken is written once', async () => {
      gate = new Gate();
      const before = (await interactions()).length;
      const sent = [];
      // One runs (held at the gate), two wait, the last three are refused.
      for (let n = 1; n <= 6; n += 1) sent.push(await h.command(`log acme call overload ${n}.`));
      expect(sent.map((s) => s.status)).toEqual([200, 200, 200, 200, 200, 200]);
      for (const refused of sent.slice(3)) expect((await h.slack.waitForResponse(refused.responseId)).text).toBe(BUSY);
      expect(gate.entered).toBe(1);
      gate.release();
      for (const taken of sent.slice(0, 3)) expect(String((await h.slack.waitForResponse(taken.responseId)).text)).not.toBe(BUSY);
      const written = (await interactions()).slice(before).map((i) => i.summary).sort();
      expect(written).toEqual(['overload 1.', 'overload 2.', 'overload 3.'].map((t) => expect.stringContaining(t)));
      expect(written).toHaveLength(3);
      // Each got exactly one reply.
      for (const s of sent) expect(h.slack.responses.filter((r) => r.id === s.responseId)).toHaveLength(1);
    });
  });
}
