import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The resource type and API version of every `resource` declaration in the Bicep templates, `existing` ones
 * included. Read from the text, because a .bicep.hbs file is no Bicep until it is rendered. A line that looks like
 * a declaration or holds a quoted 'type@version' but cannot be read as one is reported as unreadable instead of
 * skipped, so that no version escapes the check.
 */
export interface Declaration {
  /** Path under templates/, with forward slashes. */
  readonly file: string;
  readonly line: number;
  readonly type: string;
  readonly version: string;
}

export interface Unreadable {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

export interface TemplateScan {
  readonly declarations: readonly Declaration[];
  readonly unreadable: readonly Unreadable[];
}

export const TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

const DECLARATION = /^\s*resource\s+\w+\s+'(?<type>[A-Za-z][\w.]*\/[\w/]+)@(?<version>\d{4}-\d{2}-\d{2}(?:-[A-Za-z]+)?)'\s+(?:existing\s+)?=/;
const LOOKS_LIKE_DECLARATION = /^\s*resource\s/;
const QUOTED_TYPE_AT_VERSION = /'[^'\s]*\/[^'\s]*@[^'\s]*'/;
const BICEP_TEMPLATE = /\.bicep(\.hbs)?$/;

export function scanText(file: string, text: string): TemplateScan {
  const declarations: Declaration[] = [];
  const unreadable: Unreadable[] = [];
  text.split('\n').forEach((content, index) => {
    const line = index + 1;
    const match = DECLARATION.exec(content);
    if (match?.groups) declarations.push({ file, line, type: match.groups.type!, version: match.groups.version! });
    else if (LOOKS_LIKE_DECLARATION.test(content) || QUOTED_TYPE_AT_VERSION.test(content)) unreadable.push({ file, line, text: content.trim() });
  });
  return { declarations, unreadable };
}

/** Every .bicep and .bicep.hbs file under templates/ (the generated repository's infra/ lives there). */
export async function scanTemplates(root = TEMPLATES): Promise<TemplateScan> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && BICEP_TEMPLATE.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  const scans = await Promise.all(files.map(async (path) => scanText(relative(root, path).split(sep).join('/'), await readFile(path, 'utf8'))));
  return { declarations: scans.flatMap((scan) => scan.declarations), unreadable: scans.flatMap((scan) => scan.unreadable) };
}
