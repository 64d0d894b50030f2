import type { ContactPatch } from '../ports/index.js';
import { arg, defineArgs } from './arguments.js';
import { defineCommand, reply, unchangedReply } from './command.js';
import { normalizeName } from './names.js';
import { must, refuse } from './outcome.js';
import { resolveClient } from './resolve-client.js';

export const contactCommand = defineCommand({
  name: 'contact',
  summary: 'Add a person you deal with at a client, with their role, email addresses and phone; name one already known to correct them.',
  details: ['Naming a contact who is already on file changes what you give (role:, phone:, more email:, or rename: to correct the name) instead of adding them twice.', 'To remove one: /client remove <client> contact <name>.'],
  examples: ['/client contact acme "Jane Doe" role:CFO email:jane@acme.example phone:"+1 555 0100"', '/client contact acme "Jane Doe" role:CEO', '/client contact acme "Jane Doe" rename:"Jane Smith"'],
  args: defineArgs({
    client: arg.client().required(),
    name: arg.name('contact', { label: 'Name' }).required(),
    role: arg.text('a role', { label: 'Role', placement: 'option', max: 120 }).optional(),
    email: arg.emails({ label: 'Email', placeholder: 'address' }).optional(),
    phone: arg.phone({ label: 'Phone', placeholder: 'number' }).optional(),
    rename: arg.name('contact', { label: 'Correct name', placement: 'option', placeholder: 'new name' }).optional(),
  }),
  async execute(args, env) {
    const client = must(await resolveClient(env, args.client));
    const emails = args.email ?? [];
    const profile = await env.store.getProfile(client.id, { interactionLimit: 0 });
    const existing = profile?.contacts.find((c) => normalizeName(c.name) === normalizeName(args.name));
    for (const email of emails) {
      const holder = await env.store.findContactByEmail(email);
      if (holder && holder.id !== existing?.id) refuse('email.taken', `${email} already belongs to ${holder.name}.`);
    }
    if (existing === undefined) {
      if (args.rename !== undefined) refuse('contact.unknown', `${client.name} has no contact called "${args.name}" to rename.`);
      const contact = await env.store.addContact({ clientId: client.id, name: args.name, role: args.role ?? null, phone: args.phone ?? null, emails });
      return reply(`Added ${contact.name}${contact.role ? ` (${contact.role})` : ''} at ${client.name}.`);
    }
    const patch: { -readonly [K in keyof ContactPatch]: ContactPatch[K] } = {};
    const changes: string[] = [];
    if (args.rename !== undefined && args.rename !== existing.name) {
      if (profile?.contacts.some((c) => c.id !== existing.id && normalizeName(c.name) === normalizeName(args.rename!))) refuse('contact.exists', `${client.name} already has a contact called ${args.rename}.`);
      patch.name = args.rename;
      changes.push(`name ${args.rename}`);
    }
    if (args.role !== undefined && args.role !== existing.role) {
      patch.role = args.role;
      changes.push(`role ${args.role}`);
    }
    if (args.phone !== undefined && args.phone !== existing.phone) {
      patch.phone = args.phone;
      changes.push(`phone ${args.phone}`);
    }
    const newEmails = emails.filter((e) => !existing.emails.includes(e));
    if (newEmails.length > 0) {
      patch.addEmails = newEmails;
      changes.push(`email ${newEmails.join(', ')}`);
    }
    if (changes.length === 0) return unchangedReply(`${existing.name} is already known at ${client.name}; nothing new to add.`);
    await env.store.updateContact(existing.id, patch);
    return reply(`Updated ${existing.name} at ${client.name}: ${changes.join(', ')}.`);
  },
});
