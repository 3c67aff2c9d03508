/**
 * Every module file the components' parts call, as its template under templates/infra/modules/ (`.hbs`
 * where a choice changes its structure). One table, so that the generators, the guidance map's evidence
 * and validate name the same files.
 */
const TEMPLATES = {
  virtualNetwork: 'network/virtual-network.bicep',
  peering: 'network/virtual-network-peering.bicep',
  privateEndpoint: 'network/private-endpoint.bicep.hbs',
  privateDnsZones: 'network/private-dns-zones.bicep',
  dnsResolver: 'network/dns-private-resolver.bicep',
  firewall: 'network/firewall.bicep.hbs',
  firewallPolicy: 'network/firewall-policy.bicep.hbs',
  routeTable: 'network/route-table.bicep.hbs',
  bastion: 'access/bastion.bicep',
  jumpbox: 'access/jumpbox.bicep',
  vpnGateway: 'connectivity/vpn-gateway.bicep',
  apiManagement: 'gateway/api-management.bicep',
  apiManagementModelPolicy: 'gateway/policies/model-api.xml',
  apiManagementServicePolicy: 'gateway/policies/service.xml',
  apiManagementDns: 'gateway/api-management-dns.bicep',
  applicationGateway: 'gateway/application-gateway.bicep.hbs',
  userAssignedIdentity: 'identity/user-assigned-identity.bicep',
  frontDoor: 'gateway/front-door.bicep',
  keyVaultSecretAccess: 'data/key-vault-secret-role-assignment.bicep',
  keyVaultSecretAccessPolicy: 'data/key-vault-secret-access-policy.bicep',
  foundryAccount: 'ai/foundry-account.bicep.hbs',
  aiServicesAccount: 'ai/ai-services-account.bicep',
  foundryHub: 'ai/foundry-hub.bicep',
  foundryAgents: 'ai/foundry-agents.bicep',
  machineLearning: 'ai/machine-learning-workspace.bicep',
  modelDeployments: 'ai/model-deployments.bicep',
  accountRoleAssignment: 'ai/account-role-assignment.bicep',
  search: 'ai/search-service.bicep',
  keyVault: 'data/key-vault.bicep',
  storage: 'data/storage-account.bicep',
  storageRoleAssignment: 'data/storage-role-assignment.bicep',
  containerRegistry: 'data/container-registry.bicep',
  cosmosDb: 'data/cosmos-db.bicep',
  logAnalytics: 'monitoring/log-analytics.bicep',
  monitorPrivateLinkScope: 'monitoring/private-link-scope.bicep',
  flowLogs: 'monitoring/flow-logs.bicep',
  jumpboxMonitorAgent: 'monitoring/jumpbox-monitor-agent.bicep',
  denyPublicNetworkAccess: 'policy/deny-public-network-access.bicep',
  privateDnsZoneGroupPolicies: 'policy/private-dns-zone-groups.bicep',
  privateDnsZoneRoleAssignment: 'policy/private-dns-zone-role-assignment.bicep',
} as const;

export type ModuleKey = keyof typeof TEMPLATES;

/** The templates/ path of each module. */
export const MODULE_TEMPLATES = Object.fromEntries(Object.entries(TEMPLATES).map(([key, path]) => [key, `infra/modules/${path}`])) as Record<ModuleKey, string>;

/** The path of each module in the generated repository: its template's, without `.hbs`. */
export const MODULE_FILES = Object.fromEntries(Object.entries(MODULE_TEMPLATES).map(([key, path]) => [key, path.replace(/\.hbs$/, '')])) as Record<
  ModuleKey,
  string
>;

/** The partials of module templates that are too long to read as one file, by the module's templates/ path. */
export const MODULE_PARTIALS: Readonly<Record<string, readonly string[]>> = {
  [MODULE_TEMPLATES.applicationGateway]: ['infra/modules/gateway/application-gateway-parts/frontends.bicep.hbs'],
};
