import { arg, defineArgs } from './arguments.js';
import { defineCommand, reply, type CommandDefinition } from './command.js';
import { refuse } from './outcome.js';
import { usageOf } from './usage.js';

/** Help lists the commands it is given, so the registry stays the one explicit list. */
export function helpCommand(commands: () => readonly CommandDefinition[]) {
  return defineCommand({
    name: 'help',
    summary: 'What each command does, with examples.',
    examples: ['/client help', '/client help log'],
    args: defineArgs({ topic: arg.word('a command', /^[a-z-]{1,30}$/, 'log', { label: 'Command', placeholder: 'command', lower: true }).optional() }),
    async execute(args) {
      if (args.topic === undefined) {
        const width = Math.max(...commands().map((c) => c.name.length));
        return reply('Rapport keeps the human side of your client relationships. Commands:', {
          sections: [
            { lines: commands().map((c) => `${c.name.padEnd(width)}  ${c.summary}`) },
            { lines: ['The whole grammar of one command, with examples: /client help <command>'] },
          ],
        });
      }
      const spec = commands().find((c) => c.name === args.topic || c.aliases?.includes(args.topic!));
      if (spec === undefined) refuse('help.unknown', `There is no command "${args.topic}". Try /client help.`);
      return reply(usageOf(spec!), { sections: [{ lines: [spec!.summary, ...(spec!.details ?? [])] }, { title: 'Examples', lines: [...spec!.examples] }] });
    },
  });
}
