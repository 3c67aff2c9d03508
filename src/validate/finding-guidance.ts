import type { CheckedId } from './conformance.js';
import type { Finding, FindingCode } from './findings.js';

/**
 * Which guidance IDs each kind of finding counts against. A finding's IDs come from its code (and, for
 * Foundry's IDs, the module it is in), never from its message, so rewording a message cannot move it.
 * The table is keyed by every FindingCode: a new code without an entry does not compile, and every entry
 * starts with an ID that always applies, so no finding is left without one.
 */

/** An ID that counts a finding only when it is in one of these module deployments. */
interface ScopedId {
  readonly id: CheckedId;
  readonly inModules: readonly string[];
}

type Assignment = readonly [CheckedId, ...(CheckedId | ScopedId)[]];

/** The hub-based Foundry's own module (FDY-02, FDY-03). */
const HUB = ['foundry-hub'];
/** The modules of the services a Foundry hub brings along (FDY-05). */
const HUB_SERVICES = ['ai-services', 'storage', 'key-vault', 'container-registry', 'search'];
/** The project-based Foundry's account (FDY-06). */
const FOUNDRY_ACCOUNT = ['foundry'];

/** A public endpoint is NET-01's, and also the Foundry IDs' whose resources it exposes. */
const PUBLIC_ENDPOINT: Assignment = [
  'NET-01',
  { id: 'FDY-02', inModules: HUB },
  { id: 'FDY-05', inModules: HUB_SERVICES },
  { id: 'FDY-06', inModules: FOUNDRY_ACCOUNT },
];
/** A missing or misplaced private endpoint is NET-02's, and the Foundry IDs' whose resource lacks it. */
const PRIVATE_ENDPOINT: Assignment = ['NET-02', { id: 'FDY-02', inModules: HUB }, { id: 'FDY-06', inModules: FOUNDRY_ACCOUNT }];
/** A managed network is NET-07's; a Machine Learning workspace's is not FDY-03's, the hub's is. */
const MANAGED_NETWORK: Assignment = ['NET-07', { id: 'FDY-03', inModules: HUB }];

export const GUIDANCE_OF_FINDING: { readonly [Code in FindingCode]: Assignment } = {
  // arm.ts: address ranges and subnets
  'subnet-outside-vnet': ['NET-12'],
  'ranges-overlap': ['NET-12'],
  'firewall-address-misplaced': ['NET-12'],
  'gateway-frontend-outside-subnet': ['NET-12'],
  'vnet-without-subnets': ['NET-12'],
  'subnet-without-nsg': ['NET-12'],
  'subnet-default-outbound': ['NET-07'],
  // Both the route tables (NET-07) and the NSG rules (NET-12) are read from the VNet deployments.
  'virtual-network-missing': ['NET-07', 'NET-12'],
  'subnets-computed': ['NET-07', 'NET-12'],
  // arm.ts: private DNS zones and peerings
  'dns-zone-unlinked': ['NET-03'],
  'peering-missing': ['NET-10'],
  'peering-gateway-flag': ['NET-10'],
  'peering-gateway-unused': ['NET-10'],
  'peering-order': ['NET-10'],
  'peering-forwarding': ['NET-10'],
  // arm.ts: route tables, NSG rules and the firewall
  'route-table-forbidden': ['NET-07'],
  'egress-bypasses-firewall': ['NET-07'],
  'route-table-without-firewall': ['NET-07'],
  'nsg-rules-missing': ['NET-12'],
  'nsg-rules-computed': ['NET-12'],
  'nsg-no-deny-all': ['NET-12'],
  'nsg-allows-any-source': ['NET-12'],
  'nsg-jumpbox-open': ['NET-12'],
  'nsg-allows-internet': ['NET-12'],
  'nsg-lateral-movement': ['NET-12'],
  'nsg-opens-remote-access': ['NET-12'],
  'firewall-policy-missing': ['NET-07'],
  'firewall-threat-intel-off': ['NET-07'],
  'firewall-not-dns-proxy': ['NET-07'],
  'default-route-missing': ['NET-07'],
  'default-route-misdirected': ['NET-07'],
  'dns-bypasses-firewall': ['NET-07'],
  'firewall-blocks-api-management': ['NET-07'],
  'firewall-blocks-agents': ['NET-07'],
  'api-management-control-route-missing': ['NET-07'],
  // platform.ts: the private AI and PaaS services
  'local-auth-enabled': ['SEC-06', { id: 'FDY-05', inModules: HUB_SERVICES }],
  'managed-network-open': MANAGED_NETWORK,
  'managed-network-not-provisioned': MANAGED_NETWORK,
  'private-endpoint-missing': PRIVATE_ENDPOINT,
  'private-endpoint-misplaced': PRIVATE_ENDPOINT,
  'private-endpoint-zones-wrong': ['NET-03'],
  'diagnostics-missing': ['SEC-11'],
  'diagnostics-without-workspace': ['SEC-11'],
  'diagnostics-partial': ['SEC-11'],
  // doors.ts: public endpoints, the jumpbox, Bastion, the VPN, API Management, the edge
  'public-endpoint-outside-doors': PUBLIC_ENDPOINT,
  'public-network-access-enabled': PUBLIC_ENDPOINT,
  'jumpbox-public-ip': ['NET-06'],
  'jumpbox-count': ['NET-06'],
  'jumpbox-untrusted-boot': ['NET-06'],
  'jumpbox-without-entra-sign-in': ['NET-06'],
  'bastion-missing': ['NET-06'],
  'vpn-gateway-count': ['NET-11'],
  'vpn-protocols': ['NET-11'],
  'vpn-authentication': ['NET-11'],
  'vpn-foreign-tenant': ['NET-11'],
  'vpn-audience-missing': ['NET-11'],
  // Without the service, neither its network mode (NET-08) nor its token checks (SEC-05) hold.
  'api-management-missing': ['NET-08', 'SEC-05'],
  'api-management-external': ['NET-08'],
  'model-policy-without-identity': ['SEC-05'],
  'model-policy-without-token-limits': ['NET-08'],
  'model-policy-skips-base': ['NET-08'],
  'gateway-model-role-missing': ['SEC-05'],
  'gateway-model-role-too-broad': ['SEC-05'],
  'api-management-regions-missing': ['NET-14'],
  'edge-resources-unexpected': ['NET-09'],
  'certificate-access-missing': ['NET-09', 'SEC-09'],
  'certificate-access-ignored': ['NET-09', 'SEC-09'],
  'certificate-access-too-broad': ['SEC-09'],
  'certificate-vault-unresolvable': ['NET-09'],
  'waf-not-blocking': ['NET-09'],
  'waf-policy-detached': ['NET-09'],
  'waf-domain-unguarded': ['NET-09'],
  'endpoint-clients-invalid': ['NET-12'],
  'endpoint-clients-incomplete': ['NET-12'],
  'edge-forwards-every-path': ['NET-09'],
  'http-not-redirected': ['NET-09'],
  'https-listener-missing': ['NET-09'],
  'front-door-route-insecure': ['NET-09'],
  'front-door-origin-public': ['NET-09'],
  'regional-vnets-missing': ['NET-14'],
  'regional-peerings-missing': ['NET-14'],
  'regional-peerings-parallel': ['NET-14'],
  // guards.ts: policy, Defender, content filters, roles, identities, the allow-list, Foundry, DNS
  'deny-policy-missing': ['NET-05'],
  'deny-policy-gap': ['NET-05'],
  'deny-policy-not-denying': ['NET-05'],
  'deny-policy-scope-gap': ['NET-05'],
  'zone-group-policy-missing': ['NET-05'],
  'zone-group-policy-off': ['NET-05'],
  'defender-not-standard': ['SEC-02'],
  'defender-not-deployed': ['SEC-02'],
  'model-deployments-missing': ['SEC-03'],
  'content-filter-missing': ['SEC-03'],
  'prompt-shield-off': ['SEC-03'],
  // GUIDANCE.md has no ID of its own for a model's lifecycle: SEC-03 is the ID that vouches for every model
  // deployment, and one that cannot be created (deprecated) or answers only errors (retired) is not one it can vouch for.
  'model-version-deprecated': ['SEC-03'],
  'model-version-retired': ['SEC-03'],
  'broad-role-assigned': ['SEC-09'],
  'role-to-fixed-principal': ['SEC-09'],
  'role-without-principal-type': ['SEC-09'],
  'custom-role-wildcard': ['SEC-09'],
  'managed-identity-missing': ['SEC-10'],
  'allow-list-allows-all': ['NET-07'],
  // What the hub's checks mean nothing without.
  'foundry-hub-missing': ['FDY-02', 'FDY-03', 'FDY-04'],
  'hub-outbound-rules-missing': ['FDY-04'],
  'foundry-account-missing': ['FDY-06'],
  'project-management-off': ['FDY-06'],
  'foundry-project-missing': ['FDY-06'],
  'agent-injection-missing': ['FDY-06'],
  'agent-subnet-not-delegated': ['FDY-06'],
  'dns-resolver-missing': ['NET-04'],
  'dns-outside-hub': ['NET-04'],
  'spoke-dns-bypasses-hub': ['NET-04'],
  // control-checks.ts: the agents' storage, the Azure Monitor Private Link Scope, the AI account's outbound allow-list,
  // the way out of the subnets that need one
  'agent-storage-shared': ['SEC-09'],
  'monitor-private-link-missing': ['NET-02'],
  'monitor-scope-open': ['NET-01'],
  'workspace-public-access': ['NET-01'],
  'account-outbound-open': ['NET-07'],
  'vnet-without-flow-log': ['SEC-11'],
  'jumpbox-monitor-agent-missing': ['SEC-11'],
  'flow-log-storage-open': ['NET-01', 'SEC-06'],
  'subnet-without-way-out': ['NET-07'],
};

/** The IDs a finding counts against: its code's, with a module-scoped ID only when the finding is in one of its modules. */
export function guidanceIdsOf(found: Finding): CheckedId[] {
  return GUIDANCE_OF_FINDING[found.code].flatMap((assigned) => {
    if (typeof assigned === 'string') return [assigned];
    return found.module !== undefined && assigned.inModules.includes(found.module) ? [assigned.id] : [];
  });
}
