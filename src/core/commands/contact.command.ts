import { z } from 'zod';
import { reply, type CommandSpec } from './command.js';
import { validateName } from './names.js';
import { joinWords, splitOptions, validateText } from './options.js';
import { must, refuse } from './outcome.js';
import { resolveClient } from './resolve-client.js';

const Email = z.email();

export const contactCommand: CommandSpec = {
  name: 'contact',
  usage: '/client contact <client> <name> [role:<role>] [email:<address>]… [phone:<number>]',
  summary: 'Add a person you deal with at a client, with their role, email addresses and phone.',
  examples: ['/client contact acme "Jane Doe" role:CFO email:jane@acme.example phone:"+1 555 0100"'],
  async run(args, env) {
    const { options, words } = must(splitOptions(args, ['role', 'email', 'phone'], ['email']));
    const { client, rest } = must(await resolveClient(env.store, words, (name) => `/client contact ${name} ${joinWords(words.slice(1))}`));
    const name = must(validateName(joinWords(rest), 'contact'));
    const emails = (options.get('email') ?? []).map((e) => e.toLowerCase());
    for (const email of emails) {
      if (!Email.safeParse(email).success) refuse('email.invalid', `"${email}" is not an email address.`);
      const owner = await env.store.findContactByEmail(email);
      if (owner) refuse('email.taken', `${email} already belongs to ${owner.name}.`);
    }
    const phone = options.get('phone')?.[0];
    if (phone !== undefined && !/^[+()\d\s.-]{5,30}$/.test(phone)) refuse('phone.invalid', `"${phone}" doesn't look like a phone number.`);
    const roleText = options.get('role')?.[0];
    const contact = await env.store.addContact({
      clientId: client.id,
      name,
      role: roleText ? must(validateText(roleText, 'a role')) : null,
      phone: phone ?? null,
      emails,
    });
    return reply(`Added ${contact.name}${contact.role ? ` (${contact.role})` : ''} at ${client.name}.`);
  },
};
