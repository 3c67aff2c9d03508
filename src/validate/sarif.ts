import { GUIDANCE_CATALOGUE } from '../docs/guidance-catalogue.js';
import type { ValidationReport } from './report.js';

/**
 * The report as SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`): one rule per
 * IaC-kind GUIDANCE ID, one result per problem, each at the Bicep file and line it was traced to.
 * Passing and not-applicable IDs produce no result, so a fixed problem closes its alert.
 */
export function sarifOf(report: ValidationReport, { pathInRepository = '' }: { pathInRepository?: string } = {}): object {
  const rules = GUIDANCE_CATALOGUE.filter((entry) => entry.kind === 'IaC').map((entry) => ({
    id: entry.id,
    name: entry.id.replace('-', ''),
    shortDescription: { text: entry.title },
    fullDescription: { text: `GUIDANCE ${entry.id}: ${entry.title}. docs/guidance.md says where this repository satisfies it.` },
    helpUri: 'https://learn.microsoft.com/azure/cloud-adoption-framework/scenarios/ai/',
    defaultConfiguration: { level: 'error' },
    properties: { tags: ['security', 'azure', 'bicep'] },
  }));
  const results = report.results.flatMap((result) =>
    result.problems.map((problem, index) => {
      const location = result.locations[index]!;
      return {
        ruleId: result.id,
        ruleIndex: rules.findIndex((rule) => rule.id === result.id),
        level: 'error',
        message: { text: `${result.id} ${result.title}: ${problem}` },
        // Code scanning places a result by its path from the repository's root, where the landing zone may be a folder.
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: `${pathInRepository}${location.file}`, uriBaseId: '%SRCROOT%' },
              region: { startLine: location.line },
            },
          },
        ],
        // Lets code scanning follow one problem across commits even when lines move.
        partialFingerprints: { problem: `${result.id}:${problem}` },
      };
    }),
  );
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'secure-ai-landing validate',
            version: report.generatorVersion,
            informationUri: 'https://www.npmjs.com/package/create-secure-ai-landing',
            rules,
          },
        },
        results,
        columnKind: 'unicodeCodePoints',
      },
    ],
  };
}
