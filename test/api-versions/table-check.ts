import type { Declaration } from './template-declarations.js';

/**
 * The templates held against the table of pinned API versions. Types compare without regard to case, as Azure
 * compares them; versions too.
 */
export interface TableFindings {
  /** Declarations of a type that the table does not pin. */
  readonly unpinned: readonly Declaration[];
  /** Declarations of a pinned type at another version than the table's. */
  readonly differing: readonly (Declaration & { readonly pinned: string })[];
  /** Table entries that no template declares. */
  readonly unused: readonly string[];
  /** Types the table pins more than once, spelled in different cases. */
  readonly pinnedTwice: readonly string[];
}

export function compareWithTable(declarations: readonly Declaration[], table: Readonly<Record<string, string>>): TableFindings {
  const pins = new Map<string, { readonly type: string; readonly version: string }>();
  const pinnedTwice: string[] = [];
  for (const [type, version] of Object.entries(table)) {
    if (pins.has(type.toLowerCase())) pinnedTwice.push(type);
    else pins.set(type.toLowerCase(), { type, version });
  }
  const declared = new Set(declarations.map((declaration) => declaration.type.toLowerCase()));
  return {
    unpinned: declarations.filter((declaration) => !pins.has(declaration.type.toLowerCase())),
    differing: declarations.flatMap((declaration) => {
      const pin = pins.get(declaration.type.toLowerCase());
      return pin && pin.version.toLowerCase() !== declaration.version.toLowerCase() ? [{ ...declaration, pinned: pin.version }] : [];
    }),
    unused: [...pins.entries()].filter(([key]) => !declared.has(key)).map(([, pin]) => pin.type),
    pinnedTwice,
  };
}
