import { IANAZone } from 'luxon';
import { z } from 'zod';

/**
 * Every setting Rapport reads, validated once at start-up. Only the composition root calls
 * loadConfig; everything else receives plain values. docs/configuration.md documents each variable.
 */
const optionalSecret = (prefix: string | null, example: string) =>
  z
    .string()
    .trim()
    .min(1)
    .refine((v) => prefix === null || v.startsWith(prefix), `expected a value starting with "${prefix}", such as ${example}`)
    .optional();

const url = z.url({ message: 'expected a URL such as http://127.0.0.1:3999/api/' });

export const ConfigSchema = z
  .object({
    DATABASE_URL: z
      .string()
      .trim()
      .default('file:./data/rapport.db')
      .refine((v) => /^(file:|postgres(ql)?:\/\/)/.test(v), 'expected file:./data/rapport.db or postgresql://user@host:5432/db'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    RAPPORT_TIME_ZONE: z
      .string()
      .trim()
      .refine((v) => IANAZone.isValidZone(v), 'expected an IANA time zone such as Europe/London')
      .optional(),
    RAPPORT_GIFT_CATALOG: z.string().trim().min(1).optional(),
    RAPPORT_MAIL_CONFIG: z.string().trim().min(1).optional(),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(8081),
    RAPPORT_PUBLIC_URL: z
      .url({ protocol: /^https?$/, message: 'expected the public address of HEALTH_PORT, such as https://rapport.example.com/' })
      .optional(),
    SLACK_BOT_TOKEN: optionalSecret('xoxb-', 'xoxb-123-456-abc'),
    SLACK_SIGNING_SECRET: optionalSecret(null, 'the app\'s signing secret'),
    SLACK_APP_TOKEN: optionalSecret('xapp-', 'xapp-1-A123-456-abc'),
    SLACK_CLIENT_ID: optionalSecret(null, '1234.5678'),
    SLACK_CLIENT_SECRET: optionalSecret(null, 'the app\'s client secret'),
    SLACK_STATE_SECRET: optionalSecret(null, 'a long random string'),
    SLACK_MODE: z.enum(['http', 'socket']).optional(),
    SLACK_API_URL: url.optional(),
    SLACK_UNINSTALL_GRACE_DAYS: z.coerce.number().int().min(0).max(365).default(30),
    RAPPORT_INSTANCE_ID: z.string().trim().min(1).max(200).optional(),
    DELIVERY_GRACE_MINUTES: z.coerce.number().int().min(0).max(24 * 60).default(180),
    DISCORD_BOT_TOKEN: optionalSecret(null, 'the bot token from the developer portal (Bot → Reset Token)'),
    DISCORD_API_URL: url.optional(),
    DISCORD_GUILD_ID: z.string().trim().regex(/^\d{15,25}$/, 'expected a server id (digits), such as 123456789012345678').optional(),
    DISCORD_SUPPORT_CHANNEL_IDS: z
      .string()
      .trim()
      .regex(/^\d{15,25}(\s*,\s*\d{15,25})*$/, 'expected channel ids (digits) separated by commas, such as 123456789012345678,223456789012345678')
      .transform((v) => v.split(',').map((id) => id.trim()))
      .optional(),
    DISCORD_STAFF_ROLE_ID: z.string().trim().regex(/^\d{15,25}$/, 'expected a role id (digits), such as 123456789012345678').optional(),
    /** How many shards `npm run discord:shards` starts; Discord's recommendation when unset. */
    DISCORD_SHARD_COUNT: z.coerce.number().int().min(1).max(10_000).optional(),
    /** Set by discord.js's ShardingManager in each shard process (never by hand): its shard ids and the total. */
    SHARDS: z
      .string()
      .trim()
      .regex(/^(\d+|\[\s*\d+(\s*,\s*\d+)*\s*\])$/, 'expected a shard id or a JSON list of them (set by npm run discord:shards)')
      .transform((v) => [JSON.parse(v) as number | number[]].flat())
      .optional(),
    SHARD_COUNT: z.coerce.number().int().min(1).optional(),
  })
  .superRefine((c, ctx) => {
    const slack = c.SLACK_BOT_TOKEN || c.SLACK_CLIENT_ID || c.SLACK_APP_TOKEN;
    if (!slack) return;
    const mode = c.SLACK_MODE ?? (c.SLACK_APP_TOKEN ? 'socket' : 'http');
    if (mode === 'socket' && !c.SLACK_APP_TOKEN) ctx.addIssue({ code: 'custom', path: ['SLACK_APP_TOKEN'], message: 'is required in socket mode (an app-level token starting with xapp-)' });
    if (mode === 'http' && !c.SLACK_SIGNING_SECRET) ctx.addIssue({ code: 'custom', path: ['SLACK_SIGNING_SECRET'], message: 'is required in HTTP mode (Basic Information → Signing Secret)' });
    if (!c.SLACK_BOT_TOKEN && !(c.SLACK_CLIENT_ID && c.SLACK_CLIENT_SECRET && c.SLACK_STATE_SECRET)) {
      ctx.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: 'is required for one workspace (xoxb-…); for OAuth distribution set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET instead' });
    }
  });

export type Config = z.infer<typeof ConfigSchema>;

/** This process's part of a sharded Discord bot: its shard ids and the total; null when it runs every server. */
export interface ShardPart {
  readonly shards: readonly number[];
  readonly count: number;
  /** The process holding shard 0 also runs what must run once: Slack, the scheduler, the daily erasure. */
  readonly first: boolean;
}

export function shardPart(config: Config): ShardPart | null {
  if (!config.SHARDS || !config.SHARD_COUNT || config.SHARD_COUNT === 1) return null;
  return { shards: config.SHARDS, count: config.SHARD_COUNT, first: config.SHARDS.includes(0) };
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; message: string };

/** Reads the environment; a bad setting yields one message naming the variable and the expected form. */
export function loadConfig(env: Record<string, string | undefined>): ConfigResult {
  // Empty strings in .env files mean "not set", as people expect.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = ConfigSchema.safeParse(cleaned);
  if (parsed.success) return { ok: true, config: parsed.data };
  const issue = parsed.error.issues[0]!;
  const name = String(issue.path[0] ?? 'configuration');
  return { ok: false, message: `Configuration error: ${name} ${issue.message.replace(/^Invalid input: /, '')}` };
}

export type ChatPlatform = 'slack' | 'discord' | 'console';

/** Slack when it is configured (Discord may run beside it: see discordConfigured), else Discord, else the console. */
export function chosenPlatform(config: Config): ChatPlatform {
  if (slackConfigured(config)) return 'slack';
  return discordConfigured(config) ? 'discord' : 'console';
}

export function slackConfigured(config: Config): boolean {
  return Boolean(config.SLACK_BOT_TOKEN || config.SLACK_CLIENT_ID || config.SLACK_APP_TOKEN);
}

export function discordConfigured(config: Config): boolean {
  return Boolean(config.DISCORD_BOT_TOKEN);
}
