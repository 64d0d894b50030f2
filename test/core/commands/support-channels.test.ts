// The support-channel setting as the core decides it, on a real store: what may be watched, what a
// list and a removal answer, that it shares the settings blob with the rule thresholds without either
// losing the other, and when a deployment default may seed it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type OpenedStore } from '../../../src/adapters/store/index.js';
import { seededSupportChannels } from '../../../src/core/commands/support-channels.js';
import { createCore, type Core, type RawValue } from '../../../src/core/core.js';
import { MAX_SUPPORT_CHANNELS, type Workspace } from '../../../src/core/model/index.js';
import { forEachDatabase } from '../../support/databases.js';
import { DEFAULT_NOW } from '../../support/core-harness.js';

const HELP = '200000000000000011';
const FORUM = '200000000000000012';
const actor = { platformUserId: '400000000000000001', displayName: 'sam' };

forEachDatabase((db) => {
  let opened: OpenedStore;
  let core: Core;
  let workspace: Workspace;
  let console: Workspace;
  beforeAll(async () => {
    opened = await openStore({ databaseUrl: db.url });
    core = createCore({ store: opened.store, logger: { debug() {}, info() {}, warn() {}, error() {} } });
    workspace = await opened.store.ensureWorkspace({ platform: 'discord', externalId: '100000000000000077', name: 'Community' });
    console = await opened.store.ensureWorkspace({ platform: 'console', externalId: 'support-test', name: 'Console' });
  });
  afterAll(async () => {
    await opened.close();
  });

  const fresh = () => opened.store.workspace(workspace.id).getWorkspace();
  const settings = async (values: Record<string, RawValue>, on = workspace) => core.run({ workspace: on, actor, now: DEFAULT_NOW }, 'settings', { setting: 'support-channel', ...values });

  describe('support channels', () => {
    it('starts unset, so a deployment default may seed it', async () => {
      expect((await fresh()).supportChannels).toBeUndefined();
      expect(seededSupportChannels(await fresh(), [HELP])).toEqual([HELP]);
      expect(seededSupportChannels(await fresh(), [])).toBeNull();
    });

    it('adds a text or forum channel of this server, once', async () => {
      expect(await settings({ channel: { by: 'id', id: HELP, kind: 'text', elsewhere: false } })).toMatchObject({ ok: true, visibility: 'channel' });
      expect(await settings({ channel: { by: 'id', id: FORUM, kind: 'forum', elsewhere: false } })).toMatchObject({ ok: true });
      expect((await settings({ channel: { by: 'id', id: FORUM, kind: 'forum', elsewhere: false } })).text).toMatch(/already watched/);
      expect((await fresh()).supportChannels).toEqual([HELP, FORUM]);
    });

    it('refuses what cannot be watched, and changes nothing', async () => {
      const before = (await fresh()).supportChannels;
      expect(await settings({ channel: { by: 'id', id: '200000000000000099', kind: 'text', elsewhere: true } })).toMatchObject({ ok: false, code: 'settings.support-channel.elsewhere' });
      expect(await settings({ channel: { by: 'id', id: '200000000000000098', kind: 'other', elsewhere: false } })).toMatchObject({ ok: false, code: 'settings.support-channel.kind' });
      expect(await settings({ value: '<#200000000000000097>' })).toMatchObject({ ok: false, code: 'settings.support-channel.pick' });
      expect(await settings({ value: '#help' })).toMatchObject({ ok: false, code: 'settings.support-channel.pick' });
      expect(await settings({ value: 'remove' })).toMatchObject({ ok: false, code: 'settings.support-channel.which' });
      expect(await settings({ value: '<#1' })).toMatchObject({ ok: false, code: 'channel.unreadable' });
      expect((await fresh()).supportChannels).toEqual(before);
    });

    it('is Discord only', async () => {
      expect(await settings({ channel: { by: 'id', id: HELP, kind: 'text', elsewhere: false } }, console)).toMatchObject({ ok: false, code: 'settings.support-channel.platform' });
      expect((await opened.store.workspace(console.id).getWorkspace()).supportChannels).toBeUndefined();
    });

    it('lists them, in the settings overview too', async () => {
      const listed = await settings({});
      expect(listed.sections![0]!.lines).toEqual([`<#${HELP}>`, `<#${FORUM}>`]);
      const overview = await core.run({ workspace: await fresh(), actor, now: DEFAULT_NOW }, 'settings', {});
      expect(overview.sections![0]!.lines).toContain(`support channels: <#${HELP}>, <#${FORUM}>`);
    });

    it('keeps the rule thresholds and the support channels apart in the one settings blob', async () => {
      expect((await core.run({ workspace: await fresh(), actor, now: DEFAULT_NOW }, 'settings', { setting: 'keepInTouchTopDays', value: '21' })).ok).toBe(true);
      expect((await fresh()).supportChannels).toEqual([HELP, FORUM]);
      expect(await settings({ value: `remove <#${HELP}>` })).toMatchObject({ ok: true });
      expect(await fresh()).toMatchObject({ supportChannels: [FORUM], policy: { keepInTouchTopDays: 21 } });
    });

    it('an emptied list stays set: the default seeds it no more', async () => {
      expect(await settings({ value: 'remove', channel: { by: 'id', id: FORUM } })).toMatchObject({ ok: true });
      expect((await fresh()).supportChannels).toEqual([]);
      expect(seededSupportChannels(await fresh(), [HELP])).toBeNull();
    });

    it(`holds at most ${MAX_SUPPORT_CHANNELS}`, async () => {
      await opened.store.workspace(workspace.id).updateWorkspace({ supportChannels: Array.from({ length: MAX_SUPPORT_CHANNELS }, (_, i) => `3000000000000000${String(i).padStart(2, '0')}`) });
      expect(await settings({ channel: { by: 'id', id: HELP, kind: 'text', elsewhere: false } })).toMatchObject({ ok: false, code: 'settings.support-channel.full' });
    });
  });
});
