// Special mentions (<!here>, <!channel>, <!everyone>, <!subteam^…>) that come from data (a client's
// name, an action value, a notice) stay inert in the plain text of everything Rapport sends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inertBody, inertSpecialMentions } from '../../../src/adapters/slack/outgoing.js';
import { startHarness, teamStore, type Harness } from './harness.js';

describe('inertSpecialMentions', () => {
  it.each([
    ['Hello <!here>', 'Hello &lt;!here&gt;'],
    ['<!channel> and <!everyone>', '&lt;!channel&gt; and &lt;!everyone&gt;'],
    ['<!here|here> <!subteam^S0123|@support>', '&lt;!here|here&gt; &lt;!subteam^S0123|@support&gt;'],
    ['<!HERE>', '&lt;!HERE&gt;'],
    ['owner <@U0001> in <#C0001|clients>', 'owner <@U0001> in <#C0001|clients>'],
    ['5 < 6 and a <!here without an end', '5 < 6 and a <!here without an end'],
  ])('%s -> %s', (text, inert) => {
    expect(inertSpecialMentions(text)).toBe(inert);
  });

  it('rewrites only the top-level text of form and JSON bodies, and leaves other bodies as they are', () => {
    expect(new URLSearchParams(inertBody('channel=C1&text=%3C%21channel%3E+hi', 'application/x-www-form-urlencoded')).get('text')).toBe('&lt;!channel&gt; hi');
    expect(JSON.parse(inertBody('{"text":"<!everyone>","blocks":[]}', 'application/json'))).toEqual({ text: '&lt;!everyone&gt;', blocks: [] });
    const untouched = 'channel=C1&text=plain';
    expect(inertBody(untouched, 'application/x-www-form-urlencoded')).toBe(untouched);
    expect(inertBody('not json <!here>', 'application/json')).toBe('not json <!here>');
  });
});

describe('what reaches Slack', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('a reply naming a client called "<!channel> Partners" pings nobody (response URL)', async () => {
    // Slack escapes < and > in slash-command text; Rapport reads them back as typed.
    const { responseId } = await h.command('add "&lt;!channel&gt; Partners"');
    const reply = await h.slack.waitForResponse(responseId);
    expect(reply.text).toContain('&lt;!channel&gt; Partners');
    expect(JSON.stringify(reply)).not.toContain('<!channel>');
    const { store } = await teamStore(h);
    expect((await store.clientDirectory()).map((c) => c.name)).toContain('<!channel> Partners');
  });

  it('a direct message through the Web API carries no live special mention', async () => {
    await h.adapter.notifier.notifyMembers({ workspaceExternalId: 'T0001', platformUserIds: ['U0001'], text: 'Heads up <!here>, <!everyone> and <!subteam^S0123|@support>' });
    const call = await h.slack.waitForCall('chat.postMessage');
    expect(call.args.text).toBe('Heads up &lt;!here&gt;, &lt;!everyone&gt; and &lt;!subteam^S0123|@support&gt;');
  });
});
