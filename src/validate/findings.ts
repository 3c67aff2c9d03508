/**
 * What a check finds wrong: a typed kind (the code) and a message for people. The checks know nothing of
 * guidance IDs; conformance assigns each finding to IDs by its code alone (finding-guidance.ts), so a
 * message can be reworded without moving its finding to another ID. A message may still name an ID for
 * the reader (`… (SEC-06)`): nothing reads it.
 */

/** Every kind of finding, grouped by the file whose checks produce it. */
export type FindingCode =
  // arm.ts: address ranges and subnets
  | 'subnet-outside-vnet'
  | 'ranges-overlap'
  | 'firewall-address-misplaced'
  | 'gateway-frontend-outside-subnet'
  | 'vnet-without-subnets'
  | 'subnet-without-nsg'
  | 'subnet-default-outbound'
  | 'virtual-network-missing'
  | 'subnets-computed'
  // arm.ts: private DNS zones and peerings
  | 'dns-zone-unlinked'
  | 'peering-missing'
  | 'peering-gateway-flag'
  | 'peering-gateway-unused'
  | 'peering-order'
  | 'peering-forwarding'
  // arm.ts: route tables, NSG rules and the firewall
  | 'route-table-forbidden'
  | 'egress-bypasses-firewall'
  | 'route-table-without-firewall'
  | 'nsg-rules-missing'
  | 'nsg-rules-computed'
  | 'nsg-no-deny-all'
  | 'nsg-allows-any-source'
  | 'nsg-jumpbox-open'
  | 'nsg-allows-internet'
  | 'nsg-lateral-movement'
  | 'nsg-opens-remote-access'
  | 'firewall-policy-missing'
  | 'firewall-threat-intel-off'
  | 'firewall-not-dns-proxy'
  | 'default-route-missing'
  | 'default-route-misdirected'
  | 'dns-bypasses-firewall'
  | 'firewall-blocks-api-management'
  | 'firewall-blocks-agents'
  | 'api-management-control-route-missing'
  // platform.ts: the private AI and PaaS services
  | 'local-auth-enabled'
  | 'managed-network-open'
  | 'managed-network-not-provisioned'
  | 'private-endpoint-missing'
  | 'private-endpoint-misplaced'
  | 'private-endpoint-zones-wrong'
  | 'diagnostics-missing'
  | 'diagnostics-without-workspace'
  | 'diagnostics-partial'
  // doors.ts: public endpoints, the jumpbox, Bastion, the VPN, API Management, the edge
  | 'public-endpoint-outside-doors'
  | 'public-network-access-enabled'
  | 'jumpbox-public-ip'
  | 'jumpbox-count'
  | 'jumpbox-untrusted-boot'
  | 'jumpbox-without-entra-sign-in'
  | 'bastion-missing'
  | 'vpn-gateway-count'
  | 'vpn-protocols'
  | 'vpn-authentication'
  | 'vpn-foreign-tenant'
  | 'vpn-audience-missing'
  | 'api-management-missing'
  | 'api-management-external'
  | 'model-policy-without-identity'
  | 'model-policy-without-token-limits'
  | 'model-policy-skips-base'
  | 'gateway-model-role-missing'
  | 'gateway-model-role-too-broad'
  | 'api-management-regions-missing'
  | 'edge-resources-unexpected'
  // certificate-access.ts: the Application Gateway's access to its certificate, and the vault's name resolving
  | 'certificate-access-missing'
  | 'certificate-access-ignored'
  | 'certificate-access-too-broad'
  | 'certificate-vault-unresolvable'
  | 'waf-not-blocking'
  | 'waf-policy-detached'
  | 'waf-domain-unguarded'
  | 'endpoint-clients-invalid'
  | 'endpoint-clients-incomplete'
  | 'edge-forwards-every-path'
  | 'http-not-redirected'
  | 'https-listener-missing'
  | 'front-door-route-insecure'
  | 'front-door-origin-public'
  | 'regional-vnets-missing'
  | 'regional-peerings-missing'
  | 'regional-peerings-parallel'
  // guards.ts: policy, Defender, content filters, roles, identities, the allow-list, Foundry, DNS
  | 'deny-policy-missing'
  | 'deny-policy-gap'
  | 'deny-policy-not-denying'
  | 'deny-policy-scope-gap'
  | 'zone-group-policy-missing'
  | 'zone-group-policy-off'
  | 'defender-not-standard'
  | 'defender-not-deployed'
  | 'model-deployments-missing'
  | 'content-filter-missing'
  | 'prompt-shield-off'
  // model-lifecycle-checks.ts: the model versions the parameters deploy
  | 'model-version-deprecated'
  | 'model-version-retired'
  | 'broad-role-assigned'
  | 'role-to-fixed-principal'
  | 'role-without-principal-type'
  | 'custom-role-wildcard'
  | 'managed-identity-missing'
  | 'allow-list-allows-all'
  | 'foundry-hub-missing'
  | 'hub-outbound-rules-missing'
  | 'foundry-account-missing'
  | 'project-management-off'
  | 'foundry-project-missing'
  | 'agent-injection-missing'
  | 'agent-subnet-not-delegated'
  | 'dns-resolver-missing'
  | 'dns-outside-hub'
  | 'spoke-dns-bypasses-hub'
  // control-checks.ts: the agents' storage, the Azure Monitor Private Link Scope, the AI account's outbound allow-list,
  // the way out of the subnets that need one
  | 'agent-storage-shared'
  | 'monitor-private-link-missing'
  | 'monitor-scope-open'
  | 'workspace-public-access'
  | 'account-outbound-open'
  // control-checks.ts: the VNets' flow logs and their storage account
  | 'vnet-without-flow-log'
  | 'jumpbox-monitor-agent-missing'
  | 'flow-log-storage-open'
  // control-checks.ts: a subnet that must reach its platform has a way out
  | 'subnet-without-way-out';

export interface Finding {
  readonly code: FindingCode;
  /** For people, naming the module deployment and resource where it can (locate.ts finds the Bicep line by it). */
  readonly message: string;
  /** The top-level module deployment it is about, where the check knows it: some IDs count only certain modules' findings. */
  readonly module?: string;
}

export const finding = (code: FindingCode, message: string, module?: string): Finding => (module === undefined ? { code, message } : { code, message, module });

/** The messages alone, for callers that read text. */
export const messagesOf = (findings: readonly Finding[]): string[] => findings.map((found) => found.message);
