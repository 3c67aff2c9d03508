import { execa } from 'execa';

/**
 * Real file systems with real limits for the tests of system failures: a small tmpfs (a full disk) and
 * a read-only one. Mounting needs root (or CAP_SYS_ADMIN); `mounted` says whether it worked here.
 */
export async function mountTmpfs(dir: string, options: { sizeKb: number; readOnly?: boolean }): Promise<boolean> {
  const result = await execa('mount', ['-t', 'tmpfs', '-o', `size=${options.sizeKb}k${options.readOnly ? ',ro' : ''}`, 'tmpfs', dir], { reject: false });
  return result.exitCode === 0;
}

export async function unmount(dir: string): Promise<void> {
  await execa('umount', [dir], { reject: false });
}

export const isRoot = () => process.getuid?.() === 0;
