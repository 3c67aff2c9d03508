import * as clack from '@clack/prompts';
import type { Io } from './io.js';
import type { Reporter } from './reporter.js';

/** The reporter for a person at a terminal; loaded only then, so automation never pays for it. */
export function clackReporter(io: Io): Reporter {
  const streams = { input: io.stdin, output: io.stdout };
  return {
    start: (title) => clack.intro(title, streams),
    info: (message) => clack.log.info(message, streams),
    warn: (message) => clack.log.warn(message, streams),
    note: (title, lines) => clack.note(lines.join('\n'), title, streams),
    async task(label, done, work) {
      const spinner = clack.spinner(streams);
      spinner.start(label);
      try {
        const result = await work();
        spinner.stop(done);
        return result;
      } catch (error) {
        spinner.error(`${label} failed`);
        throw error;
      }
    },
    finish: (message) => clack.outro(message, streams),
  };
}
