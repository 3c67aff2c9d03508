import type * as z from 'zod/mini';
import { MODELS } from '../ai/models.js';
import { DEFAULT_MODEL } from './ai-fields.js';
import { HUB_VNET_EXAMPLE } from './existing-hub-fields.js';
import { KEY_VAULT_SECRET_URI } from './gateway-fields.js';
import { FRONT_DOOR_PRIVATE_LINK_REGIONS, hasAvailabilityZones } from './locations.js';
import { isProductionEnvironment } from './naming.js';
import type { Answers } from './schema.js';

/**
 * The rules between answers that the answers alone decide: an answer that only one choice uses, one
 * that another choice requires, two choices that exclude each other. The rules that need the network
 * plan or the AI platform are in ./planned-rules.ts. Runs as a zod refinement of the complete answers.
 */
export function crossFieldRules(answers: Answers, context: z.core.$RefinementCtx): void {
  if (answers.agents && answers.foundry !== 'project') {
    context.addIssue({
      code: 'custom',
      path: ['agents'],
      message: 'needs project-based Foundry (--foundry project); the Agent Service network injection exists only there',
    });
  }
  modelRules(answers, context);
  if (answers.vpn === 'p2s' && answers.topology === 'existing-hub') {
    context.addIssue({
      code: 'custom',
      path: ['vpn'],
      message: 'cannot be p2s with an existing hub: the VPN gateway belongs in that hub, so add point-to-site there',
    });
  }
  if (answers.foundry === 'none' && answers.services.length === 0) {
    context.addIssue({
      code: 'custom',
      path: ['services'],
      message: 'is empty and --foundry is none, so there is nothing to deploy; choose at least one of openai, ml, aiservices, search',
    });
  }
  if (answers.allowedFqdns.length > 0 && !answers.firewall) {
    context.addIssue({
      code: 'custom',
      path: ['allowedFqdns'],
      message:
        answers.topology === 'existing-hub'
          ? "is not used with an existing hub: egress is allowed by the hub firewall's policy, which the platform team owns; ask them to allow these hosts"
          : 'needs the firewall (--firewall): without it nothing filters egress, so there is nothing to allow',
    });
  }
  if (answers.hubAddressSpace !== undefined && answers.topology !== 'hub-spoke') {
    context.addIssue({ code: 'custom', path: ['hubAddressSpace'], message: `is only used with --topology hub-spoke, not ${answers.topology}` });
  }
  existingHubRules(answers, context);
  if (answers.jumpbox && !answers.firewall && answers.topology !== 'existing-hub') {
    context.addIssue({
      code: 'custom',
      path: ['jumpbox'],
      message:
        'needs the firewall (--firewall): no subnet has default internet access, and the jumpbox needs a way out for its Microsoft Entra ID sign-in, Windows Update and the Foundry portal; keep --firewall, or pass --no-jumpbox',
    });
  }
  wayOutRules(answers, context);
  if (answers.agentAddressSpace !== undefined && !answers.agents) {
    context.addIssue({ code: 'custom', path: ['agentAddressSpace'], message: 'is only used with --agents' });
  }
  if (answers.cosmosZoneRedundant && !answers.agents) {
    context.addIssue({ code: 'custom', path: ['cosmosZoneRedundant'], message: "is only used with --agents (Cosmos DB holds the agents' threads)" });
  } else if (answers.cosmosZoneRedundant && !hasAvailabilityZones(answers.location)) {
    context.addIssue({
      code: 'custom',
      path: ['cosmosZoneRedundant'],
      message: `needs a region with availability zones, and ${answers.location} has none; pass --no-cosmos-zone-redundant or choose a region with zones`,
    });
  }
  if (answers.vpnClientAddressPool !== undefined && answers.vpn !== 'p2s') {
    context.addIssue({ code: 'custom', path: ['vpnClientAddressPool'], message: 'is only used with --vpn p2s' });
  }
  if (answers.gateway !== 'none' && answers.publisherEmail === undefined) {
    context.addIssue({
      code: 'custom',
      path: ['publisherEmail'],
      message: `is required with --gateway ${answers.gateway}: API Management sends its system notifications there, e.g. platform-team@contoso.com`,
    });
  }
  edgeGatewayRules(answers, context);
  apimRegionRules(answers, context);
  if (answers.gateway === 'none' && answers.publisherEmail !== undefined) {
    context.addIssue({
      code: 'custom',
      path: ['publisherEmail'],
      message: 'is only used with an API Management gateway (--gateway apim, apim-appgw or apim-frontdoor)',
    });
  }
}

/** The only way out this landing zone gives its subnets (NET-07): its own firewall, or a route to the existing hub's. */
export function hasWayOut(answers: Pick<Answers, 'topology' | 'firewall' | 'hubFirewallIp'>): boolean {
  return answers.topology === 'existing-hub' ? answers.hubFirewallIp !== undefined : answers.firewall;
}

/**
 * Every subnet here is private (defaultOutboundAccess false, the default for new VNets since 2025-09-30:
 * https://learn.microsoft.com/azure/virtual-network/ip-services/default-outbound-access), so a component that must reach
 * Azure platform endpoints to deploy at all needs the firewall route (NET-07). Unfiltered egress (a NAT gateway) would
 * break NET-07's allow-list, so these combinations are refused rather than opened.
 * - API Management injected in a VNet (classic Developer/Premium) depends on Storage, SQL, Key Vault and Azure Monitor
 *   (https://learn.microsoft.com/azure/api-management/virtual-network-reference); in internal mode its public IP serves
 *   management operations only (https://learn.microsoft.com/azure/api-management/api-management-using-with-internal-vnet).
 * - The Agent Service runs on a Container Apps workload-profiles environment in the agents subnet, whose platform pulls
 *   its images and binaries from the internet; its egress is a UDR or a NAT gateway
 *   (https://learn.microsoft.com/azure/container-apps/networking, https://learn.microsoft.com/azure/container-apps/use-azure-firewall).
 */
function wayOutRules(answers: Answers, context: z.core.$RefinementCtx): void {
  if (hasWayOut(answers)) return;
  const existingHub = answers.topology === 'existing-hub';
  const missing = existingHub ? "no --hub-firewall-ip, so nothing routes the spoke's egress to the hub's firewall" : '--no-firewall';
  const fix = existingHub ? "give the hub firewall's private IP with --hub-firewall-ip" : 'keep --firewall';
  if (answers.gateway !== 'none') {
    context.addIssue({
      code: 'custom',
      path: ['gateway'],
      message: `cannot be ${answers.gateway} with ${missing}: every subnet is private, and API Management in a VNet must reach Azure Storage, SQL, Key Vault and Azure Monitor to deploy and run; ${fix}, or pass --gateway none`,
    });
  }
  if (answers.agents) {
    context.addIssue({
      code: 'custom',
      path: ['agents'],
      message: `cannot be used with ${missing}: every subnet is private, and the Agent Service's Container Apps platform must pull its images and binaries from the internet; ${fix}, or pass --no-agents`,
    });
  }
}

const EXISTING_HUB_ONLY = ['hubVnetId', 'hubFirewallIp', 'hubDnsServers', 'privateDnsZoneIds', 'dnsZonesByPolicy'] as const;

/**
 * With an existing hub, the platform team's hub supplies the peering target, DNS and (optionally) the
 * firewall. Which DNS zones it must name, and that its addresses lie outside the spoke, are planned rules.
 */
function existingHubRules(answers: Answers, context: z.core.$RefinementCtx): void {
  if (answers.topology !== 'existing-hub') {
    for (const key of EXISTING_HUB_ONLY) {
      if (answers[key] !== undefined)
        context.addIssue({ code: 'custom', path: [key], message: `is only used with --topology existing-hub, not ${answers.topology}` });
    }
    return;
  }
  if (answers.hubVnetId === undefined) {
    context.addIssue({
      code: 'custom',
      path: ['hubVnetId'],
      message: `is required with --topology existing-hub: the resource ID of the hub VNet, e.g. ${HUB_VNET_EXAMPLE}`,
    });
  }
  if (answers.hubDnsServers === undefined || answers.hubDnsServers.length === 0) {
    context.addIssue({
      code: 'custom',
      path: ['hubDnsServers'],
      message:
        "is required with --topology existing-hub: the IPs of the hub's DNS resolver inbound endpoint or firewall DNS proxy, which resolve the central private DNS zones, e.g. 10.0.4.4",
    });
  }
  if (answers.firewall) {
    context.addIssue({
      code: 'custom',
      path: ['firewall'],
      message: "cannot be true with an existing hub: egress goes through the hub's firewall; pass --no-firewall and its address with --hub-firewall-ip",
    });
  }
}

const EDGE_REQUIRED = ['gatewayHostName', 'certificateUri', 'certificateKeyVaultId'] as const;
const EDGE_ONLY = [...EDGE_REQUIRED, 'certificateKeyVaultPermissionModel'] as const;

/** The internet-facing door needs the name callers use and its certificate, readable by the gateway alone (NET-09). */
function edgeGatewayRules(answers: Answers, context: z.core.$RefinementCtx): void {
  if (answers.gateway !== 'apim-appgw' && answers.gateway !== 'apim-frontdoor') {
    for (const key of EDGE_ONLY) {
      if (answers[key] !== undefined) context.addIssue({ code: 'custom', path: [key], message: 'is only used with --gateway apim-appgw or apim-frontdoor' });
    }
    return;
  }
  const examples = {
    gatewayHostName: 'ai.contoso.com',
    certificateUri: 'https://kv-certs.vault.azure.net/secrets/ai-gateway',
    certificateKeyVaultId: '/subscriptions/…/resourceGroups/rg-certs/providers/Microsoft.KeyVault/vaults/kv-certs',
  };
  for (const key of EDGE_REQUIRED) {
    if (answers[key] === undefined)
      context.addIssue({ code: 'custom', path: [key], message: `is required with --gateway ${answers.gateway}, e.g. ${examples[key]}` });
  }
  const vaultOfUri = answers.certificateUri && KEY_VAULT_SECRET_URI.exec(answers.certificateUri)?.[1];
  const vaultOfId = answers.certificateKeyVaultId?.split('/').pop()?.toLowerCase();
  if (vaultOfUri && vaultOfId && vaultOfUri !== vaultOfId) {
    context.addIssue({
      code: 'custom',
      path: ['certificateKeyVaultId'],
      message: `names vault ${vaultOfId}, but the certificate URI is in vault ${vaultOfUri}; give the resource ID of ${vaultOfUri}`,
    });
  }
  if (answers.gateway === 'apim-frontdoor' && !FRONT_DOOR_PRIVATE_LINK_REGIONS.includes(answers.location)) {
    context.addIssue({
      code: 'custom',
      path: ['gateway'],
      message: `cannot be apim-frontdoor in ${answers.location}: Front Door reaches its origin over Private Link only in ${FRONT_DOOR_PRIVATE_LINK_REGIONS.join(', ')}; choose one of them, or --gateway apim-appgw`,
    });
  }
}

/**
 * NET-14: extra regions exist only on API Management Premium, which production environments get;
 * every region runs the same units in the same zones, so a zoned primary needs zoned extra regions.
 */
function apimRegionRules(answers: Answers, context: z.core.$RefinementCtx): void {
  if (answers.apimRegions.length === 0) return;
  const refuse = (message: string, index?: number) =>
    context.addIssue({ code: 'custom', path: index === undefined ? ['apimRegions'] : ['apimRegions', index], message });
  if (answers.gateway === 'none') return refuse('is only used with an API Management gateway (--gateway apim, apim-appgw or apim-frontdoor)');
  if (answers.topology === 'existing-hub')
    return refuse(
      "cannot be used with an existing hub: the extra regions' networks belong to your platform's hubs in those regions; add API Management's regions there",
    );
  if (!answers.environments.some(isProductionEnvironment)) {
    return refuse(
      `needs a production environment (prod, prd or live): only API Management Premium, which production gets, can run in several regions, and ${answers.environments.join(', ')} get Developer, which cannot`,
    );
  }
  for (const [index, region] of answers.apimRegions.entries()) {
    if (region === answers.location) refuse(`is the landing zone's own region (--location ${answers.location}); list only further regions`, index);
    else if (hasAvailabilityZones(answers.location) && !hasAvailabilityZones(region)) {
      refuse(
        `has no availability zones, but API Management runs zone-redundant in ${answers.location} and every region takes the same zones; choose a region with zones`,
        index,
      );
    }
  }
}

/** SEC-03 and the accounts that can hold a model: the model answers only matter with model deployments. */
function modelRules(answers: Answers, context: z.core.$RefinementCtx): void {
  if (!answers.services.includes('openai')) {
    if (answers.model !== DEFAULT_MODEL)
      context.addIssue({ code: 'custom', path: ['model'], message: 'is only used with model deployments (--services including openai)' });
    if (answers.modelCapacity !== undefined)
      context.addIssue({ code: 'custom', path: ['modelCapacity'], message: 'is only used with model deployments (--services including openai)' });
    return;
  }
  const format = MODELS[answers.model]?.format;
  if (format && format !== 'OpenAI' && answers.foundry === 'none' && !answers.services.includes('aiservices')) {
    context.addIssue({
      code: 'custom',
      path: ['model'],
      message: `is a Foundry model (format ${format}), which an Azure OpenAI account cannot deploy; it needs an AI Services account: --foundry project or hub, or --services including aiservices`,
    });
  }
}
