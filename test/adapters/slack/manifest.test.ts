// The manifest asks for exactly the scopes the code requests at install, and wires what the code listens to.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BOT_SCOPES } from '../../../src/adapters/slack/index.js';

const manifest = readFileSync(new URL('../../../slack/manifest.yml', import.meta.url), 'utf8');

/** The "- item" lines that follow `key:` at one indentation, without a YAML library. */
function listUnder(key: string): string[] {
  const lines = manifest.split('\n');
  const start = lines.findIndex((l) => l.trim() === `${key}:`);
  if (start < 0) return [];
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim().startsWith('#')) continue;
    const m = /^\s*- (.+)$/.exec(line);
    if (!m) break;
    items.push(m[1]!.trim());
  }
  return items;
}

describe('slack/manifest.yml', () => {
  it('requests exactly the bot scopes the OAuth installer asks for', () => {
    expect(listUnder('bot')).toEqual([...BOT_SCOPES]);
  });

  it('subscribes to the events the adapter handles', () => {
    expect(listUnder('bot_events').sort()).toEqual(['app_home_opened', 'app_uninstalled', 'tokens_revoked']);
  });

  it('declares /client with escaped mentions, interactivity, the options URL and the home tab', () => {
    expect(manifest).toMatch(/- command: \/client/);
    expect(manifest).toMatch(/should_escape: true/);
    expect(manifest).toMatch(/interactivity:\n\s+is_enabled: true/);
    expect(manifest).toMatch(/message_menu_options_url: /);
    expect(manifest).toMatch(/home_tab_enabled: true/);
    expect(manifest).toMatch(/\/slack\/oauth_redirect/);
  });
});
