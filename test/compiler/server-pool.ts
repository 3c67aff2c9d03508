import { type BicepServer, startBicepServer } from '../../src/validate/bicep-server.js';

/**
 * Runs jobs at most `limit` at a time, each worker taking the next job as it finishes one; results in the
 * jobs' order. A worker is handed its lane's number, so that a lane can keep a resource of its own.
 */
async function pool<T>(jobs: readonly ((lane: number) => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, jobs.length) }, async (_, lane) => {
      while (next < jobs.length) {
        const index = next++;
        results[index] = await jobs[index]!(lane);
      }
    }),
  );
  return results;
}

/**
 * How many compilers run side by side: one per core of the 2-core machine CI runs on. Each is one
 * long-lived `bicep jsonrpc` process that compiles request after request; a compiler's start and its
 * first, cold compilation cost seconds, every later compilation a fraction of that.
 */
export const COMPILERS = Number(process.env.BICEP_SERVERS ?? 2);

/**
 * Gives every job a warm compiler: `size` servers, each serving one job at a time, closed when all are
 * done. `env` is the servers' environment, which every `readEnvironmentVariable` of a parameter file reads.
 */
export async function withCompilers<T>(
  bicep: string,
  jobs: readonly ((server: BicepServer) => Promise<T>)[],
  { cwd, env, size = COMPILERS }: { readonly cwd: string; readonly env: Readonly<Record<string, string>>; readonly size?: number },
): Promise<T[]> {
  const servers = await Promise.all(
    Array.from({ length: Math.min(size, jobs.length) }, () =>
      startBicepServer(bicep, { cwd, env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', ...env } }),
    ),
  );
  try {
    return await pool(
      jobs.map((job) => (lane: number) => job(servers[lane]!)),
      servers.length,
    );
  } finally {
    await Promise.all(servers.map((server) => server.close()));
  }
}
