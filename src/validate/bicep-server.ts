import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { relative } from 'node:path';

/**
 * One Bicep compiler for a whole run, driven over JSON-RPC (`bicep jsonrpc --stdio`), so that every
 * environment is compiled by a process that starts once: most of a compile's time is the compiler's
 * start and its first, cold compilation. Messages are framed as in the Language Server Protocol
 * (`Content-Length: N`, a blank line, N bytes of JSON-RPC 2.0); answers may come out of order, so
 * they are matched by id. Closing stdin ends the server. Protocol: Azure/bicep src/Bicep.Cli/Rpc
 * (ICliJsonRpcProtocol.cs, CliJsonRpcServer.cs).
 */

/** A diagnostic as the server reports it: its own file, 0-based positions, the linter's or compiler's code. */
export interface RpcDiagnostic {
  readonly source: string;
  readonly range: { readonly start: { readonly line: number; readonly char: number } };
  readonly level: 'Error' | 'Warning' | 'Info';
  readonly code: string;
  readonly message: string;
}

/** A diagnostic as the command line prints it, `file(line,column) : Level code: message`, its path relative to `base`. */
export const diagnosticLine = ({ source, range, level, code, message }: RpcDiagnostic, base: string) =>
  `${relative(base, source)}(${range.start.line + 1},${range.start.char + 1}) : ${level} ${code}: ${message}`;

/**
 * `bicep/compileParams`: a .bicepparam file's parameters JSON and the ARM JSON of the template it uses, with every
 * diagnostic of both: the template's, its modules' and the linter's included, exactly as `bicep/compile` of the
 * template reports them. One request per environment so compiles everything `bicep build` and `bicep build-params`
 * would, and the template only once.
 */
export interface Compiled {
  readonly success: boolean;
  readonly diagnostics: readonly RpcDiagnostic[];
  readonly parameters?: string;
  readonly template?: string;
}

export interface BicepServer {
  version(): Promise<string>;
  /** `path` of a .bicepparam file, absolute; values of `readEnvironmentVariable` come from the environment the server started with. */
  compileParams(path: string): Promise<Compiled>;
  /** `bicep/format`: the file's text as `bicep format` would write it (under the bicepconfig.json that applies to it); the file is not touched. */
  format(path: string): Promise<string>;
  close(): Promise<void>;
}

interface Pending {
  readonly resolve: (result: unknown) => void;
  readonly reject: (error: Error) => void;
}

export async function startBicepServer(file: string, options: { readonly cwd: string; readonly env: NodeJS.ProcessEnv }): Promise<BicepServer> {
  // Loaded on first use, like every process runner of the CLI.
  const { spawn } = await import('node:child_process');
  const child: ChildProcessWithoutNullStreams = spawn(file, ['jsonrpc', '--stdio'], { ...options, windowsHide: true });
  const pending = new Map<number, Pending>();
  let buffer = Buffer.alloc(0);
  let stderr = '';
  let ended: Error | undefined;
  let nextId = 1;

  const fail = (error: Error) => {
    ended ??= error;
    for (const { reject } of pending.values()) reject(ended);
    pending.clear();
  };
  const exited = new Promise<void>((resolve) => {
    child.on('exit', (code, signal) => {
      fail(new Error(`the Bicep compiler (${file} jsonrpc) ended (${signal ?? `exit ${code}`})${stderr.trim() ? `: ${stderr.trim()}` : ''}`));
      resolve();
    });
    child.on('error', (error) => {
      fail(error);
      resolve();
    });
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  // A write after the server died fails with EPIPE; the exit above reports why.
  child.stdin.on('error', () => undefined);
  child.stdout.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = /content-length:\s*(\d+)/i.exec(buffer.subarray(0, headerEnd).toString('ascii'))?.[1];
      if (length === undefined)
        return fail(new Error(`the Bicep compiler sent a message without Content-Length: ${buffer.subarray(0, headerEnd).toString('utf8')}`));
      const end = headerEnd + 4 + Number(length);
      if (buffer.length < end) return;
      const message = JSON.parse(buffer.subarray(headerEnd + 4, end).toString('utf8')) as { id?: number; result?: unknown; error?: { message: string } };
      buffer = buffer.subarray(end);
      const waiting = message.id === undefined ? undefined : pending.get(message.id);
      if (!waiting) continue;
      pending.delete(message.id!);
      if (message.error) waiting.reject(new Error(`the Bicep compiler: ${message.error.message}`));
      else waiting.resolve(message.result);
    }
  });

  const request = <T>(method: string, params: object): Promise<T> => {
    if (ended) return Promise.reject(ended);
    const id = nextId++;
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', id, method, params }), 'utf8');
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (result: unknown) => void, reject });
      child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
      child.stdin.write(body);
    });
  };

  return {
    version: async () => (await request<{ version: string }>('bicep/version', {})).version,
    compileParams: (path) => request<Compiled>('bicep/compileParams', { path, parameterOverrides: {} }),
    format: async (path) => (await request<{ contents: string }>('bicep/format', { path })).contents,
    close: async () => {
      child.stdin.end();
      const timer = setTimeout(() => child.kill(), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
