/**
 * Expected failures are values with a stable code and a one-line message a person can act on.
 * Throw only for bugs and infrastructure faults.
 */
export interface Failure {
  readonly ok: false;
  readonly code: string;
  readonly message: string;
  readonly suggestions?: readonly string[];
  /** The argument the failure is about, so a form can show it beside that field. */
  readonly field?: string;
}
export interface Success<T> {
  readonly ok: true;
  readonly value: T;
}
export type Outcome<T> = Success<T> | Failure;

export const succeed = <T>(value: T): Success<T> => ({ ok: true, value });
export const fail = (code: string, message: string, suggestions?: readonly string[]): Failure =>
  suggestions && suggestions.length > 0 ? { ok: false, code, message, suggestions } : { ok: false, code, message };

/** Raised inside a command to abandon it (and roll its transaction back) with an expected failure. */
export class CommandFailure extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
    this.name = 'CommandFailure';
  }
}

/** Unwraps an outcome inside a command body, turning a failure into a rollback with that message. */
export function must<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new CommandFailure(outcome);
  return outcome.value;
}

/** Abandons the command with an expected failure: its transaction rolls back and the person reads the message. */
export function refuse(code: string, message: string, suggestions?: readonly string[]): never {
  throw new CommandFailure(fail(code, message, suggestions));
}
