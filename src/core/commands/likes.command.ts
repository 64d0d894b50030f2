import { LIKE_CATEGORIES, type LikeCategory } from '../model/index.js';
import { arg, defineArgs, readChoice } from './arguments.js';
import { defineCommand, reply, unchangedReply } from './command.js';
import { must, refuse } from './outcome.js';
import { resolveClient } from './resolve-client.js';

const CATEGORY_SYNONYMS: Readonly<Record<string, LikeCategory>> = { sports: 'sport', beer: 'drink', tea: 'drink', holidays: 'holiday', vacation: 'holiday', books: 'book' };

export const likesCommand = defineCommand({
  name: 'likes',
  summary: 'Remember what a client loves (their coffee, wine, team, food, hobbies, holiday spot), or list it.',
  details: ['To remove one: /client remove <client> like <what>.'],
  examples: ['/client likes acme wine pinot noir', '/client likes acme coffee flat white from Blue Bottle', '/client likes acme team Chicago Cubs', '/client likes acme'],
  args: defineArgs({
    client: arg.client().required(),
    category: arg.choice('category', LIKE_CATEGORIES, { label: 'Category', placement: 'positional', synonyms: CATEGORY_SYNONYMS }).optional(),
    value: arg.text('what they like', { label: 'What they like', placeholder: 'what' }).optional(),
  }),
  async execute(args, env) {
    const client = must(await resolveClient(env, args.client));
    const profile = await env.store.getProfile(client.id, { interactionLimit: 0 });
    const likes = profile?.likes ?? [];
    if (args.category === undefined) {
      if (args.value !== undefined) {
        // The first word was no category: answer as a category, with "did you mean" for a near miss.
        const word = args.value.split(/\s+/)[0]!;
        const type = likesCommand.args.category.type;
        if (type.kind === 'enum') must(readChoice('category', type, word));
      }
      if (likes.length === 0) return reply(`Nothing on file yet for ${client.name}. Ask them about their coffee, their team, their holidays.`);
      return reply(`${client.name} likes:`, { sections: [{ lines: likes.map((l) => `${l.category}: ${l.value}`) }] });
    }
    if (args.value === undefined) refuse('value.missing', `Add what they like in ${args.category}.`);
    const value = args.value!;
    if (likes.some((l) => l.category === args.category && l.value.toLowerCase() === value.toLowerCase())) {
      return unchangedReply(`Already known: ${client.name} likes ${value} (${args.category}).`);
    }
    await env.store.addLike({ clientId: client.id, category: args.category, value });
    return reply(`Noted: ${client.name} likes ${value} (${args.category}).`);
  },
});
