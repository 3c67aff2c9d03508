import { describe, expect, inject, it } from 'vitest';
import { API_VERSIONS } from '../../src/catalogue/api-versions.js';
import { compareVersions, indexProblems, pinStatus, type PinStatus, type PreviewException } from '../api-versions/index-check.js';
import { readIndexedVersions, versionsByType } from '../api-versions/index-versions.js';
import { compareWithTable } from '../api-versions/table-check.js';
import { type Declaration, scanTemplates, scanText } from '../api-versions/template-declarations.js';

/**
 * src/catalogue/api-versions.ts is the one place of truth for the API versions the templates declare, and every
 * version in it must be one that Azure's type index (Azure.Bicep.Types.Az, restored by the global setup) knows,
 * GA wherever the index has a GA version.
 */
const typeIndexPath = inject('typeIndexPath');

/**
 * Known exceptions to "no preview where the index has a GA version". Each holds for the pinned version it names
 * and only while every GA version in the index is older than it; an exception that no longer excuses anything fails.
 */
const PREVIEW_EXCEPTIONS: readonly PreviewException[] = [
  {
    type: 'Microsoft.Insights/diagnosticSettings',
    pinned: '2021-05-01-preview',
    // Checked with the Bicep compiler: at 2015-07-01 and 2016-09-01 the name must be 'service', location is
    // required and a log setting has no categoryGroup, so the templates' per-resource settings cannot use them.
    why: "the GA versions 2015-07-01 and 2016-09-01 describe the subscription-level setting named 'service', not a resource's own diagnostic settings",
  },
];

const describeDeclaration = (d: Declaration) => `templates/${d.file}:${d.line} ${d.type}@${d.version}`;

describe('the templates declare exactly the API versions of src/catalogue/api-versions.ts', () => {
  it('reads every resource declaration of the templates', async () => {
    const scan = await scanTemplates();
    expect(
      scan.unreadable.map((line) => `templates/${line.file}:${line.line} ${line.text}`),
      'lines that look like a declaration but cannot be read',
    ).toEqual([]);
    // main.bicep's parts, the plain modules and the Handlebars modules are all read.
    const files = new Set(scan.declarations.map((declaration) => declaration.file));
    for (const file of ['infra/main-parts/workload.bicep.hbs', 'infra/modules/network/virtual-network.bicep', 'infra/modules/ai/foundry-account.bicep.hbs'])
      expect(files, file).toContain(file);
  });

  it("every declared type is pinned in the table, at the table's version, and every entry is declared", async () => {
    const findings = compareWithTable((await scanTemplates()).declarations, API_VERSIONS);
    expect.soft(findings.unpinned.map(describeDeclaration), 'types declared by a template but missing from src/catalogue/api-versions.ts').toEqual([]);
    expect
      .soft(
        findings.differing.map((d) => `${describeDeclaration(d)}, but the table pins ${d.pinned}`),
        'versions that differ from src/catalogue/api-versions.ts',
      )
      .toEqual([]);
    expect.soft(findings.unused, 'entries of src/catalogue/api-versions.ts that no template declares').toEqual([]);
    expect.soft(findings.pinnedTwice, 'types pinned twice').toEqual([]);
  });
});

describe('the comparison with the table fails when it should', () => {
  const template = [
    "resource account 'Microsoft.CognitiveServices/accounts@2025-12-01' existing = {",
    "resource vnet 'Microsoft.Network/virtualNetworks@2024-01-01' = {",
    "resource other 'Microsoft.Web/sites@2024-04-01' = if (deploy) {",
  ].join('\n');
  const table = {
    'Microsoft.CognitiveServices/accounts': '2025-12-01',
    'Microsoft.Network/virtualNetworks': '2025-05-01',
    'Microsoft.KeyVault/vaults': '2025-05-01',
  };

  it('names a version that differs, a type missing from the table and an entry no template uses', () => {
    const findings = compareWithTable(scanText('infra/x.bicep', template).declarations, table);
    expect(findings.differing).toEqual([
      { file: 'infra/x.bicep', line: 2, type: 'Microsoft.Network/virtualNetworks', version: '2024-01-01', pinned: '2025-05-01' },
    ]);
    expect.soft(findings.unpinned.map((d) => d.type)).toEqual(['Microsoft.Web/sites']);
    expect(findings.unused).toEqual(['Microsoft.KeyVault/vaults']);
  });

  it('compares types without regard to case, and finds a type pinned twice', () => {
    const lowerCase = scanText('infra/x.bicep', "resource d 'microsoft.insights/diagnosticSettings@2021-05-01-preview' = {").declarations;
    const findings = compareWithTable(lowerCase, {
      'Microsoft.Insights/diagnosticSettings': '2021-05-01-preview',
      'Microsoft.insights/diagnosticSettings': '2016-09-01',
    });
    expect(findings.unpinned).toEqual([]);
    expect(findings.differing).toEqual([]);
    expect(findings.pinnedTwice).toEqual(['Microsoft.insights/diagnosticSettings']);
  });

  it('reports a declaration it cannot read instead of skipping it', () => {
    const scan = scanText(
      'infra/x.bicep.hbs',
      ["resource child 'blobServices' = {", "resource x '{{type}}@2024-01-01' = {", "var id = 'Microsoft.Web/sites@2024-04-01'"].join('\n'),
    );
    expect(scan.declarations).toEqual([]);
    expect(scan.unreadable.map((line) => line.line)).toEqual([1, 2, 3]);
  });
});

describe("the check against Azure's type index fails when it should", () => {
  const index = versionsByType(
    JSON.stringify({
      resources: {
        'Microsoft.Network/virtualNetworks@2024-05-01': { $ref: 'network/types.json#/1' },
        'Microsoft.Network/virtualNetworks@2025-05-01': { $ref: 'network/types.json#/2' },
        'microsoft.insights/diagnosticSettings@2016-09-01': { $ref: 'insights/types.json#/1' },
        'Microsoft.Insights/diagnosticSettings@2021-05-01-preview': { $ref: 'insights/types.json#/2' },
        'Microsoft.Web/sites@2024-04-01-preview': { $ref: 'web/types.json#/1' },
      },
      resourceFunctions: {},
      namespaceFunctions: [],
    }),
  );

  it('reads the index without regard to the case of a type', () => {
    expect(pinStatus('Microsoft.Insights/diagnosticSettings', '2021-05-01-preview', index)).toEqual({
      type: 'Microsoft.Insights/diagnosticSettings',
      pinned: '2021-05-01-preview',
      inIndex: true,
      gaVersions: ['2016-09-01'],
      newerGa: undefined,
    });
    expect(pinStatus('Microsoft.Network/virtualNetworks', '2024-05-01', index).newerGa).toBe('2025-05-01');
  });

  it('names a pin that is not in the index, and a preview where the index has GA versions', () => {
    const statuses = [
      pinStatus('Microsoft.Network/virtualNetworks', '2023-01-01', index),
      pinStatus('Microsoft.Insights/diagnosticSettings', '2021-05-01-preview', index),
    ];
    expect(indexProblems(statuses).map((problem) => problem.message)).toEqual([
      "Microsoft.Network/virtualNetworks@2023-01-01 is not in Azure's type index",
      "Microsoft.Insights/diagnosticSettings@2021-05-01-preview is a preview, but Azure's type index has GA versions of Microsoft.Insights/diagnosticSettings: 2016-09-01",
    ]);
  });

  it('accepts a preview where the index has no GA version, and excuses a listed preview only while no GA version is newer', () => {
    expect(indexProblems([pinStatus('Microsoft.Web/sites', '2024-04-01-preview', index)])).toEqual([]);
    const excuse: PreviewException = { type: 'microsoft.insights/diagnosticsettings', pinned: '2021-05-01-preview', why: 'test' };
    expect(indexProblems([pinStatus('Microsoft.Insights/diagnosticSettings', '2021-05-01-preview', index)], [excuse])).toEqual([]);
    const newerGa = versionsByType(
      JSON.stringify({
        resources: { 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview': {}, 'Microsoft.Insights/diagnosticSettings@2026-01-01': {} },
        resourceFunctions: {},
        namespaceFunctions: [],
      }),
    );
    expect(indexProblems([pinStatus('Microsoft.Insights/diagnosticSettings', '2021-05-01-preview', newerGa)], [excuse])).toHaveLength(1);
  });

  it('orders versions by date, a preview before the GA version of the same date', () => {
    expect(['2025-05-01', '2021-05-01-preview', '2021-05-01', '2016-09-01'].sort(compareVersions)).toEqual([
      '2016-09-01',
      '2021-05-01-preview',
      '2021-05-01',
      '2025-05-01',
    ]);
  });
});

describe.skipIf(typeIndexPath === '')("every pinned API version is in Azure's type index", () => {
  let pinned: Promise<PinStatus[]> | undefined;
  // The index is some 10 MB of JSON: read once for both tests.
  const statuses = () => {
    pinned ??= readIndexedVersions(typeIndexPath).then((index) => Object.entries(API_VERSIONS).map(([type, version]) => pinStatus(type, version, index)));
    return pinned;
  };

  it('and is GA wherever the index has a GA version of its type, but for the listed exceptions', async () => {
    const problems = indexProblems(await statuses(), PREVIEW_EXCEPTIONS);
    expect(problems.map((problem) => problem.message)).toEqual([]);
  });

  it('each listed exception still excuses a pin of the table', async () => {
    const withoutExceptions = indexProblems(await statuses());
    for (const exception of PREVIEW_EXCEPTIONS) {
      expect(
        withoutExceptions.map((problem) => `${problem.type}@${problem.pinned}`),
        `${exception.type}@${exception.pinned} is no longer needed as an exception`,
      ).toContain(`${exception.type}@${exception.pinned}`);
    }
  });
});
