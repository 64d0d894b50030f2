// Writes docs/commands.md from the command registry, so the reference can never drift from the code.
// `npm run docs:commands` rewrites it; test/docs.test.ts fails when it is out of date.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ArgSpec } from '../src/core/commands/arguments.js';
import { COMMANDS } from '../src/core/commands/registry.js';
import { usageOf } from '../src/core/commands/usage.js';
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
- **Free text** (notes, what happened, likes) is kept exactly as you type it: apostrophes (\`Jane's husband\`),
  quotes, emoji and symbols included. A quote only groups words where it opens a word and its closing quote
  ends one; a note typed wholly in quotes is kept without them. Only client names and option values are
  quote-aware.
- **Past and future.** \`when:\` on \`log\` reads the most recent such time (\`when:Saturday\` is last Saturday,
  \`when:"March 14"\` the last March 14); \`snooze\` reads the next one. Birthdays, anniversaries and
  client-since dates with a year cannot be in the future.
- **Once only.** Adding a contact, family member, date or like that is already known says so; naming a
  known one again corrects it, and \`/client remove\` takes one away without forgetting the client.
- **Dates** are read by a date parser, not patterns: \`"March 14"\`, \`"14 Mar"\`, \`2026-03-14\`, \`tomorrow\`,
  \`"in 3 days"\`, \`"yesterday 3pm"\`, \`"next monday"\`. Birthdays and anniversaries may leave out the
  year; \`"29 Feb"\` is accepted. Impossible dates (\`"Feb 30"\`, \`2026-13-45\`) are refused.
- **Mentions.** \`owner:@someone\` takes the platform's mention; \`owner:me\` is you. In the console, where there
  are no platform ids, \`@sam\` is the person called sam.
- **Forms and options.** Slack's forms (and Discord's options) are built from the same argument descriptions
  listed under each command below and run the same command: every check applies whichever way you come in.
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

/** One line per argument, from the command's description: how it is given, its kind, its values. */
function argumentLine(spec: ArgSpec): string {
  const how = spec.placement === 'option' ? `\`${spec.name}:\`` : `\`<${spec.placeholder}>\``;
  const type = spec.type;
  const kind =
    type.kind === 'enum'
      ? `one of ${type.values.map((v) => `\`${v}\``).join(', ')}${type.synonyms ? ` (also ${Object.keys(type.synonyms).map((v) => `\`${v}\``).join(', ')})` : ''}`
      : type.kind === 'moment'
        ? `a time (${type.facing === 'past' ? 'the most recent such time' : 'the next such time'})`
        : type.kind === 'text'
          ? 'free text, kept exactly as typed'
          : type.kind === 'yearly'
            ? 'a date, the year optional'
            : type.kind === 'member'
              ? 'a person: @mention or `me`'
              : type.kind === 'duration'
                ? '`1d`, `1w` or a date to come'
                : type.kind === 'word'
                  ? type.what
                  : type.kind === 'client'
                    ? 'its name, an alias or a unique prefix'
                    : type.kind === 'name'
                      ? `the ${type.what}'s name`
                      : type.kind === 'email'
                        ? 'an email address'
                        : type.kind === 'channel'
                          ? 'a channel: `#name` or a mention (on Discord, picked from a list)'
                          : 'a phone number';
  return `- ${how} ${spec.label}: ${kind}${spec.required ? '' : ' (optional)'}${spec.repeatable ? ', may be given more than once' : ''}.`;
}

export function renderCommandsDoc(): string {
  const sections = COMMANDS.map((c) => {
    const args = Object.values(c.args);
    return [
      `### ${c.name}`,
      '',
      c.summary,
      ...(c.details ?? []).flatMap((d) => ['', d]),
      '',
      '```',
      usageOf(c),
      '```',
      ...(args.length > 0 ? ['', ...args.map(argumentLine)] : []),
      '',
      'Examples:',
      '',
      ...c.examples.map((e) => `    ${e}`),
      '',
    ].join('\n');
  });
  return `${INTRO}\n${sections.join('\n')}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL('../docs/commands.md', import.meta.url), renderCommandsDoc());
  console.log('wrote docs/commands.md');
}
