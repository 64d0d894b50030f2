import { describe, expect, it } from 'vitest';
import { REST_MAX_WAIT_MS, rejectLongChannelWaits } from '../../../src/adapters/discord/rest-limits.js';

describe('which discord.js rate-limit waits are handed back to the scheduler', () => {
  const long = REST_MAX_WAIT_MS + 1;
  const rows = [
    { route: '/channels/:id/messages', timeToReset: long, retryAfter: long, reject: true }, // a digest
    { route: '/channels/:id/messages', timeToReset: 50, retryAfter: long, reject: true }, // a 429 asking for longer
    { route: '/users/@me/channels', timeToReset: long, retryAfter: long, reject: true }, // an owner's direct message
    { route: '/channels/:id/messages', timeToReset: REST_MAX_WAIT_MS, retryAfter: 500, reject: false }, // short: paced below
    { route: '/interactions/:id/:token/callback', timeToReset: long, retryAfter: long, reject: false }, // a reply to a person
    { route: '/applications/:id/commands', timeToReset: long, retryAfter: long, reject: false }, // registration at start-up
  ];
  for (const r of rows) {
    it(`${r.route}, reset in ${r.timeToReset} ms, retry after ${r.retryAfter} ms -> ${r.reject ? 'rejected' : 'waited'}`, () => {
      expect(rejectLongChannelWaits(r)).toBe(r.reject);
    });
  }
});
