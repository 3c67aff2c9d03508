import type { Readable, Writable } from 'node:stream';
import type { SignalSource } from '../signals.js';

/** The process's edges, injected so that tests drive the CLI in-process. */
export interface Io {
  readonly stdin: Readable & { readonly isTTY?: boolean };
  readonly stdout: Writable & { readonly isTTY?: boolean };
  readonly stderr: Writable;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** The clock, for what depends on today's date (a model's retirement); the system clock when absent. */
  readonly now?: () => Date;
  /** Stop signals (Ctrl-C, SIGTERM), handled while files are written; absent in in-process tests. */
  readonly signals?: SignalSource;
}

export function processIo(): Io {
  return {
    // On first use: Node makes the stdin stream then (about a millisecond), and `create --yes` never reads it.
    get stdin() {
      return process.stdin;
    },
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    signals: process,
  };
}

/** Today's date (UTC) as the commands see it. */
export const todayIn = (io: Io): string => (io.now?.() ?? new Date()).toISOString().slice(0, 10);

/** CI=true, CI=1 and the like; CI=false or CI=0 mean a person is at the keyboard. */
export function isCi(env: Io['env']): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}
