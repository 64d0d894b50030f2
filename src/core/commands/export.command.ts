import type { ClientProfile } from '../model/index.js';
import { reply, type CommandSpec } from './command.js';
import { must } from './outcome.js';
import { resolveClient } from './resolve-client.js';

export const EXPORT_FORMAT = 'rapport.export.v1';

export const exportCommand: CommandSpec = {
  name: 'export',
  usage: '/client export [<client>]',
  summary: "Everything Rapport holds about one client (or the whole workspace), as JSON.",
  examples: ['/client export acme', '/client export'],
  async run(args, env) {
    let profiles: ClientProfile[];
    let scope: string;
    if (args.length > 0) {
      const { client } = must(await resolveClient(env.store, args, (name) => `/client export ${name}`));
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
};
