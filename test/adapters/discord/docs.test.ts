import { readFileSync } from 'node:fs';
import { GatewayIntentBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { INTENTS, INVITE_PERMISSIONS, inviteUrl } from '../../../src/adapters/discord/index.js';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

describe("the README's Discord section stays true", () => {
  it('gives the invite URL with exactly the permissions the bot asks for', () => {
    expect(inviteUrl('123')).toBe(`https://discord.com/oauth2/authorize?client_id=123&scope=bot+applications.commands&permissions=${INVITE_PERMISSIONS}`);
    expect(readme).toContain(`scope=bot+applications.commands&permissions=${INVITE_PERMISSIONS}`);
  });

  it('names the intents the client asks for, none of them privileged', () => {
    expect(INTENTS).toEqual([GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages]);
    expect(readme).toMatch(/asks only for the `Guilds` and `Guild Messages` intents/);
  });

  it('documents the register script that package.json runs', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['discord:register']).toBe('tsx scripts/discord-register.ts');
    expect(readme).toContain('npm run discord:register');
  });
});
