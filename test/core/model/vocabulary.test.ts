// Platforms and interaction sources are open sets: a new adapter brings its own name.
import { describe, expect, it } from 'vitest';
import { InteractionSource, Platform, PLATFORM, PLATFORMS } from '../../../src/core/model/index.js';

describe('Platform and InteractionSource', () => {
  it.each(['slack', 'discord', 'console', 'matrix', 'ms-teams'])('accept %s', (name) => {
    expect(Platform.safeParse(name).success).toBe(true);
    expect(InteractionSource.safeParse(name).success).toBe(true);
  });

  it.each(['', 'Slack', 'two words', 'x'.repeat(33), '-lead', '9lives'])('refuse %j', (name) => {
    expect(Platform.safeParse(name).success).toBe(false);
    expect(InteractionSource.safeParse(name).success).toBe(false);
  });

  it('name the known platforms', () => {
    expect(Object.values(PLATFORM)).toEqual([...PLATFORMS]);
  });
});
