import { createHash } from 'node:crypto';
import { reply, type CommandSpec } from './command.js';
import { quoteIfNeeded } from './tokenize.js';
import { splitOptions } from './options.js';
import { must, refuse } from './outcome.js';
import { resolveClient } from './resolve-client.js';

/** A short code tied to the client, so a confirmation can't be typed for the wrong one by accident. */
export const forgetCode = (clientId: string): string => createHash('sha256').update(`forget:${clientId}`).digest('hex').slice(0, 6);

export const forgetCommand: CommandSpec = {
  name: 'forget',
  usage: '/client forget <client> [confirm:<code>]',
  summary: 'Erase a client and everything about it. Asks for a confirmation code first; this cannot be undone.',
  examples: ['/client forget acme', '/client forget acme confirm:3f9a1c'],
  async run(args, env) {
    const { options, words } = must(splitOptions(args, ['confirm']));
    const { client, rest } = must(await resolveClient(env.store, words, (name) => `/client forget ${name}`));
    if (rest.length > 0) refuse('forget.extra', `Unexpected "${rest[0]!.text}". Only the client's name and confirm:<code>.`);
    const code = forgetCode(client.id);
    const given = options.get('confirm')?.[0];
    const line = `/client forget ${quoteIfNeeded(client.name)} confirm:${code}`;
    if (given === undefined) {
      return reply(`This erases ${client.name} and everything about it: contacts, family, dates, likes, notes, interactions, gifts. It cannot be undone. To go ahead, run: ${line}`, { suggestions: [line] });
    }
    if (given.toLowerCase() !== code) refuse('forget.wrong-code', `That confirmation code is not the one for ${client.name}; nothing was erased.`);
    await env.store.forgetClient(client.id);
    return reply(`Erased ${client.name} and everything about it.`);
  },
};
