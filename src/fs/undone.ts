import { SystemFailureError } from '../errors.js';
import { InterruptedError } from '../signals.js';
import { describeSystemError } from '../system-error.js';

/**
 * The error to report for a write that was stopped by a signal or failed on the system and has been
 * undone: it says that nothing happened (`outcome`, e.g. "nothing was written") and that the target is
 * as it was. Any other error (a bug) goes on unchanged.
 */
export function undoneWriteError(error: unknown, target: string, outcome: string): unknown {
  const untouched = `${target} is exactly as it was before.`;
  if (error instanceof InterruptedError) return new InterruptedError(error.signal, `interrupted by ${error.signal}; ${outcome}`, [untouched]);
  const system = describeSystemError(error);
  return system ? new SystemFailureError(`${system.message}; ${outcome}`, [...system.details, untouched]) : error;
}
