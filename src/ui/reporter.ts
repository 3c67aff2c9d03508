import type { Io } from './io.js';

/** How progress reaches the user: clack on a terminal, plain lines in automation, nothing for --json. */
export interface Reporter {
  start(title: string): void;
  info(message: string): void;
  warn(message: string): void;
  note(title: string, lines: readonly string[]): void;
  task<T>(label: string, done: string, work: () => Promise<T>): Promise<T>;
  finish(message: string): void;
}

export function plainReporter(io: Io): Reporter {
  const line = (text: string) => io.stdout.write(`${text}\n`);
  return {
    start: line,
    info: line,
    warn: (message) => io.stderr.write(`warning: ${message}\n`),
    note: (title, lines) => line([`${title}:`, ...lines.map((text) => `  ${text}`)].join('\n')),
    async task(_label, done, work) {
      const result = await work();
      line(done);
      return result;
    },
    finish: line,
  };
}

export function silentReporter(): Reporter {
  const nothing = () => undefined;
  return { start: nothing, info: nothing, warn: nothing, note: nothing, task: (_label, _done, work) => work(), finish: nothing };
}
