import { type ArmTemplate, ownResources } from './arm.js';
import { type Finding, finding } from './findings.js';

/**
 * The controls that keep what one part of the landing zone may do from spreading to the rest: the agents'
 * own storage account (SEC-09). Read from the compiled template; each returns what is wrong, or nothing.
 */

/** The value main.bicep passes a module deployment's parameter, as its ARM expression. */
const passed = (template: ArmTemplate, deployment: string, parameter: string): unknown =>
  ownResources(template).find((resource) => resource.name === deployment)?.properties?.parameters?.[parameter]?.value;

/**
 * SEC-09: the Agent Service keeps its files in a storage account of its own. Its project identity becomes Storage
 * Blob Data Contributor of the whole account it is given, so that account must not be the workload's, where people's
 * documents and AI Search's sources are.
 */
export function agentStorageFindings(template: ArmTemplate): Finding[] {
  const agentStorage = passed(template, 'foundry-agents', 'storageAccountName');
  if (agentStorage === undefined) return [];
  if (agentStorage !== passed(template, 'storage', 'name')) return [];
  return [
    finding(
      'agent-storage-shared',
      "foundry-agents: the Agent Service keeps its files in the workload's storage account, where its project identity holds Storage Blob Data Contributor on every container",
      'foundry-agents',
    ),
  ];
}
