import { compareOrdinal } from '../ordinal.js';

/** Paths as an indented tree under `root`, the way `tree` prints a folder. */
export function formatTree(root: string, paths: readonly string[]): string[] {
  interface Node {
    readonly children: Map<string, Node>;
  }
  const top: Node = { children: new Map() };
  for (const path of paths) {
    let node = top;
    for (const segment of path.split('/')) {
      if (!node.children.has(segment)) node.children.set(segment, { children: new Map() });
      node = node.children.get(segment)!;
    }
  }
  const lines = [`${root}/`];
  const walk = (node: Node, prefix: string) => {
    const entries = [...node.children].sort(
      ([a, nodeA], [b, nodeB]) =>
        Number(nodeA.children.size === 0) - Number(nodeB.children.size === 0) || compareOrdinal(a.toLowerCase(), b.toLowerCase()) || compareOrdinal(a, b),
    );
    entries.forEach(([name, child], index) => {
      const last = index === entries.length - 1;
      lines.push(`${prefix}${last ? '└── ' : '├── '}${name}${child.children.size > 0 ? '/' : ''}`);
      walk(child, `${prefix}${last ? '    ' : '│   '}`);
    });
  };
  walk(top, '');
  return lines;
}
