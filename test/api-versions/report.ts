import { API_VERSIONS } from '../../src/catalogue/api-versions.js';
import { findOrExtractTypeIndex, TYPES_AZ_VERSION } from '../compiler/type-index.js';
import { pinStatus, type PinStatus } from './index-check.js';
import { readIndexedVersions } from './index-versions.js';

/**
 * `npm run api-versions`: for maintainers deciding which API versions to move, each pinned type with its version,
 * whether Azure's type index has it, and the newest GA version when it is newer than the pin. It only informs;
 * test/unit/api-versions.test.ts is the judge. The npm script bundles this file with esbuild into
 * .cache/api-versions/report.mjs, two folders below the project like this file, so that the paths the modules
 * derive from import.meta.url still hold.
 */
const lookup = await findOrExtractTypeIndex();
if ('reason' in lookup) {
  console.error(`Azure's type index cannot be had: ${lookup.reason}`);
  process.exit(1);
}
const index = await readIndexedVersions(lookup.path);
const statuses = Object.entries(API_VERSIONS).map(([type, pinned]) => pinStatus(type, pinned, index));
console.log(formatReport(statuses));

function formatReport(rows: readonly PinStatus[]): string {
  const header = ['type', 'pinned', 'in index', 'newer GA'];
  const cells = rows.map((row) => [row.type, row.pinned, row.inIndex ? 'yes' : 'NO', row.newerGa ?? '']);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((cell) => cell[column]!.length)));
  const line = (values: readonly string[]) =>
    values
      .map((value, column) => value.padEnd(widths[column]!))
      .join('  ')
      .trimEnd();
  const missing = rows.filter((row) => !row.inIndex).length;
  const behind = rows.filter((row) => row.newerGa !== undefined).length;
  return [
    `Pinned API versions (src/catalogue/api-versions.ts) against Azure.Bicep.Types.Az ${TYPES_AZ_VERSION}`,
    '',
    line(header),
    ...cells.map(line),
    '',
    `${rows.length} types: ${missing} not in the index, ${behind} with a newer GA version.`,
  ].join('\n');
}
