import { EXIT, ReportedError } from './errors.js';

/**
 * Stopping a run while it writes. The default action of these signals ends Node at once, which left
 * staging folders and half-moved trees behind; while files are written the CLI handles them instead:
 * a handler only records the signal, and the writer looks at it between steps (a checkpoint), puts
 * back whatever it had changed and stops, so that the target is exactly as it was.
 */

/** Ctrl-C, `kill`/a CI cancel, and a closed terminal. */
export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type StopSignal = (typeof STOP_SIGNALS)[number];

/** Where signals come from: `process` in the CLI, an EventEmitter in tests. */
export interface SignalSource {
  on(signal: StopSignal, handler: () => void): unknown;
}

/** A stop signal arrived during a write. `exitCode` is 130 only when nothing was written. */
export class InterruptedError extends ReportedError {
  constructor(
    readonly signal: StopSignal,
    message: string,
    details: readonly string[] = [],
    exitCode: number = EXIT.cancelled,
  ) {
    super(message, details, exitCode);
  }
}

export interface SignalWatch {
  /** The first stop signal received since the watch began, if any. */
  readonly received: StopSignal | undefined;
  /** Throws an InterruptedError if a stop signal has arrived: called between the steps of a write. */
  checkpoint(): void;
}

/**
 * Watches for stop signals from now until the process ends; without a source (in-process tests) nothing
 * is ever received. The handlers are never removed: once files are being written, a signal's default
 * action (end at once) would either leave a partial tree or, after the write, end a run that succeeded
 * with 130 as if nothing had been written. A signal that arrives when nothing is left to undo is noted
 * and the run finishes.
 */
export function watchSignals(source: SignalSource | undefined): SignalWatch {
  let received: StopSignal | undefined;
  for (const signal of STOP_SIGNALS) {
    source?.on(signal, () => {
      received ??= signal;
    });
  }
  return {
    get received() {
      return received;
    },
    checkpoint() {
      if (received) throw new InterruptedError(received, `interrupted by ${received}`);
    },
  };
}
