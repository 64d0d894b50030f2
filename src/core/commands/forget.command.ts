import { createHash } from 'node:crypto';
import { arg, defineArgs } from './arguments.js';
import { defineCommand, reply } from './command.js';
import { quoteIfNeeded } from './tokenize.js';
import { must, refuse } from './outcome.js';
import { resolveClient } from './resolve-client.js';

/** A short code tied to the client, so a confirmation can't be typed for the wrong one by accident. */
export const forgetCode = (clientId: string): string => createHash('sha256').update(`forget:${clientId}`).digest('hex').slice(0, 6);

export const forgetCommand = defineCommand({
  name: 'forget',
  summary: 'Erase a client and everything about it. Asks for a confirmation code first; this cannot be undone.',
  examples: ['/client forget acme', '/client forget acme confirm:3f9a1c'],
  args: defineArgs({
    client: arg.client().required(),
    confirm: arg.word('a confirmation code', /^[0-9a-f]{6}$/, '3f9a1c', { label: 'Confirmation code', placement: 'option', placeholder: 'code', lower: true }).optional(),
  }),
  async execute(args, env) {
    const client = must(await resolveClient(env, args.client));
    const code = forgetCode(client.id);
    const line = `/client forget ${quoteIfNeeded(client.name)} confirm:${code}`;
    if (args.confirm === undefined) {
      return reply(`This erases ${client.name} and everything about it: contacts, family, dates, likes, notes, interactions, gifts. It cannot be undone. To go ahead, run: ${line}`, { suggestions: [line] });
    }
    if (args.confirm !== code) refuse('forget.wrong-code', `That confirmation code is not the one for ${client.name}; nothing was erased.`);
    await env.store.forgetClient(client.id);
    return reply(`Erased ${client.name} and everything about it.`);
  },
});
