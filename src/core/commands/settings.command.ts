import { IANAZone } from 'luxon';
import { Policy, DEFAULT_POLICY, type PolicyKey, type Reply } from '../model/index.js';
import type { WorkspacePatch } from '../ports/index.js';
import { arg, defineArgs, readChoice, type ChannelRef } from './arguments.js';
import { defineCommand, reply, type CommandEnv } from './command.js';
import { fail, must, refuse, type Outcome } from './outcome.js';
import { SUPPORT_CHANNEL_SETTING, supportChannelSetting, supportChannelsLine } from './support-channels.js';

const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const KEYS = Object.keys(Policy.shape) as PolicyKey[];

const SETTING_KEYS: readonly string[] = ['channel', 'timezone', 'hours', 'days', SUPPORT_CHANNEL_SETTING, ...KEYS];

export const settingsCommand = defineCommand({
  name: 'settings',
  summary: "Show or change this workspace's settings: digest channel, time zone, hours and days, support channels, rule thresholds.",
  details: [
    'Settings: channel <#channel>, timezone <Area/City>, hours <HH:mm-HH:mm>, days <mon-fri>, and each rule threshold by name (/client settings lists them with their values).',
    'On Discord: support-channel <#channel> watches a text or forum channel (a member\'s new post waits for a staff reply); support-channel remove <#channel> stops; support-channel alone lists them.',
  ],
  examples: [
    '/client settings',
    '/client settings channel #client-care',
    '/client settings timezone Europe/London',
    '/client settings hours 09:00-17:30',
    '/client settings days mon-fri',
    '/client settings keepInTouchTopDays 21',
    '/client settings support-channel #help',
    '/client settings support-channel remove #help',
  ],
  args: defineArgs({
    setting: arg.choice('setting', SETTING_KEYS, { label: 'Setting', placement: 'positional', listedAt: '/client settings lists them all.' }).optional(),
    value: arg.text('a value', { label: 'Value', placeholder: 'value', max: 200 }).optional(),
    channel: arg.channel({ label: 'Channel (digest channel or support channel)' }).optional(),
  }),
  async execute(args, env) {
    const { workspace } = env;
    if (args.setting === undefined && args.value === undefined && args.channel === undefined) {
      const days = workspace.businessDays.map((d) => DAY_NAMES[d - 1]).join(', ');
      return reply(`Settings for ${workspace.name}:`, {
        sections: [
          {
            lines: [
              `channel: ${workspace.digestChannel ?? '(not set: /client settings channel #name)'}`,
              `timezone: ${workspace.timeZone}`,
              `hours: ${workspace.businessStart}-${workspace.businessEnd}`,
              `days: ${days}`,
              ...(workspace.platform === 'discord' ? [supportChannelsLine(workspace)] : []),
            ],
          },
          { title: 'Rules', lines: KEYS.map((k) => `${k}: ${String(workspace.policy[k])}${workspace.policy[k] === DEFAULT_POLICY[k] ? '' : ` (default ${String(DEFAULT_POLICY[k])})`}`) },
        ],
      });
    }
    if (args.setting === undefined) {
      if (args.value === undefined) refuse('settings.which', 'Which setting? /client settings lists them all.');
      // The first word was no setting: answer as a setting, with "did you mean" for a near miss.
      const type = settingsCommand.args.setting.type;
      if (type.kind === 'enum') must(readChoice('settings', type, args.value!.split(/\s+/)[0]!));
    }
    const key = args.setting!;
    if (key === SUPPORT_CHANNEL_SETTING) return supportChannelSetting(env, args.channel, args.value);
    if (key === 'channel' && args.channel !== undefined && args.value === undefined) return digestChannel(env, args.channel);
    if (args.channel !== undefined) refuse('settings.channel-unused', `${key} takes no channel; give it a value.`);
    if (args.value === undefined) refuse('settings.value-missing', `Give a value for ${key}.`);
    const value = args.value!;
    const patch = must(patchFor(key, value, workspace.policy));
    const updated = await env.store.updateWorkspace(patch);
    const shown = key === 'channel' ? updated.digestChannel : key === 'timezone' ? updated.timeZone : value;
    return reply(`Set ${key} to ${shown}.`, { visibility: 'channel' });
  },
});

/** The digest channel picked on the platform: a text channel in this workspace. */
async function digestChannel(env: CommandEnv, channel: ChannelRef): Promise<Reply> {
  if (channel.by === 'id' && channel.elsewhere === true) refuse('settings.channel-elsewhere', 'That channel is not in this server (or Rapport cannot see it); nothing changed.');
  if (channel.by === 'id' && channel.kind !== undefined && channel.kind !== 'text') refuse('settings.channel-kind', `<#${channel.id}> is not a text channel; digests need one.`);
  const updated = await env.store.updateWorkspace({ digestChannel: channel.by === 'id' ? channel.id : channel.name, clearDeliveryBlock: true });
  return reply(`Set channel to ${updated.digestChannel}.`, { visibility: 'channel' });
}

function patchFor(key: string, value: string, policy: Policy): Outcome<WorkspacePatch> {
  switch (key.toLowerCase()) {
    case 'channel': {
      const channel = /^<#([A-Z0-9]+)(\|[^>]*)?>$/i.exec(value)?.[1] ?? /^#?([\p{L}\p{N}_-]{1,80})$/u.exec(value)?.[1];
      return channel ? { ok: true as const, value: { digestChannel: channel, clearDeliveryBlock: true } satisfies WorkspacePatch } : fail('settings.channel', `"${value}" is not a channel; use #channel-name.`);
    }
    case 'timezone':
      return IANAZone.isValidZone(value) ? { ok: true as const, value: { timeZone: value } } : fail('settings.timezone', `"${value}" is not a time zone; use an IANA name such as Europe/London or America/New_York.`);
    case 'hours': {
      const m = /^([01]\d|2[0-3]):([0-5]\d)\s*-\s*([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
      if (!m || `${m[1]}:${m[2]}` >= `${m[3]}:${m[4]}`) return fail('settings.hours', `"${value}" is not a span of hours; use HH:mm-HH:mm, e.g. 09:00-17:30.`);
      return { ok: true as const, value: { businessStart: `${m[1]}:${m[2]}`, businessEnd: `${m[3]}:${m[4]}` } };
    }
    case 'days': {
      const days = parseDays(value);
      return days ? { ok: true as const, value: { businessDays: days } } : fail('settings.days', `"${value}" is not a set of days; use e.g. mon-fri or mon,tue,thu.`);
    }
    default: {
      const policyKey = KEYS.find((k) => k.toLowerCase() === key.toLowerCase());
      if (policyKey === undefined) return fail('settings.unknown', `There is no setting "${key}". /client settings lists them all.`);
      const raw: unknown = typeof DEFAULT_POLICY[policyKey] === 'number' ? Number(value) : typeof DEFAULT_POLICY[policyKey] === 'boolean' ? ({ true: true, yes: true, on: true, false: false, no: false, off: false } as Record<string, boolean>)[value.toLowerCase()] : value;
      const parsed = Policy.shape[policyKey].safeParse(raw);
      if (!parsed.success) return fail('settings.invalid', `${value} is not a valid ${policyKey}: ${parsed.error.issues[0]?.message ?? 'out of range'}.`);
      return { ok: true as const, value: { policy: { ...policy, [policyKey]: parsed.data } } };
    }
  }
}

function parseDays(text: string): number[] | null {
  const out = new Set<number>();
  for (const part of text.toLowerCase().split(/[\s,]+/).filter(Boolean)) {
    const range = /^([a-z]{3})[a-z]*(?:-([a-z]{3})[a-z]*)?$/.exec(part);
    const from = range ? DAY_NAMES.indexOf(range[1]!) : -1;
    const to = range?.[2] ? DAY_NAMES.indexOf(range[2]) : from;
    if (from < 0 || to < 0 || to < from) return null;
    for (let d = from; d <= to; d++) out.add(d + 1);
  }
  return out.size > 0 ? [...out].sort() : null;
}
