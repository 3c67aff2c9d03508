import type { Answers } from '../answers/schema.js';
import { type AiPlatform, aiPlatformOf } from '../ai/platform.js';

/**
 * What the answers deploy, as the flags the catalogue, the templates and the docs decide with. Derived
 * once from the answers; the view model carries it as it is.
 */
export interface Shape {
  /** Hub-spoke: connectivity in a hub VNet per environment, the workload in a spoke. */
  readonly hubSpoke: boolean;
  /** A spoke peered to a hub the platform team runs. */
  readonly existingHub: boolean;
  /** Everything in one VNet. */
  readonly singleVnet: boolean;
  /** Azure Firewall deployed by this landing zone (NET-07). */
  readonly firewall: boolean;
  /** Workload egress goes through a firewall: this landing zone's, or the existing hub's. */
  readonly egressThroughFirewall: boolean;
  /** Bastion and the jumpbox VM (NET-06). */
  readonly jumpbox: boolean;
  /** Point-to-site VPN gateway (NET-11). */
  readonly vpn: boolean;
  /** A DNS Private Resolver, so that VPN and on-premises clients resolve private names (NET-04). */
  readonly dnsResolver: boolean;
  /** API Management as the AI gateway (NET-08). */
  readonly apiManagement: boolean;
  /** API Management runs in further regions in production (NET-14). */
  readonly apiManagementRegions: boolean;
  /** Application Gateway WAF v2 in front of API Management (NET-09). */
  readonly applicationGateway: boolean;
  /** Front Door Premium in front of API Management (NET-09). */
  readonly frontDoor: boolean;
  /** An Application Gateway: the internet-facing door, or Front Door's private origin (NET-09). */
  readonly edgeGateway: boolean;
  /** The gateway's certificate is in a Key Vault that uses access policies, not Azure RBAC. */
  readonly certificateVaultAccessPolicies: boolean;
  /** The private endpoints register in DNS zone groups (not when Azure Policy writes them). */
  readonly dnsZoneGroups: boolean;
  /**
   * An Azure Monitor Private Link Scope: Log Analytics (and the gateway's Application Insights) answer the network
   * privately. Not with an existing hub: its central zones serve the whole organisation, where a second scope's records
   * would take Azure Monitor's names away from the platform team's (one scope per DNS, Learn "Design your Azure
   * Private Link setup": https://learn.microsoft.com/azure/azure-monitor/logs/private-link-design).
   */
  readonly monitorPrivateLink: boolean;
  /**
   * Log Analytics answers queries only through the scope's endpoint: people have a way into the network (the jumpbox
   * or the VPN) to query from.
   */
  readonly privateLogQueries: boolean;
  /** Which AI resources provide the chosen capabilities. */
  readonly platform: AiPlatform;
}

export type ShapeAnswers = Pick<
  Answers,
  | 'topology'
  | 'firewall'
  | 'hubFirewallIp'
  | 'jumpbox'
  | 'vpn'
  | 'gateway'
  | 'apimRegions'
  | 'dnsZonesByPolicy'
  | 'certificateKeyVaultPermissionModel'
  | 'foundry'
  | 'services'
  | 'agents'
>;

export function shapeOf(answers: ShapeAnswers): Shape {
  const hubSpoke = answers.topology === 'hub-spoke';
  const existingHub = answers.topology === 'existing-hub';
  const vpn = answers.vpn === 'p2s';
  const apiManagement = answers.gateway !== 'none';
  return {
    hubSpoke,
    existingHub,
    singleVnet: answers.topology === 'single-vnet',
    firewall: answers.firewall,
    egressThroughFirewall: answers.firewall || answers.hubFirewallIp !== undefined,
    jumpbox: answers.jumpbox,
    vpn,
    dnsResolver: hubSpoke || (answers.topology === 'single-vnet' && vpn),
    apiManagement,
    apiManagementRegions: apiManagement && answers.apimRegions.length > 0,
    applicationGateway: answers.gateway === 'apim-appgw',
    frontDoor: answers.gateway === 'apim-frontdoor',
    edgeGateway: answers.gateway === 'apim-appgw' || answers.gateway === 'apim-frontdoor',
    certificateVaultAccessPolicies: answers.certificateKeyVaultPermissionModel === 'access-policy',
    dnsZoneGroups: !(existingHub && answers.dnsZonesByPolicy === true),
    monitorPrivateLink: !existingHub,
    privateLogQueries: !existingHub && (answers.jumpbox || vpn),
    platform: aiPlatformOf(answers),
  };
}
