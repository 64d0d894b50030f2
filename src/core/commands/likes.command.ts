import { LIKE_CATEGORIES, LikeCategory } from '../model/index.js';
import { reply, type CommandSpec } from './command.js';
import { joinWords, validateText } from './options.js';
import { must, refuse } from './outcome.js';
import { resolveClient } from './resolve-client.js';

const CATEGORY_WORDS: Record<string, LikeCategory> = { sports: 'sport', beer: 'drink', tea: 'drink', holidays: 'holiday', vacation: 'holiday', books: 'book' };

export const likesCommand: CommandSpec = {
  name: 'likes',
  usage: `/client likes <client> [<${LIKE_CATEGORIES.join('|')}> <what>]`,
  summary: 'Remember what a client loves (their coffee, wine, team, food, hobbies, holiday spot), or list it.',
  examples: ['/client likes acme wine pinot noir', '/client likes acme coffee flat white from Blue Bottle', '/client likes acme team Chicago Cubs', '/client likes acme'],
  async run(args, env) {
    const { client, rest } = must(await resolveClient(env.store, args, (name) => `/client likes ${name} ${joinWords(args.slice(1))}`));
    const [categoryWord, ...valueWords] = rest;
    if (categoryWord === undefined) {
      const profile = await env.store.getProfile(client.id, { interactionLimit: 0 });
      const likes = profile?.likes ?? [];
      if (likes.length === 0) return reply(`Nothing on file yet for ${client.name}. Ask them about their coffee, their team, their holidays.`);
      return reply(`${client.name} likes:`, { sections: [{ lines: likes.map((l) => `${l.category}: ${l.value}`) }] });
    }
    const word = categoryWord.text.toLowerCase();
    const parsed = LikeCategory.safeParse(CATEGORY_WORDS[word] ?? word);
    if (!parsed.success) refuse('like.category-unknown', `"${categoryWord.text}" is not a category. Use one of ${LIKE_CATEGORIES.join(', ')}.`);
    const value = must(validateText(joinWords(valueWords), `what they like in ${word}`));
    await env.store.addLike({ clientId: client.id, category: parsed.data!, value });
    return reply(`Noted: ${client.name} likes ${value} (${parsed.data}).`);
  },
};
