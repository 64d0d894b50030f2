import type { ClientProfile, ReplySection, Workspace } from '../model/index.js';
import { arg, defineArgs } from './arguments.js';
import { defineCommand, mention, reply } from './command.js';
import { formatCalendarDate, formatMoment } from './format.js';
import { whenAgo } from '../time/index.js';
import { must } from './outcome.js';
import { resolveClient } from './resolve-client.js';
import { describeHealth } from './health-text.js';

const RECENT = 5;

export const showCommand = defineCommand({
  name: 'show',
  summary: 'Everything Rapport knows about a client: people, family, dates, likes, recent interactions, open items, health.',
  examples: ['/client show acme', '/client show "Acme Corp"'],
  args: defineArgs({ client: arg.client().required() }),
  async execute(args, env) {
    const client = must(await resolveClient(env, args.client));
    const profile = await env.store.getProfile(client.id, { interactionLimit: 50 });
    if (profile === null) throw new Error(`client ${client.id} vanished inside a transaction`);
    return reply(headline(profile), { sections: profileSections(profile, env.workspace, env.now) });
  },
});

function headline({ client, owner }: ClientProfile): string {
  const aka = client.aliases.length > 0 ? ` (${client.aliases.join(', ')})` : '';
  const ownerText = owner ? `, owner ${mention(owner)}` : ', no owner';
  return `${client.name}${aka}: ${client.tier} tier, ${client.status}${ownerText}`;
}

export function profileSections(profile: ClientProfile, workspace: Workspace, now: Date): ReplySection[] {
  const tz = workspace.timeZone;
  const sections: ReplySection[] = [];
  const add = (title: string, lines: string[]) => {
    if (lines.length > 0) sections.push({ title, lines });
  };
  add('Health', describeHealth(profile, workspace, now));
  add(
    'People',
    profile.contacts.map((c) => [c.name, c.role, c.emails.join(', '), c.phone].filter(Boolean).join(' · ')),
  );
  add('Family', profile.family.map((f) => `${f.name} (${f.relation})`));
  const familyName = new Map(profile.family.map((f) => [f.id, f.name]));
  add(
    'Dates',
    profile.dates.map((d) => {
      const whose = d.familyMemberId ? ` — ${familyName.get(d.familyMemberId) ?? 'family'}` : '';
      return `${d.label ?? d.kind.replace(/-/g, ' ')}${whose}: ${formatCalendarDate(d)}`;
    }),
  );
  add('Likes', profile.likes.map((l) => `${l.category}: ${l.value}`));
  add(
    'Open items',
    profile.followUps.filter((f) => f.state !== 'done').map((f) => `${f.summary} (since ${whenAgo(now, f.openedAt, tz)}${f.state === 'snoozed' && f.snoozedUntil ? `, snoozed until ${formatMoment(f.snoozedUntil, tz)}` : ''})`),
  );
  add(
    'Recent',
    profile.interactions.slice(0, RECENT).map((i) => `${formatMoment(i.occurredAt, tz)} · ${i.kind}${i.direction === 'in' ? ' (in)' : ''}${i.mood ? ` · ${i.mood}` : ''}: ${i.summary}`),
  );
  add('Gifts', profile.gifts.slice(0, RECENT).map((g) => `${formatMoment(g.givenAt, tz)}: ${g.description}`));
  add('Notes', profile.notes.slice(0, RECENT).map((n) => `${formatMoment(n.createdAt, tz)}: ${n.text}`));
  if (sections.length === 1) sections.push({ lines: ['Nothing logged yet. Try /client log <client> call <what you talked about>.'] });
  return sections;
}
