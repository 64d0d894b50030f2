// A gate a test holds the core's work on, to see what happens before that work is done.
import type { Core } from '../../src/core/core.js';

/** A promise the test opens; the core's work waits on it. */
export class Gate {
  private open!: () => void;
  private readonly opened = new Promise<void>((resolve) => (this.open = resolve));
  entered = 0;
  finished = 0;
  async pass(): Promise<void> {
    this.entered += 1;
    await this.opened;
  }
  release(): void {
    this.open();
  }
}

/** The real core; `runLine` and `run` wait at the current gate (`gate()`) when a test has closed it. */
export function gated(core: Core, gate: () => Gate): Core {
  return {
    ...core,
    async runLine(ctx, text) {
      const g = gate();
      await g.pass();
      try {
        return await core.runLine(ctx, text);
      } finally {
        g.finished += 1;
      }
    },
    async run(ctx, command, values) {
      const g = gate();
      await g.pass();
      try {
        return await core.run(ctx, command, values);
      } finally {
        g.finished += 1;
      }
    },
  };
}
