import type { ViewModel } from '../model.js';
import { type GuidanceEvidence, inMain, when } from './guidance-evidence.js';
import { FILES } from './module-files.js';

/** The private services, shared by NET-01, SEC-06 and FDY-05: main.bicep's module and the resource that is locked down. */
export interface PrivateService {
  readonly module: string;
  readonly file: string;
  readonly resource: string;
}

export function privateServicesOf({ platform }: ViewModel): PrivateService[] {
  return [
    ...when(platform.foundryProject, { module: 'foundry', file: FILES.foundryAccount, resource: 'account' }),
    ...when(platform.aiServicesAccount, { module: 'aiServices', file: FILES.aiServicesAccount, resource: 'account' }),
    ...when(platform.openAiAccount, { module: 'openAi', file: FILES.aiServicesAccount, resource: 'account' }),
    ...when(
      platform.foundryHub,
      { module: 'foundryHub', file: FILES.foundryHub, resource: 'hub' },
      { module: 'foundryHub', file: FILES.foundryHub, resource: 'project' },
    ),
    ...when(platform.machineLearning, { module: 'machineLearning', file: FILES.machineLearning, resource: 'workspace' }),
    ...when(platform.search, { module: 'search', file: FILES.search, resource: 'searchService' }),
    ...when(platform.containerRegistry, { module: 'containerRegistry', file: FILES.containerRegistry, resource: 'registry' }),
    ...when(platform.cosmosDb, { module: 'cosmosDb', file: FILES.cosmosDb, resource: 'cosmosDb' }),
    { module: 'keyVault', file: FILES.keyVault, resource: 'keyVault' },
    { module: 'storage', file: FILES.storage, resource: 'storageAccount' },
  ];
}

/** main.bicep's modules once each, then the locked-down resources in their module files. */
export function servicesEvidence(services: readonly PrivateService[]): GuidanceEvidence[] {
  const modules = [...new Set(services.map((service) => service.module))];
  return [...inMain(...modules), ...services.map(({ file, resource }) => ({ file, resource }))];
}
