import { PassThrough, Writable } from 'node:stream';
import type { Io } from '../../src/ui/io.js';
import { RELEASE_DATE } from '../../src/ai/model-lifecycle.js';

/**
 * A pretend terminal for driving the prompts in-process: keys are written as the bytes a real
 * terminal sends, so clack parses them exactly as it would from a keyboard.
 */
export class FakeTerminal {
  readonly input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => undefined });
  readonly output = Object.assign(
    new Writable({
      write: (chunk, _encoding, done) => {
        this.screen += String(chunk);
        done();
      },
    }),
    { isTTY: true, columns: 120, rows: 50 },
  );
  screen = '';
  private cursor = 0;

  io(cwd: string): Io {
    // The catalogue's release date, so that what depends on a model's retirement does not change with the calendar.
    return { stdin: this.input, stdout: this.output, stderr: this.output, env: {}, cwd, now: () => new Date(`${RELEASE_DATE}T12:00:00Z`) };
  }

  /** Waits until `text` appears on screen after everything already consumed, then moves past it. */
  async waitFor(text: string, timeoutMs = 5_000): Promise<void> {
    // Let the prompt finish rendering and start listening before the key arrives.
    this.cursor = await waitOnScreen(() => this.screen, this.cursor, text, { timeoutMs, settleMs: 20 });
  }

  type(keys: string): void {
    this.input.write(keys);
  }

  async answer(question: string, keys: string): Promise<void> {
    await this.waitFor(question);
    this.type(keys);
  }
}

export const KEY = { enter: '\r', down: '\u001b[B', up: '\u001b[A', space: ' ', ctrlC: '\u0003', backspace: '\u007f' } as const;

/**
 * Polls `screen` until `text` appears at or after `from`, waits `settleMs` for the prompt to start
 * listening, and returns the position after the text; throws with the end of the screen otherwise.
 */
export async function waitOnScreen(screen: () => string, from: number, text: string, options: { timeoutMs: number; settleMs: number }): Promise<number> {
  const deadline = Date.now() + options.timeoutMs;
  while (Date.now() < deadline) {
    const index = screen().indexOf(text, from);
    if (index >= 0) {
      await new Promise((resolve) => setTimeout(resolve, options.settleMs));
      return index + text.length;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`"${text}" did not appear; the screen ends with:\n${screen().slice(-2000)}`);
}
