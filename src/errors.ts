/** An error the person reads as it is: the message, details below it, and the exit code it ends with. */
export class ReportedError extends Error {
  constructor(
    message: string,
    readonly details: readonly string[],
    readonly exitCode: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad input: the message names the input, says what is wrong and what would be valid. Exit 2. */
export class UsageError extends ReportedError {
  constructor(message: string, details: readonly string[] = []) {
    super(message, details, 2);
  }
}

/** The system failed (a read-only folder, a full disk…): the message names the path and the cause. Exit 1. */
export class SystemFailureError extends ReportedError {
  constructor(message: string, details: readonly string[] = []) {
    super(message, details, 1);
  }
}

/** The user stopped the conversation (Ctrl-C or Escape). Nothing was written. */
export class CancelledError extends Error {
  readonly exitCode = 130;
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/** 3: an upgrade wrote conflict markers for a person to resolve; 4: `upgrade --check` found that an upgrade would change files. */
export const EXIT = { ok: 0, failure: 1, usage: 2, conflicts: 3, outdated: 4, cancelled: 130 } as const;
