import { reply, type CommandSpec } from './command.js';
import { refuse } from './outcome.js';

/** Help lists the commands it is given, so the registry stays the one explicit list. */
export function helpCommand(commands: () => readonly CommandSpec[]): CommandSpec {
  return {
    name: 'help',
    usage: '/client help [<command>]',
    summary: 'What each command does, with examples.',
    examples: ['/client help', '/client help log'],
    async run(args) {
      const topic = args[0]?.text.toLowerCase();
      if (topic === undefined) {
        const width = Math.max(...commands().map((c) => c.name.length));
        return reply('Rapport keeps the human side of your client relationships. Commands:', {
          sections: [
            { lines: commands().map((c) => `${c.name.padEnd(width)}  ${c.summary}`) },
            { lines: ['The whole grammar of one command, with examples: /client help <command>'] },
          ],
        });
      }
      const spec = commands().find((c) => c.name === topic || c.aliases?.includes(topic));
      if (spec === undefined) refuse('help.unknown', `There is no command "${topic}". Try /client help.`);
      return reply(`${spec!.usage}`, { sections: [{ lines: [spec!.summary, ...(spec!.details ?? [])] }, { title: 'Examples', lines: [...spec!.examples] }] });
    },
  };
}
