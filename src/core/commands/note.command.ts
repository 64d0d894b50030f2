import { arg, defineArgs } from './arguments.js';
import { defineCommand, reply } from './command.js';
import { must } from './outcome.js';
import { resolveClient } from './resolve-client.js';

export const noteCommand = defineCommand({
  name: 'note',
  summary: 'Keep something you learned about a client: a free note, signed and dated, kept exactly as you typed it.',
  examples: ['/client note acme Jane is moving to the Lisbon office in spring', '/client note "Acme Corp" prefers calls before 10am'],
  args: defineArgs({
    client: arg.client().required(),
    text: arg.text('the note', { label: 'Note', placeholder: 'what you learned' }).required(),
  }),
  async execute(args, env) {
    const client = must(await resolveClient(env, args.client));
    await env.store.addNote({ clientId: client.id, authorId: env.actor.id, text: args.text, createdAt: env.now });
    return reply(`Noted for ${client.name}: ${args.text}`);
  },
});
