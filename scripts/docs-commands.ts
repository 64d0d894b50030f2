// Writes docs/commands.md from the command registry, so the reference can never drift from the code.
// `npm run docs:commands` rewrites it; test/docs.test.ts fails when it is out of date.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { COMMANDS } from '../src/core/commands/registry.js';
import { INTERACTION_KINDS, LIKE_CATEGORIES, MOODS, DATE_KINDS } from '../src/core/model/index.js';

const INTRO = `# The \`/client\` command language

Every platform speaks the same language: Slack's \`/client\` slash command, Discord's \`/client\`, and the
console (\`npm start\`). This page is generated from the code (\`npm run docs:commands\`).

## Grammar

- **Client names.** Quote names with spaces (\`"Acme Corp"\`), type them in full (\`Acme Corp\`), or use any
  unique prefix or alias (\`acme\`). Case and accents don't matter. A near miss answers *did you mean…?* with
  the line to run; logging for an unknown client offers the \`/client add\` line.
- **Options** are \`key:value\` words anywhere on the line: \`mood:angry\`, \`when:"yesterday 3pm"\`,
  \`tier:top\`. Quote values with spaces. Only the keys a command knows are options, so "Re: invoice" or
  "10:30" in a summary stay words.
- **Dates** are read by a date parser, not patterns: \`"March 14"\`, \`"14 Mar"\`, \`2026-03-14\`, \`tomorrow\`,
  \`"in 3 days"\`, \`"yesterday 3pm"\`, \`"next monday"\`. Birthdays and anniversaries may leave out the
  year; \`"29 Feb"\` is accepted. Impossible dates (\`"Feb 30"\`, \`2026-13-45\`) are refused.
- **Mentions.** \`owner:@someone\` takes the platform's mention; \`owner:me\` is you.
- **Errors.** A malformed line gets one line saying what is wrong, plus that command's usage. Nothing is
  written: each command's changes commit in one transaction, or not at all.

Vocabulary:
- interaction kinds: ${INTERACTION_KINDS.join(', ')} (also \`call-in\`, \`call-out\`, \`message-in\`, \`message-out\`, \`update\`, \`resolved\`, \`advice\`);
  calls and messages are outbound unless you say \`in\` (\`/client log acme call in …\`)
- moods: ${MOODS.join(', ')}
- date kinds: ${DATE_KINDS.join(', ')} (also \`anniversary\`)
- like categories: ${LIKE_CATEGORIES.join(', ')}
- tiers: top, standard, light · statuses: active, paused, former

## Commands
`;

export function renderCommandsDoc(): string {
  const sections = COMMANDS.map((c) =>
    [`### ${c.name}`, '', c.summary, ...(c.details ?? []).flatMap((d) => ['', d]), '', '```', c.usage, '```', '', 'Examples:', '', ...c.examples.map((e) => `    ${e}`), ''].join('\n'),
  );
  return `${INTRO}\n${sections.join('\n')}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL('../docs/commands.md', import.meta.url), renderCommandsDoc());
  console.log('wrote docs/commands.md');
}
