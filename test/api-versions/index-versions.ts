import { readFile } from 'node:fs/promises';
import { readIndexJson } from '@azure/bicep-types';

/**
 * The API versions of each resource type in Azure's type index, read with @azure/bicep-types (the index's own
 * reader). The index keys its resources `Type@version` and spells some types in other cases than Azure's
 * documentation (e.g. `microsoft.insights/diagnosticSettings`), so types are keyed here in lower case.
 */
export type IndexedVersions = ReadonlyMap<string, readonly string[]>;

export function versionsByType(indexJson: string): IndexedVersions {
  const versions = new Map<string, string[]>();
  for (const key of Object.keys(readIndexJson(indexJson).resources)) {
    const at = key.lastIndexOf('@');
    if (at < 0) continue;
    const type = key.slice(0, at).toLowerCase();
    const known = versions.get(type) ?? [];
    known.push(key.slice(at + 1).toLowerCase());
    versions.set(type, known);
  }
  return versions;
}

export async function readIndexedVersions(indexPath: string): Promise<IndexedVersions> {
  return versionsByType(await readFile(indexPath, 'utf8'));
}
