import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { installFaultHandlers } from '../../../src/adapters/process/faults.js';
import { recordingLogger } from '../slack/harness.js';

function fakeProcess() {
  const emitter = new EventEmitter();
  const exits: number[] = [];
  return { emitter, exits, proc: Object.assign(emitter, { exit: (code: number) => void exits.push(code) }) };
}

describe('process-level fault handlers', () => {
  it('log an unhandled rejection and keep the process running', () => {
    const { proc, exits } = fakeProcess();
    const logger = recordingLogger();
    installFaultHandlers(proc, logger);
    proc.emit('unhandledRejection', new TypeError("Cannot read properties of null (reading 'ssl_check')"));
    expect(exits).toEqual([]);
    expect(logger.lines).toMatchObject([{ level: 'error', message: 'unhandled promise rejection; Rapport keeps serving' }]);
    expect(logger.lines[0]!.fields.err).toBeInstanceOf(TypeError);
  });

  it('log an uncaught exception and exit 1 for the supervisor', () => {
    const { proc, exits } = fakeProcess();
    const logger = recordingLogger();
    installFaultHandlers(proc, logger);
    proc.emit('uncaughtException', new Error('state is unknown'), 'uncaughtException');
    expect(exits).toEqual([1]);
    expect(logger.lines[0]).toMatchObject({ level: 'error', fields: { origin: 'uncaughtException' } });
  });
});
