/** "A, B and C": items as an English list, for descriptions and documents. */
export function proseList(items: readonly string[]): string {
  return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
