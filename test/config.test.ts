import { describe, expect, it } from 'vitest';
import { chosenPlatform, loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('runs on the embedded database with no settings at all', () => {
    const result = loadConfig({});
    expect(result.ok && result.config.DATABASE_URL).toBe('file:./data/rapport.db');
    expect(result.ok && chosenPlatform(result.config)).toBe('console');
  });

  it.each([
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL', 'postgresql://'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', 'info'],
    [{ RAPPORT_TIME_ZONE: 'Mars/Base' }, 'RAPPORT_TIME_ZONE', 'Europe/London'],
    [{ PORT: 'eighty' }, 'PORT', 'number'],
    [{ SLACK_BOT_TOKEN: 'abc' }, 'SLACK_BOT_TOKEN', 'xoxb-'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1-2-3' }, 'SLACK_SIGNING_SECRET', 'Signing Secret'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1-2-3', SLACK_MODE: 'socket' }, 'SLACK_APP_TOKEN', 'xapp-'],
    [{ SLACK_SIGNING_SECRET: 's', SLACK_CLIENT_ID: '1.2' }, 'SLACK_BOT_TOKEN', 'SLACK_CLIENT_SECRET'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'not a url' }, 'SLACK_API_URL', 'URL'],
  ])('refuses %j with one message naming %s and the expected form', (env, variable, form) => {
    const result = loadConfig(env);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain(variable);
    expect(result.message).toContain(form);
    expect(result.message).not.toContain('\n');
  });

  it('treats empty values as unset, as .env files write them', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: '', DATABASE_URL: '' }).ok).toBe(true);
  });

  it('chooses Slack when a bot token and signing secret are set', () => {
    const result = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1-2-3', SLACK_SIGNING_SECRET: 'secret' });
    expect(result.ok && chosenPlatform(result.config)).toBe('slack');
  });
});

describe('Discord settings', () => {
  it('DISCORD_BOT_TOKEN alone runs Rapport on Discord', () => {
    const result = loadConfig({ DISCORD_BOT_TOKEN: 'abc.def.ghi', DISCORD_API_URL: 'http://127.0.0.1:3999/api' });
    expect(result.ok && chosenPlatform(result.config)).toBe('discord');
  });

  it('a server or role id that is not a snowflake is refused, naming the variable', () => {
    expect(loadConfig({ DISCORD_BOT_TOKEN: 't', DISCORD_GUILD_ID: 'my-server' })).toEqual({ ok: false, message: expect.stringMatching(/^Configuration error: DISCORD_GUILD_ID expected a server id/) });
    expect(loadConfig({ DISCORD_BOT_TOKEN: 't', DISCORD_STAFF_ROLE_ID: '@staff' })).toEqual({ ok: false, message: expect.stringMatching(/^Configuration error: DISCORD_STAFF_ROLE_ID expected a role id/) });
  });
});
