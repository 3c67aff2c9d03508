/**
 * Failures of the system rather than of the input (a read-only folder, a full disk, a name too long):
 * one sentence naming the path and the cause, and what to do, instead of a stack trace from the bundle.
 */

/** What each error code means, in words. */
const CAUSES: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space is left on the device',
  EDQUOT: 'the disk quota is used up',
  ENAMETOOLONG: 'a name on the path is too long (at most 255 bytes per folder or file name)',
  ENOTDIR: 'a file stands where a folder of the path should be',
  EISDIR: 'a folder stands where a file should be',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  EIO: 'the device reported an input/output error',
  EBUSY: 'the file or folder is in use',
  ENOENT: 'it does not exist',
};

/** What a person can do about it. */
const REMEDIES: Readonly<Record<string, string>> = {
  EACCES: 'Choose a folder you can write to, or change its permissions.',
  EPERM: 'Choose a folder you can write to, or change its permissions.',
  EROFS: 'Choose a folder on a writable file system.',
  ENOSPC: 'Free some space on that device (or choose a folder on another one) and run it again.',
  EDQUOT: 'Free some space within your quota and run it again.',
  ENAMETOOLONG: 'Choose a shorter folder name.',
  ENOTDIR: 'Choose a path whose folders are folders.',
};

/** Reads of these system calls fail as "cannot read"; everything else changes the file system. */
const READING = new Set(['stat', 'lstat', 'read', 'scandir', 'readlink']);

export interface SystemFailure {
  readonly message: string;
  readonly details: readonly string[];
}

/** An error from the file system (it has an errno `code` and a `syscall`), or undefined for anything else. */
export function describeSystemError(error: unknown): SystemFailure | undefined {
  const { code, syscall, path } = (error ?? {}) as NodeJS.ErrnoException;
  if (typeof code !== 'string' || typeof syscall !== 'string' || !/^E[A-Z]+$/.test(code)) return undefined;
  const verb = READING.has(syscall) ? 'read' : 'write';
  const cause = CAUSES[code] ?? (error as Error).message;
  return {
    message: `cannot ${verb} ${path ?? 'a file'}: ${cause}`,
    details: [`${syscall} failed with ${code}`, ...(REMEDIES[code] ? [REMEDIES[code]] : [])],
  };
}

/** Node leaves `path` out of errors of `write` (ENOSPC, EIO…): the caller that knows the file adds it. */
export function withPath(error: unknown, path: string): unknown {
  const failure = error as NodeJS.ErrnoException;
  if (failure && typeof failure === 'object' && typeof failure.code === 'string' && failure.path === undefined) failure.path = path;
  return error;
}
