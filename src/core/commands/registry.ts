import type { CommandDefinition } from './command.js';
import { addCommand } from './add.command.js';
import { calendarCommand } from './calendar.command.js';
import { contactCommand } from './contact.command.js';
import { dateCommand } from './date.command.js';
import { doneCommand, snoozeCommand } from './done.command.js';
import { editCommand } from './edit.command.js';
import { dueCommand } from './due.command.js';
import { exportCommand } from './export.command.js';
import { familyCommand } from './family.command.js';
import { forgetCommand } from './forget.command.js';
import { healthCommand } from './health.command.js';
import { helpCommand } from './help.command.js';
import { likesCommand } from './likes.command.js';
import { listCommand } from './list.command.js';
import { logCommand } from './log.command.js';
import { mailCommand } from './mail.command.js';
import { noteCommand } from './note.command.js';
import { removeCommand } from './remove.command.js';
import { settingsCommand } from './settings.command.js';
import { showCommand } from './show.command.js';

/** Every `/client` subcommand, in the order help lists them. Explicit on purpose: no folder scanning. */
export const COMMANDS: readonly CommandDefinition[] = [
  addCommand,
  editCommand,
  logCommand,
  showCommand,
  noteCommand,
  contactCommand,
  familyCommand,
  dateCommand,
  likesCommand,
  removeCommand,
  dueCommand,
  doneCommand,
  snoozeCommand,
  listCommand,
  healthCommand,
  settingsCommand,
  mailCommand,
  exportCommand,
  calendarCommand,
  forgetCommand,
  helpCommand(() => COMMANDS),
];

export function findCommand(word: string): CommandDefinition | undefined {
  const key = word.toLowerCase();
  return COMMANDS.find((c) => c.name === key || c.aliases?.includes(key));
}
