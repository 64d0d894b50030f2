import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { register } from '../scripts/discord-register.js';
import { FakeDiscord } from './support/fake-discord.js';

describe('npm run discord:register', () => {
  let discord: FakeDiscord;
  beforeAll(async () => {
    discord = await FakeDiscord.start();
  });
  afterAll(() => discord.close());
  const env = () => ({ DISCORD_BOT_TOKEN: 'register-token', DISCORD_API_URL: discord.apiUrl });

  it('registers /client in DISCORD_GUILD_ID\'s server', async () => {
    const result = await register({ ...env(), DISCORD_GUILD_ID: '100000000000000001' }, []);
    expect(result.code).toBe(0);
    const [put] = discord.callsTo('PUT', /^\/applications\/\d+\/guilds\/100000000000000001\/commands$/);
    expect((put!.body as unknown as { name: string }[]).map((c) => c.name)).toEqual(['client']);
  });

  it('registers globally with --global', async () => {
    expect((await register({ ...env(), DISCORD_GUILD_ID: '100000000000000001' }, ['--global'])).code).toBe(0);
    expect(discord.callsTo('PUT', /^\/applications\/\d+\/commands$/)).toHaveLength(1);
  });

  it('refuses a malformed server id and registers nothing', async () => {
    const before = discord.calls.length;
    expect(await register(env(), ['--guild', 'my-server'])).toMatchObject({ code: 2, message: expect.stringMatching(/not a server id/) });
    expect(discord.calls.length).toBe(before);
  });
});
