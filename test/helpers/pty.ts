import { spawn } from 'node:child_process';
import { BIN, ISOLATED_GIT_ENV } from './cli.js';
import { waitOnScreen } from './terminal.js';

const stripAnsi = (text: string) => text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');

/**
 * The built CLI in a real pseudo-terminal (util-linux `script`), driven by keystrokes: what a person
 * at a keyboard gets, raw mode and all. The terminal is 100 columns wide, set with stty inside it.
 */
export class PtyRun {
  private raw = '';
  private cursor = 0;
  private readonly child;
  readonly exited: Promise<number | null>;

  constructor(args: readonly string[], cwd: string) {
    const quoted = [process.execPath, BIN, ...args].map((word) => `'${word.replaceAll("'", `'\\''`)}'`).join(' ');
    this.child = spawn('script', ['-qfec', `stty cols 100 rows 40; exec ${quoted}`, '/dev/null'], {
      cwd,
      env: { ...process.env, ...ISOLATED_GIT_ENV, CI: '', TERM: 'xterm-256color' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stdout.on('data', (chunk) => (this.raw += String(chunk)));
    this.child.stderr.on('data', (chunk) => (this.raw += String(chunk)));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  /** The screen so far, without colours and cursor movements. */
  get screen(): string {
    return stripAnsi(this.raw);
  }

  /** Waits until `text` appears after everything already waited for, then moves past it. */
  async waitFor(text: string, timeoutMs = 15_000): Promise<void> {
    try {
      this.cursor = await waitOnScreen(() => this.screen, this.cursor, text, { timeoutMs, settleMs: 80 });
    } catch (error) {
      this.child.kill();
      throw error;
    }
  }

  type(keys: string): void {
    this.child.stdin.write(keys);
  }

  async answer(question: string, keys: string): Promise<void> {
    await this.waitFor(question);
    this.type(keys);
  }
}
