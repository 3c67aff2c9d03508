import * as z from 'zod';
import { type Cidr, contains, parseCidr } from '../network/cidr.js';
import { FRONT_DOOR_PRIVATE_LINK_REGIONS, hasAvailabilityZones } from './locations.js';
import { isProductionEnvironment } from './naming.js';
import { planNetworks } from '../network/landing-zone-networks.js';
import { MODELS } from '../ai/models.js';
import { aiPlatformOf } from '../ai/platform.js';
import { API_MANAGEMENT_ZONE, type PrivateDnsZone, zoneNameOf } from '../network/private-dns-zones.js';
import { existingHubZonesFor, privateEndpointZonesFor } from '../network/private-endpoints.js';
import { agents, DEFAULT_MODEL, foundry, model, modelCapacity, services } from './ai-fields.js';
import { dnsZonesByPolicy, HUB_VNET_EXAMPLE, hubDnsServers, hubFirewallIp, hubVnetId, privateDnsZoneIds } from './existing-hub-fields.js';
import { apimRegions, certificateKeyVaultId, certificateUri, gateway, gatewayHostName, KEY_VAULT_SECRET_URI, publisherEmail } from './gateway-fields.js';
import { addressSpace, agentAddressSpace, allowedFqdns, firewall, hubAddressSpace, jumpbox, topology, vpn, vpnClientAddressPool } from './network-fields.js';
import { adminGroupIds, environments, githubRepo, location, name, userGroupIds } from './workload-fields.js';

/**
 * The answers: one zod definition per answer (in the ./*-fields.ts modules, with the UI's metadata in the
 * `answerUi` registry of ./ui.ts) is the single source of truth for flags, prompts, --help, defaults and
 * the answers-file JSON schema; this module assembles them and holds the cross-field rules.
 */
export const answerFields = {
  name,
  location,
  foundry,
  services,
  agents,
  model,
  modelCapacity,
  userGroupIds,
  adminGroupIds,
  topology,
  addressSpace,
  hubAddressSpace,
  hubVnetId,
  hubFirewallIp,
  hubDnsServers,
  dnsZonesByPolicy,
  privateDnsZoneIds,
  vpn,
  vpnClientAddressPool,
  agentAddressSpace,
  gateway,
  firewall,
  allowedFqdns,
  jumpbox,
  publisherEmail,
  apimRegions,
  gatewayHostName,
  certificateUri,
  certificateKeyVaultId,
  environments,
  githubRepo,
} as const;

export type AnswerKey = keyof typeof answerFields;
export const ANSWER_KEYS = Object.keys(answerFields) as AnswerKey[];

/** Answers as a user or a file gives them: every key optional, unknown keys refused. */
export const PartialAnswersSchema = z.strictObject(answerFields).partial();
export type PartialAnswers = z.input<typeof PartialAnswersSchema>;

/** Complete, valid answers: the input of planning and rendering. */
export const AnswersSchema = z
  .strictObject({ ...answerFields, firewall: z.boolean() })
  .superRefine((answers, context) => {
    if (answers.agents && answers.foundry !== 'project') {
      context.addIssue({ code: 'custom', path: ['agents'], message: 'needs project-based Foundry (--foundry project); the Agent Service network injection exists only there' });
    }
    modelRules(answers, context);
    if (answers.gateway !== 'none' && !aiPlatformOf(answers).account) {
      context.addIssue({ code: 'custom', path: ['gateway'], message: `cannot be ${answers.gateway} without a model endpoint to front: with --foundry none, add openai or aiservices to --services, or pass --gateway none` });
    }
    if (answers.vpn === 'p2s' && answers.topology === 'existing-hub') {
      context.addIssue({ code: 'custom', path: ['vpn'], message: 'cannot be p2s with an existing hub: the VPN gateway belongs in that hub, so add point-to-site there' });
    }
    if (answers.foundry === 'none' && answers.services.length === 0) {
      context.addIssue({ code: 'custom', path: ['services'], message: 'is empty and --foundry is none, so there is nothing to deploy; choose at least one of openai, ml, aiservices, search' });
    }
    if (answers.allowedFqdns.length > 0 && !answers.firewall) {
      context.addIssue({
        code: 'custom',
        path: ['allowedFqdns'],
        message: answers.topology === 'existing-hub'
          ? 'is not used with an existing hub: egress is allowed by the hub firewall\'s policy, which the platform team owns; ask them to allow these hosts'
          : 'needs the firewall (--firewall): without it nothing filters egress, so there is nothing to allow',
      });
    }
    if (answers.hubAddressSpace !== undefined && answers.topology !== 'hub-spoke') {
      context.addIssue({ code: 'custom', path: ['hubAddressSpace'], message: `is only used with --topology hub-spoke, not ${answers.topology}` });
    }
    const plan = planNetworks(answers);
    existingHubRules(answers, plan, context);
    if (answers.jumpbox && !answers.firewall && answers.topology !== 'existing-hub') {
      context.addIssue({ code: 'custom', path: ['jumpbox'], message: 'needs the firewall (--firewall): no subnet has default internet access, and the jumpbox needs a way out for its Microsoft Entra ID sign-in, Windows Update and the Foundry portal; keep --firewall, or pass --no-jumpbox' });
    }
    if (answers.agentAddressSpace !== undefined && !answers.agents) {
      context.addIssue({ code: 'custom', path: ['agentAddressSpace'], message: 'is only used with --agents' });
    }
    if (answers.vpnClientAddressPool !== undefined && answers.vpn !== 'p2s') {
      context.addIssue({ code: 'custom', path: ['vpnClientAddressPool'], message: 'is only used with --vpn p2s' });
    }
    if (answers.gateway !== 'none' && answers.publisherEmail === undefined) {
      context.addIssue({ code: 'custom', path: ['publisherEmail'], message: `is required with --gateway ${answers.gateway}: API Management sends its system notifications there, e.g. platform-team@contoso.com` });
    }
    edgeGatewayRules(answers, context);
    apimRegionRules(answers, context);
    if (answers.gateway === 'none' && answers.publisherEmail !== undefined) {
      context.addIssue({ code: 'custom', path: ['publisherEmail'], message: 'is only used with an API Management gateway (--gateway apim, apim-appgw or apim-frontdoor)' });
    }
    if ('key' in plan) context.addIssue({ code: 'custom', path: [plan.key], message: plan.message });
  });

export type Answers = z.output<typeof AnswersSchema>;

const EXISTING_HUB_ONLY = ['hubVnetId', 'hubFirewallIp', 'hubDnsServers', 'privateDnsZoneIds', 'dnsZonesByPolicy'] as const;

/**
 * With an existing hub, the platform team's hub supplies the peering target, DNS and (optionally) the
 * firewall; the zones the private endpoints need must all be named, unless Azure Policy writes the records.
 */
function existingHubRules(answers: Answers, plan: ReturnType<typeof planNetworks>, context: z.RefinementCtx): void {
  if (answers.topology !== 'existing-hub') {
    for (const key of EXISTING_HUB_ONLY) {
      if (answers[key] !== undefined) context.addIssue({ code: 'custom', path: [key], message: `is only used with --topology existing-hub, not ${answers.topology}` });
    }
    return;
  }
  if (answers.hubVnetId === undefined) {
    context.addIssue({ code: 'custom', path: ['hubVnetId'], message: `is required with --topology existing-hub: the resource ID of the hub VNet, e.g. ${HUB_VNET_EXAMPLE}` });
  }
  if (answers.hubDnsServers === undefined || answers.hubDnsServers.length === 0) {
    context.addIssue({ code: 'custom', path: ['hubDnsServers'], message: 'is required with --topology existing-hub: the IPs of the hub\'s DNS resolver inbound endpoint or firewall DNS proxy, which resolve the central private DNS zones, e.g. 10.0.4.4' });
  }
  if (answers.firewall) {
    context.addIssue({ code: 'custom', path: ['firewall'], message: 'cannot be true with an existing hub: egress goes through the hub\'s firewall; pass --no-firewall and its address with --hub-firewall-ip' });
  }
  const needed = existingHubZonesFor(answers);
  const inUse = [...privateEndpointZonesFor(answers), ...(answers.gateway === 'none' ? [] : [API_MANAGEMENT_ZONE])];
  const given = answers.privateDnsZoneIds ?? [];
  const matched = new Set<PrivateDnsZone>();
  for (const [index, id] of given.entries()) {
    const zone = inUse.find((candidate) => candidate.pattern.test(zoneNameOf(id)));
    if (!zone) {
      context.addIssue({ code: 'custom', path: ['privateDnsZoneIds', index], message: `names zone ${zoneNameOf(id)}, which this landing zone does not use; the zones it uses: ${inUse.map((candidate) => candidate.name).join(', ')}` });
    } else if (matched.has(zone)) {
      context.addIssue({ code: 'custom', path: ['privateDnsZoneIds', index], message: `names zone ${zoneNameOf(id)} a second time; give each zone once` });
    }
    if (zone) matched.add(zone);
  }
  const missing = needed.filter((zone) => !matched.has(zone));
  if (missing.length > 0) {
    const list = missing.map((zone) => `${zone.name} (${zone.purpose})`).join(', ');
    // Azure Policy writes private endpoints' records, never API Management's.
    const policyHint = missing.some((zone) => zone !== API_MANAGEMENT_ZONE) ? ', or pass --dns-zones-by-policy if Azure Policy writes the private endpoints\' records' : '';
    context.addIssue({ code: 'custom', path: ['privateDnsZoneIds'], message: `lacks the resource IDs of ${list}${policyHint}` });
  }
  // A peered hub can never share the spoke's addresses: an IP in the spoke's range is a typo.
  const inSpoke = (ip: string) => !('key' in plan) && plan.some(({ workload }) => contains(parseCidr(workload.vnetAddressPrefix) as Cidr, parseCidr(`${ip}/32`) as Cidr));
  if (answers.hubFirewallIp && inSpoke(answers.hubFirewallIp)) {
    context.addIssue({ code: 'custom', path: ['hubFirewallIp'], message: 'lies in the spoke\'s own address space (--address-space), not in the hub; give the hub firewall\'s private IP' });
  }
  for (const [index, server] of (answers.hubDnsServers ?? []).entries()) {
    if (inSpoke(server)) context.addIssue({ code: 'custom', path: ['hubDnsServers', index], message: 'lies in the spoke\'s own address space (--address-space), not in the hub; give the hub\'s DNS server' });
  }
}

const EDGE_ONLY = ['gatewayHostName', 'certificateUri', 'certificateKeyVaultId'] as const;

/** The internet-facing door needs the name callers use and its certificate, readable by the gateway alone (NET-09). */
function edgeGatewayRules(answers: Answers, context: z.RefinementCtx): void {
  if (answers.gateway !== 'apim-appgw' && answers.gateway !== 'apim-frontdoor') {
    for (const key of EDGE_ONLY) {
      if (answers[key] !== undefined) context.addIssue({ code: 'custom', path: [key], message: 'is only used with --gateway apim-appgw or apim-frontdoor' });
    }
    return;
  }
  const examples = { gatewayHostName: 'ai.contoso.com', certificateUri: 'https://kv-certs.vault.azure.net/secrets/ai-gateway', certificateKeyVaultId: '/subscriptions/…/resourceGroups/rg-certs/providers/Microsoft.KeyVault/vaults/kv-certs' };
  for (const key of EDGE_ONLY) {
    if (answers[key] === undefined) context.addIssue({ code: 'custom', path: [key], message: `is required with --gateway ${answers.gateway}, e.g. ${examples[key]}` });
  }
  const vaultOfUri = answers.certificateUri && KEY_VAULT_SECRET_URI.exec(answers.certificateUri)?.[1];
  const vaultOfId = answers.certificateKeyVaultId?.split('/').pop()?.toLowerCase();
  if (vaultOfUri && vaultOfId && vaultOfUri !== vaultOfId) {
    context.addIssue({ code: 'custom', path: ['certificateKeyVaultId'], message: `names vault ${vaultOfId}, but the certificate URI is in vault ${vaultOfUri}; give the resource ID of ${vaultOfUri}` });
  }
  if (answers.gateway === 'apim-frontdoor' && !FRONT_DOOR_PRIVATE_LINK_REGIONS.includes(answers.location)) {
    context.addIssue({ code: 'custom', path: ['gateway'], message: `cannot be apim-frontdoor in ${answers.location}: Front Door reaches its origin over Private Link only in ${FRONT_DOOR_PRIVATE_LINK_REGIONS.join(', ')}; choose one of them, or --gateway apim-appgw` });
  }
}

/**
 * NET-14: extra regions exist only on API Management Premium, which production environments get;
 * every region runs the same units in the same zones, so a zoned primary needs zoned extra regions.
 */
function apimRegionRules(answers: Answers, context: z.RefinementCtx): void {
  if (answers.apimRegions.length === 0) return;
  const refuse = (message: string, index?: number) => context.addIssue({ code: 'custom', path: index === undefined ? ['apimRegions'] : ['apimRegions', index], message });
  if (answers.gateway === 'none') return refuse('is only used with an API Management gateway (--gateway apim, apim-appgw or apim-frontdoor)');
  if (answers.topology === 'existing-hub') return refuse('cannot be used with an existing hub: the extra regions\' networks belong to your platform\'s hubs in those regions; add API Management\'s regions there');
  if (!answers.environments.some(isProductionEnvironment)) {
    return refuse(`needs a production environment (prod, prd or live): only API Management Premium, which production gets, can run in several regions, and ${answers.environments.join(', ')} get Developer, which cannot`);
  }
  for (const [index, region] of answers.apimRegions.entries()) {
    if (region === answers.location) refuse(`is the landing zone's own region (--location ${answers.location}); list only further regions`, index);
    else if (hasAvailabilityZones(answers.location) && !hasAvailabilityZones(region)) {
      refuse(`has no availability zones, but API Management runs zone-redundant in ${answers.location} and every region takes the same zones; choose a region with zones`, index);
    }
  }
}

/** SEC-03 and the accounts that can hold a model: the model answers only matter with model deployments. */
function modelRules(answers: Answers, context: z.RefinementCtx): void {
  if (!answers.services.includes('openai')) {
    if (answers.model !== DEFAULT_MODEL) context.addIssue({ code: 'custom', path: ['model'], message: 'is only used with model deployments (--services including openai)' });
    if (answers.modelCapacity !== undefined) context.addIssue({ code: 'custom', path: ['modelCapacity'], message: 'is only used with model deployments (--services including openai)' });
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
