import { reply, type CommandSpec } from './command.js';
import { joinWords, validateText } from './options.js';
import { must } from './outcome.js';
import { resolveClient } from './resolve-client.js';

export const noteCommand: CommandSpec = {
  name: 'note',
  usage: '/client note <client> <what you learned>',
  summary: 'Keep something you learned about a client: a free note, signed and dated.',
  examples: ['/client note acme Jane is moving to the Lisbon office in spring', '/client note "Acme Corp" prefers calls before 10am'],
  async run(args, env) {
    const { client, rest } = must(await resolveClient(env.store, args, (name) => `/client note ${name} ${joinWords(args.slice(1))}`));
    const text = must(validateText(joinWords(rest), 'the note'));
    await env.store.addNote({ clientId: client.id, authorId: env.actor.id, text, createdAt: env.now });
    return reply(`Noted for ${client.name}: ${text}`);
  },
};
