import type { ViewModel } from '../model.js';
import { ID, serviceId } from './diagram-ids.js';
import { node, subgraph } from './diagram-mermaid.js';

/** The managed (PaaS) services, reachable only through their private endpoints. */

/** How the diagram names the service behind each module that gets a private endpoint. */
export const SERVICE_NAMES: Readonly<Record<string, { readonly full: string; readonly short: string }>> = {
  foundry: { full: 'Foundry account and project', short: 'Foundry' },
  foundryHub: { full: 'Foundry hub and project', short: 'Foundry hub' },
  aiServices: { full: 'AI Services account', short: 'AI Services' },
  openAi: { full: 'Azure OpenAI account', short: 'Azure OpenAI' },
  machineLearning: { full: 'Machine Learning workspace', short: 'Machine Learning' },
  search: { full: 'AI Search', short: 'AI Search' },
  containerRegistry: { full: 'Container Registry', short: 'Container Registry' },
  cosmosDb: { full: 'Cosmos DB, agent threads', short: 'Cosmos DB' },
  agentStorage: { full: 'Storage account, agent files', short: 'Agent storage' },
  keyVault: { full: 'Key Vault', short: 'Key Vault' },
  storage: { full: 'Storage account', short: 'Storage' },
  monitorPrivateLinkScope: { full: 'Azure Monitor Private Link Scope', short: 'Azure Monitor' },
};

/** The modules of the services, in the order the private endpoints are created; Key Vault and Storage come always. */
function serviceModules(model: ViewModel): string[] {
  const platform = model.platform;
  return [
    ...(platform.foundryProject ? ['foundry'] : []),
    ...(platform.aiServicesAccount ? ['aiServices'] : []),
    ...(platform.openAiAccount ? ['openAi'] : []),
    ...(platform.foundryHub ? ['foundryHub'] : []),
    ...(platform.machineLearning ? ['machineLearning'] : []),
    ...(platform.search ? ['search'] : []),
    ...(platform.containerRegistry ? ['containerRegistry'] : []),
    ...(platform.cosmosDb ? ['cosmosDb'] : []),
    ...(platform.agents ? ['agentStorage'] : []),
    'keyVault',
    'storage',
    ...(model.monitorPrivateLink ? ['monitorPrivateLinkScope'] : []),
  ];
}

/** The models deployed on an account, on the account's label. */
function hostedModels(model: ViewModel, module: string): string[] {
  if (model.platform.modelHost !== module) return [];
  return model.firstEnvironment.modelDeployments.map((deployment) => `model ${deployment.model}, ${deployment.skuName}`);
}

export function managedServices(model: ViewModel): string[] {
  const services = serviceModules(model).map((module) =>
    node({ id: serviceId(module), lines: [SERVICE_NAMES[module]?.full ?? module, ...hostedModels(model, module)] }),
  );
  const managedNetwork =
    model.platform.foundryHub || model.platform.machineLearning ? [node({ id: ID.managedNetwork, lines: managedNetworkLines(model) })] : [];
  return subgraph(ID.paas, 'Azure PaaS services, public access disabled', [...services, ...managedNetwork]);
}

/** The hub and the workspace run their compute in a network Azure manages, closed but for approved outbound rules. */
function managedNetworkLines(model: ViewModel): string[] {
  const owners = [...(model.platform.foundryHub ? ['hub'] : []), ...(model.platform.machineLearning ? ['workspace'] : [])].join(' and ');
  return [`Managed network of the ${owners}`, 'outbound: managed private endpoints', ...(model.platform.foundryHub ? ['and pypi.org for the hub'] : [])];
}
