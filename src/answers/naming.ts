/**
 * Limits that keep every derived Azure resource name valid. The Bicep templates build names as
 * `kv-<name>-<env>-<4>` (Key Vault: at most 24 characters) and `st<name without hyphens><env><6>`
 * (Storage: at most 24 lowercase letters and digits); these bounds are what make both fit, and
 * `infra/main.bicep` enforces the same bounds with @minLength/@maxLength.
 */
export const WORKLOAD_NAME = { min: 2, max: 10, pattern: /^[a-z](?:[a-z0-9]|-(?!-))*[a-z0-9]$/ } as const;
export const ENVIRONMENT_NAME = { min: 2, max: 5, pattern: /^[a-z][a-z0-9]*$/ } as const;

/** Turns a folder name into a workload name when it can be one as it is, lower-cased. */
export function workloadNameFromFolder(folder: string): string | undefined {
  const candidate = folder.trim().toLowerCase();
  const fits = candidate.length >= WORKLOAD_NAME.min && candidate.length <= WORKLOAD_NAME.max;
  return fits && WORKLOAD_NAME.pattern.test(candidate) ? candidate : undefined;
}

/** The resource names the templates derive, with the unique suffix shown as x's. */
export function resourceNamePreview(workload: string, environment: string) {
  return {
    resourceGroup: `rg-${workload}-${environment}`,
    hubResourceGroup: `rg-${workload}-${environment}-hub`,
    keyVault: `kv-${workload}-${environment}-xxxx`,
    storageAccount: `st${workload.replaceAll('-', '')}${environment}xxxxxx`,
    apiManagement: `apim-${workload}-${environment}-xxxxxx`,
  };
}

const PRODUCTION_NAMES = new Set(['prod', 'prd', 'live']);

/** Production environments get more capacity, longer retention and API Management Premium. */
export function isProductionEnvironment(environment: string): boolean {
  return PRODUCTION_NAMES.has(environment);
}
