// A Slack form and a typed line with the same meaning reach the same executor with the same typed
// arguments: the form is never rebuilt as command text.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { logCommand } from '../../../src/core/commands/log.command.js';
import { startHarness, teamStore, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  vi.restoreAllMocks();
  await h?.close();
});

const user = { id: 'U0001', username: 'jane', name: 'jane', team_id: 'T0001' };
const team = { id: 'T0001', domain: 'acme' };

describe('one executor for every door', () => {
  it('the log form and /client log call logCommand.execute with the same arguments', async () => {
    const added = await h.command('add "Acme Corp" alias:acme');
    await h.slack.waitForResponse(added.responseId);
    const { store } = await teamStore(h);
    const acme = (await store.clientDirectory()).find((c) => c.name === 'Acme Corp')!;
    const execute = vi.spyOn(logCommand, 'execute');

    const typed = await h.command('log acme call-in mood:upset when:"yesterday 3pm" asked about "Q3" pricing');
    await h.slack.waitForResponse(typed.responseId);
    await h.interactive({
      type: 'view_submission',
      team,
      user,
      api_app_id: 'A0001',
      trigger_id: 't',
      view: {
        id: 'V9',
        type: 'modal',
        callback_id: 'rapport_log',
        private_metadata: JSON.stringify({ responseUrl: h.slack.responseUrl('form-9'), channel: 'C0001' }),
        hash: 'h',
        state: {
          values: {
            client: { client_pick: { type: 'external_select', selected_option: { value: acme.id, text: { type: 'plain_text', text: 'Acme Corp' } } } },
            kind: { kind: { type: 'static_select', selected_option: { value: 'call-in', text: { type: 'plain_text', text: 'Call in' } } } },
            mood: { mood: { type: 'static_select', selected_option: { value: 'upset', text: { type: 'plain_text', text: 'Upset' } } } },
            note: { note: { type: 'plain_text_input', value: 'asked about "Q3" pricing' } },
            when: { when: { type: 'plain_text_input', value: 'yesterday 3pm' } },
          },
        },
      },
    });
    await h.slack.waitForResponse('form-9');

    expect(execute).toHaveBeenCalledTimes(2);
    const [fromLine, fromForm] = execute.mock.calls.map(([args]) => args);
    const { client: lineClient, ...lineRest } = fromLine!;
    const { client: formClient, ...formRest } = fromForm!;
    expect(lineClient).toEqual({ by: 'name', name: 'acme' });
    expect(formClient).toEqual({ by: 'id', id: acme.id });
    expect(formRest).toEqual(lineRest);
    expect(lineRest).toMatchObject({ kind: 'call-in', mood: 'upset', note: 'asked about "Q3" pricing' });

    const rows = await h.opened.store.db.interaction.findMany({ where: { summary: 'asked about "Q3" pricing' }, orderBy: { createdAt: 'asc' } });
    expect(rows.map((r) => [r.kind, r.direction, r.mood, r.source, r.occurredAt.toISOString()])).toEqual([
      ['call', 'in', 'upset', 'command', rows[0]!.occurredAt.toISOString()],
      ['call', 'in', 'upset', 'modal', rows[0]!.occurredAt.toISOString()],
    ]);
  });
});
