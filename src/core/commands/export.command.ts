import type { ClientProfile } from '../model/index.js';
import { arg, defineArgs } from './arguments.js';
import { defineCommand, reply } from './command.js';
import { must } from './outcome.js';
import { resolveClient } from './resolve-client.js';

export const EXPORT_FORMAT = 'rapport.export.v1';

export const exportCommand = defineCommand({
  name: 'export',
  summary: "Everything Rapport holds about one client (or the whole workspace), as JSON.",
  examples: ['/client export acme', '/client export'],
  args: defineArgs({ client: arg.client().optional() }),
  async execute(args, env) {
    let profiles: ClientProfile[];
    let scope: string;
    if (args.client !== undefined) {
      const client = must(await resolveClient(env, args.client));
      const profile = await env.store.getProfile(client.id);
      profiles = profile ? [profile] : [];
      scope = client.name;
    } else {
      profiles = await env.store.getProfiles();
      scope = env.workspace.name;
    }
    const document = {
      format: EXPORT_FORMAT,
      exportedAt: env.now.toISOString(),
      workspace: { name: env.workspace.name, platform: env.workspace.platform, timeZone: env.workspace.timeZone },
      clients: profiles,
    };
    const slug = scope.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'export';
    return reply(`Export of ${scope}: ${profiles.length} client${profiles.length === 1 ? '' : 's'}.`, {
      attachment: { filename: `rapport-${slug}.json`, mimeType: 'application/json', content: JSON.stringify(document, null, 2) },
    });
  },
});
