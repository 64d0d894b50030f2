import { statusLine } from '../mail/mailbox-health.js';
import { arg, defineArgs } from './arguments.js';
import { defineCommand, reply } from './command.js';

export const mailCommand = defineCommand({
  name: 'mail',
  summary: 'The watched mailboxes: connected or not, last sync, last error.',
  details: ['Mailboxes are set up outside chat, in the mail configuration file (docs/mail.md): passwords and tokens are never typed here.'],
  examples: ['/client mail status'],
  args: defineArgs({ action: arg.choice('mail action', ['status'] as const, { label: 'Action', placement: 'positional' }).optional() }),
  async execute(_args, env) {
    const mailboxes = await env.store.mailboxStates();
    if (mailboxes.length === 0) return reply('No mailbox is watched for this workspace. docs/mail.md explains how to add one (RAPPORT_MAIL_CONFIG).');
    const failing = mailboxes.filter((m) => !m.connected && m.failures > 0).length;
    const head = `${mailboxes.length} mailbox${mailboxes.length === 1 ? '' : 'es'} watched${failing > 0 ? `, ${failing} failing` : ''}:`;
    return reply(head, { sections: [{ lines: mailboxes.map((m) => statusLine(m, env.now, env.workspace.timeZone)) }] });
  },
});
