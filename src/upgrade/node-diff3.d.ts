// node-diff3 ships no type declarations; these cover the one function used.
declare module 'node-diff3' {
  export type MergeRegion<T> = { ok: T[] } | { conflict: { a: T[]; aIndex: number; o: T[]; oIndex: number; b: T[]; bIndex: number } };
  export function diff3Merge<T>(a: T[], o: T[], b: T[], options?: { excludeFalseConflicts?: boolean }): MergeRegion<T>[];
}
declare module 'node-diff3' {
  export type CommBlock<T> = { common: T[] } | { buffer1: T[]; buffer2: T[] };
  export function diffComm<T>(a: T[], b: T[]): CommBlock<T>[];
}
