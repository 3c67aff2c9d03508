import type { IndexedVersions } from './index-versions.js';

/**
 * Each pinned API version held against Azure's type index: is it there, which GA versions the index has, and the
 * newest of them when it is newer than the pin. A GA version is a bare date; `-preview`, `-beta` and the like are not.
 */
export interface PinStatus {
  readonly type: string;
  readonly pinned: string;
  readonly inIndex: boolean;
  /** Oldest first. */
  readonly gaVersions: readonly string[];
  readonly newerGa: string | undefined;
}

export interface IndexProblem {
  readonly type: string;
  readonly pinned: string;
  readonly message: string;
}

/** A pinned preview that stays although the index has GA versions, with the reason. */
export interface PreviewException {
  readonly type: string;
  readonly pinned: string;
  readonly why: string;
}

export const isGa = (version: string) => /^\d{4}-\d{2}-\d{2}$/.test(version);

/** Older first by date; on the same date a preview comes before its GA version. */
export function compareVersions(a: string, b: string): number {
  const byDate = a.slice(0, 10).localeCompare(b.slice(0, 10));
  return byDate !== 0 ? byDate : Number(isGa(a)) - Number(isGa(b)) || a.localeCompare(b);
}

export function pinStatus(type: string, pinned: string, index: IndexedVersions): PinStatus {
  const versions = index.get(type.toLowerCase()) ?? [];
  const gaVersions = versions.filter(isGa).sort(compareVersions);
  const newestGa = gaVersions.at(-1);
  return {
    type,
    pinned,
    inIndex: versions.includes(pinned.toLowerCase()),
    gaVersions,
    newerGa: newestGa !== undefined && compareVersions(newestGa, pinned) > 0 ? newestGa : undefined,
  };
}

/**
 * A pin not in the index, or a preview where the index has a GA version. An exception excuses a preview only at
 * the version it names and only while every GA version is older than the pin: a newer GA version is a problem again.
 */
export function indexProblems(statuses: readonly PinStatus[], exceptions: readonly PreviewException[] = []): IndexProblem[] {
  return statuses.flatMap((status): IndexProblem[] => {
    const { type, pinned, gaVersions } = status;
    if (!status.inIndex) return [{ type, pinned, message: `${type}@${pinned} is not in Azure's type index` }];
    if (isGa(pinned) || gaVersions.length === 0) return [];
    const excused = exceptions.some((exception) => sameType(exception.type, type) && exception.pinned === pinned) && status.newerGa === undefined;
    return excused
      ? []
      : [{ type, pinned, message: `${type}@${pinned} is a preview, but Azure's type index has GA versions of ${type}: ${gaVersions.join(', ')}` }];
  });
}

export const sameType = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
