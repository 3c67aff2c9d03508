import type { AiPlatform } from './platform.js';

/** A built-in Azure role: its definition's GUID and its name, for the comment beside it. */
export interface BuiltInRole {
  readonly id: string;
  readonly name: string;
}

// Built-in role GUIDs from the Azure built-in roles reference (learn.microsoft.com/azure/role-based-access-control/built-in-roles).
export const ROLES = {
  azureAiUser: { id: '53ca6127-db72-4b80-b1b0-d745d6d5456d', name: 'Azure AI User' },
  azureAiProjectManager: { id: 'eadc314b-1a2d-4efa-be10-5d325db5065e', name: 'Azure AI Project Manager' },
  azureAiDeveloper: { id: '64702f94-c441-49e6-a78b-ef80e0188fee', name: 'Azure AI Developer' },
  azureAiAdministrator: { id: 'b78c5d69-af96-48a3-bf8d-a8b4d589de94', name: 'Azure AI Administrator' },
  cognitiveServicesUser: { id: 'a97b65f3-24c7-4388-baec-2e87135dc908', name: 'Cognitive Services User' },
  cognitiveServicesContributor: { id: '25fbc0a9-bd7c-42a3-aa1a-3b75d497ee68', name: 'Cognitive Services Contributor' },
  openAiUser: { id: '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd', name: 'Cognitive Services OpenAI User' },
  openAiContributor: { id: 'a001fd3d-188f-4b5d-821b-7da978bf7442', name: 'Cognitive Services OpenAI Contributor' },
  azureMlDataScientist: { id: 'f6c7c914-8db3-469d-8ca1-694a8f32e121', name: 'AzureML Data Scientist' },
  searchIndexDataContributor: { id: '8ebe5a00-799e-43f5-93ac-243d3dce84a7', name: 'Search Index Data Contributor' },
  searchServiceContributor: { id: '7ca78c08-252a-4471-8644-bb5ff32d4ba0', name: 'Search Service Contributor' },
  storageBlobDataContributor: { id: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe', name: 'Storage Blob Data Contributor' },
  storageFileDataPrivilegedContributor: { id: '69566ab7-960f-475b-8e7c-b3118f30c6bd', name: 'Storage File Data Privileged Contributor' },
  logAnalyticsReader: { id: '73c42c96-874c-492b-b04d-ab87d138a893', name: 'Log Analytics Reader' },
} as const satisfies Record<string, BuiltInRole>;

/** One role one of the two groups (users, administrators) gets on one resource (SEC-09). */
export interface GroupRole {
  /** Which group parameter of main.bicep: userGroupObjectIds or adminGroupObjectIds. */
  readonly groups: 'userGroupObjectIds' | 'adminGroupObjectIds';
  readonly role: BuiltInRole;
  /** Why the group holds it; the assignment's description. */
  readonly reason: string;
}

const users = (role: BuiltInRole, reason: string): GroupRole => ({ groups: 'userGroupObjectIds', role, reason });
const admins = (role: BuiltInRole, reason: string): GroupRole => ({ groups: 'adminGroupObjectIds', role, reason });

/**
 * SEC-09: what the people who use the platform and those who administer it may do, per module of
 * main.bicep. Data-plane roles for users, the service's own management role for administrators;
 * never Owner or Contributor, and each on its resource alone.
 */
export function groupAccessFor(platform: AiPlatform): Readonly<Record<string, readonly GroupRole[]>> {
  return {
    ...(platform.foundryProject && {
      foundry: [
        users(ROLES.azureAiUser, 'Builds in the Foundry project and calls its models and agents.'),
        admins(ROLES.azureAiProjectManager, 'Manages the Foundry projects and their model deployments.'),
      ],
    }),
    ...(platform.aiServicesAccount && {
      aiServices: [
        users(ROLES.cognitiveServicesUser, 'Calls the models and AI services of the account.'),
        admins(ROLES.cognitiveServicesContributor, 'Manages the account and its model deployments.'),
      ],
    }),
    ...(platform.openAiAccount && {
      openAi: [
        users(ROLES.openAiUser, 'Calls the model deployments.'),
        admins(ROLES.openAiContributor, 'Manages the model deployments and their content filters.'),
      ],
    }),
    ...(platform.foundryHub && {
      foundryHub: [
        users(ROLES.azureAiDeveloper, "Builds in the hub's projects."),
        admins(ROLES.azureAiAdministrator, 'Manages the hub, its projects and its connections.'),
      ],
    }),
    ...(platform.machineLearning && {
      machineLearning: [
        users(ROLES.azureMlDataScientist, 'Runs experiments, jobs and endpoints in the workspace.'),
        admins(ROLES.azureAiAdministrator, 'Manages the workspace and its managed network.'),
      ],
    }),
    ...(platform.search && {
      search: [
        users(ROLES.searchIndexDataContributor, 'Creates and queries the indexes.'),
        admins(ROLES.searchServiceContributor, 'Manages the search service, its indexes and indexers.'),
      ],
    }),
    storage: [
      users(ROLES.storageBlobDataContributor, 'Reads and writes the blobs of the workload.'),
      // With shared keys off, notebooks and compute instances mount the file shares with the user's own identity.
      ...(platform.foundryHub || platform.machineLearning
        ? [users(ROLES.storageFileDataPrivilegedContributor, 'Uses notebooks and compute instances, whose files live in the storage account.')]
        : []),
    ],
    logAnalytics: [admins(ROLES.logAnalyticsReader, 'Reads the diagnostics of every resource.')],
  };
}
