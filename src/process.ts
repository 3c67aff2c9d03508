/** How a child process ended: its exit code, or a spawn error code such as ENOENT when it never started. */
export interface ProcessResult {
  readonly code: number | string;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a program without a shell (arguments are never interpreted) and resolves even when it fails. The
 * output buffer is large: a compiled template comes back on stdout as one JSON string of hundreds of KB.
 */
export async function runProcess(file: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<ProcessResult> {
  // Loaded on first use: most runs never start a process (--version, --help, refused input).
  const { execFile } = await import('node:child_process');
  return new Promise((resolve) => {
    execFile(file, args, { ...options, maxBuffer: 256 * 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
      resolve({ code: error ? (error.code ?? 1) : 0, stdout, stderr });
    });
  });
}
