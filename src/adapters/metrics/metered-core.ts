// The core as adapters see it, with every command counted and timed. A decorator, so the core stays
// unaware of metrics; the clock is injected like everywhere else.
import type { Core } from '../../core/core.js';
import type { Reply } from '../../core/model/index.js';
import type { CommandContext } from '../../core/use-cases/context.js';
import type { CommandOutcome, Metrics } from './metrics.js';

/** A monotonic reading in milliseconds (performance.now in production, a fake in tests). */
export type Stopwatch = () => number;

function outcomeOf(reply: Reply): CommandOutcome {
  if (reply.ok) return 'ok';
  return reply.code === 'internal' ? 'error' : 'refused';
}

export function meteredCore(core: Core, metrics: Metrics, stopwatch: Stopwatch): Core {
  // Label values come only from the registry's names: whatever was typed never becomes a label.
  const names = new Map<string, string>();
  for (const c of core.commands) for (const word of [c.name, ...(c.aliases ?? [])]) names.set(word, c.name);
  const commandOf = (word: string | undefined) => (word === undefined || word === '' ? 'none' : (names.get(word.toLowerCase()) ?? 'unknown'));

  async function timed(ctx: CommandContext, command: string, body: () => Promise<Reply>): Promise<Reply> {
    const started = stopwatch();
    const record = (outcome: CommandOutcome) => metrics.commandHandled({ platform: ctx.workspace.platform, command, outcome, seconds: (stopwatch() - started) / 1000 });
    try {
      const reply = await body();
      record(outcomeOf(reply));
      return reply;
    } catch (error) {
      record('error');
      throw error;
    }
  }

  return {
    ...core,
    runLine: (ctx, text) => timed(ctx, commandOf(text.replace(/^\s*\/client\b/i, '').trim().split(/\s+/)[0]), () => core.runLine(ctx, text)),
    run: (ctx, command, values) => timed(ctx, commandOf(command), () => core.run(ctx, command, values)),
    actOnNudge: (ctx, action) => timed(ctx, `nudge-${action.action}`, () => core.actOnNudge(ctx, action)),
  };
}
