import * as z from 'zod';
import { type Cidr, contains, isPrivate, parseCidr } from '../network/cidr.js';
import { AZURE_LOCATIONS, FRONT_DOOR_PRIVATE_LINK_REGIONS, hasAvailabilityZones, isAzureLocation } from './locations.js';
import { ENVIRONMENT_NAME, isProductionEnvironment, WORKLOAD_NAME } from './naming.js';
import { planNetworks } from '../network/landing-zone-networks.js';
import { isKnownModel, MODEL_NAMES, MODELS } from '../ai/models.js';
import { aiPlatformOf } from '../ai/platform.js';
import { API_MANAGEMENT_ZONE, type PrivateDnsZone, zoneNameOf } from '../network/private-dns-zones.js';
import { existingHubZonesFor, privateEndpointZonesFor } from '../network/private-endpoints.js';

/**
 * The answers: one zod schema is the single source of truth for flags, prompts, --help, defaults,
 * cross-field rules and the answers-file JSON schema. Everything the UI needs beyond validation
 * (flag name, question, one-line hints in the guidance's terms) sits in the `answerUi` registry.
 */
export interface AnswerUi {
  /** The question asked interactively. */
  readonly question: string;
  /** One line per choice, in the guidance's terms (enum and multi-select answers). */
  readonly hints?: Readonly<Record<string, string>>;
  /** Placeholder for the value in --help, e.g. `<cidr>`. */
  readonly valueName?: string;
  /** How the default is derived when it depends on other answers. */
  readonly defaultText?: string;
  /** Asked only when the answers so far make it matter (e.g. the hub's range only with hub-spoke). */
  readonly askWhen?: (answers: Readonly<Record<string, unknown>>) => boolean;
}

export const answerUi = z.registry<AnswerUi>();

export const SERVICES = ['openai', 'ml', 'aiservices', 'search'] as const;
export type Service = (typeof SERVICES)[number];

const unique = <T>(values: readonly T[]) => new Set(values).size === values.length;

const foundry = z
  .enum(['project', 'hub', 'none'])
  .default('project')
  .describe('How Microsoft Foundry is deployed (FDY-01).')
  .register(answerUi, {
    question: 'Which Microsoft Foundry setup?',
    hints: {
      project: 'project-based: Foundry projects on an AI Services account — recommended',
      hub: 'hub-based: Azure Machine Learning hub and project with a managed network',
      none: 'no Foundry: only the services chosen below',
    },
  });

const services = z
  .array(z.enum(SERVICES))
  .default(['openai'])
  .refine(unique, 'lists a service twice')
  .describe('AI services to deploy, each private and keyless.')
  .register(answerUi, {
    question: 'Which AI services?',
    valueName: '<list>',
    hints: {
      openai: 'Azure OpenAI model deployments',
      ml: 'Azure Machine Learning workspace with a managed network',
      aiservices: 'multi-service AI account (language, vision, speech, …)',
      search: 'Azure AI Search for retrieval',
    },
  });

const topology = z
  .enum(['hub-spoke', 'single-vnet', 'existing-hub'])
  .default('hub-spoke')
  .describe('Network topology (NET-10).')
  .register(answerUi, {
    question: 'Which network topology?',
    hints: {
      'hub-spoke': 'hub for connectivity, spoke for the workload — recommended',
      'single-vnet': 'one virtual network holds everything',
      'existing-hub': 'a spoke peered to the hub your platform team already runs',
    },
  });

const vpn = z
  .enum(['none', 'p2s'])
  .default('none')
  .describe('Point-to-site VPN for people outside Azure (NET-11).')
  .register(answerUi, {
    question: 'Point-to-site VPN?',
    hints: { none: 'no VPN: reach private endpoints through Bastion', p2s: 'OpenVPN with Microsoft Entra ID sign-in' },
    // An existing hub's VPN gateway is the platform team's.
    askWhen: (answers) => answers.topology !== 'existing-hub',
  });

const gateway = z
  .enum(['none', 'apim', 'apim-appgw', 'apim-frontdoor'])
  .default('apim')
  .describe('The AI gateway and the door for internet callers (NET-08, NET-09).')
  .register(answerUi, {
    question: 'Which AI gateway?',
    hints: {
      none: 'no gateway: callers reach the model endpoints privately',
      apim: 'API Management in internal mode, private callers only — recommended',
      'apim-appgw': 'API Management behind Application Gateway WAF v2 for internet callers',
      'apim-frontdoor': 'API Management behind Front Door Premium with WAF and Private Link',
    },
  });

const agents = z
  .boolean()
  .default(false)
  .describe('Foundry Agent Service injected into a delegated subnet (project-based Foundry only).')
  .register(answerUi, { question: 'Foundry Agent Service with network injection?', askWhen: (answers) => (answers.foundry ?? 'project') === 'project' });

const firewall = z
  .boolean()
  .optional()
  .describe('Egress through Azure Firewall with an FQDN allow-list (NET-07).')
  .register(answerUi, {
    question: 'Route egress through Azure Firewall?',
    defaultText: 'true with hub-spoke, and with single-vnet when there is a jumpbox',
    // An existing hub brings its own firewall (--hub-firewall-ip).
    askWhen: (answers) => answers.topology !== 'existing-hub',
  });

/** A host name, or `*.` and a domain: the forms an Azure Firewall application rule accepts. */
const FQDN = /^(\*\.)?([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/i;

const allowedFqdns = z
  .array(z.string().regex(FQDN, 'each entry must be a host name such as pypi.org, or *. and a domain such as *.example.com'))
  .default([])
  // Host names are case-insensitive: PyPI.org and pypi.org are the same host.
  .refine((hosts) => unique(hosts.map((host) => host.toLowerCase())), 'lists a host twice')
  .describe('Extra hosts the workload may reach over HTTPS through the firewall, beyond Microsoft Entra ID and Azure Resource Manager.')
  .register(answerUi, {
    question: 'Extra hosts the workload may reach through the firewall (comma-separated, optional)?',
    valueName: '<list>',
    askWhen: (answers) => (answers.firewall ?? (answers.topology ?? 'hub-spoke') === 'hub-spoke') === true,
  });

const jumpbox = z
  .boolean()
  .default(true)
  .describe('Azure Bastion and a jumpbox VM without a public IP (NET-06).')
  .register(answerUi, { question: 'Bastion and a jumpbox VM?' });

const name = z
  .string()
  .min(WORKLOAD_NAME.min, `must be at least ${WORKLOAD_NAME.min} characters`)
  .max(WORKLOAD_NAME.max, `must be at most ${WORKLOAD_NAME.max} characters, so that Key Vault and Storage names stay within 24`)
  .regex(WORKLOAD_NAME.pattern, 'may hold only lowercase letters, digits and single hyphens, starting with a letter and ending with a letter or digit (Azure refuses other characters in Storage and Key Vault names)')
  .describe('Workload name: the prefix of every resource name.')
  .register(answerUi, { question: 'Workload name (prefix of every resource name)?', valueName: '<name>', defaultText: 'the folder name, when it is a valid name' });

const location = z
  .string()
  .refine(isAzureLocation, { message: `is not an Azure region this generator knows; valid: ${AZURE_LOCATIONS.join(', ')}` })
  // The enum is for the answers-file JSON schema, so that editors complete the region.
  .meta({ description: 'Azure region of the landing zone.', enum: [...AZURE_LOCATIONS] })
  .register(answerUi, { question: 'Azure region?', valueName: '<region>' });

const environments = z
  .array(
    z
      .string()
      .min(ENVIRONMENT_NAME.min, `each environment name must be ${ENVIRONMENT_NAME.min} to ${ENVIRONMENT_NAME.max} characters`)
      .max(ENVIRONMENT_NAME.max, `each environment name must be ${ENVIRONMENT_NAME.min} to ${ENVIRONMENT_NAME.max} characters`)
      .regex(ENVIRONMENT_NAME.pattern, 'each environment name must be lowercase letters and digits, starting with a letter (e.g. dev, test, prod)'),
  )
  .min(1, 'needs at least one environment, e.g. dev,prod')
  .default(['dev', 'prod'])
  .refine(unique, 'lists an environment twice')
  .describe('Environments, in deployment order; each gets its own parameter file and address space.')
  .register(answerUi, { question: 'Environments (comma-separated, in deployment order)?', valueName: '<list>' });

/** An IPv4 range from the private (RFC 1918) blocks; sizes are checked against the plan later. */
const privateCidr = () =>
  z.string().superRefine((value, context) => {
    const range = parseCidr(value);
    if ('error' in range) context.addIssue({ code: 'custom', message: range.error });
    else if (!isPrivate(range)) context.addIssue({ code: 'custom', message: 'is not a private range; use one inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16' });
  });

const addressSpace = privateCidr()
  .default('10.60.0.0/22')
  .describe('Address space of the first environment\'s workload VNet; later environments take the blocks of the same size that follow.')
  .register(answerUi, { question: 'Workload VNet address space (first environment)?', valueName: '<cidr>' });

const hubAddressSpace = privateCidr()
  .optional()
  .describe('Address space of the first environment\'s hub VNet (hub-spoke only); later environments take the blocks of the same size that follow.')
  .register(answerUi, {
    question: 'Hub VNet address space (first environment)?',
    valueName: '<cidr>',
    defaultText: '10.50.0.0/23 with hub-spoke',
    askWhen: (answers) => (answers.topology ?? 'hub-spoke') === 'hub-spoke',
  });

const vpnClientAddressPool = privateCidr()
  .optional()
  .describe('Addresses VPN clients get (vpn p2s only); later environments take the blocks of the same size that follow. Must not overlap any VNet.')
  .register(answerUi, {
    question: 'VPN client address pool (first environment)?',
    valueName: '<cidr>',
    defaultText: '172.16.200.0/24 with --vpn p2s',
    askWhen: (answers) => answers.vpn === 'p2s',
  });

const agentAddressSpace = privateCidr()
  .optional()
  .describe('Address range of the first environment\'s agent subnet (agents only), added to the workload VNet; inside 172.16.0.0/12 or 192.168.0.0/16, a /27 or larger. Later environments take the blocks of the same size that follow.')
  .register(answerUi, {
    question: 'Agent subnet range (first environment)?',
    valueName: '<cidr>',
    defaultText: '192.168.0.0/24 with --agents',
    askWhen: (answers) => answers.agents === true,
  });

const onExistingHub = (answers: Readonly<Record<string, unknown>>) => answers.topology === 'existing-hub';

/** An Azure resource ID of one type; names follow Azure's rules loosely, the platform checks the rest. */
const resourceIdOf = (provider: string, example: string) =>
  z.string().regex(
    new RegExp(`^/subscriptions/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/resourceGroups/[-\\w.()]{1,90}/providers/${provider.replace('.', '\\.')}/[-\\w.]{1,80}$`, 'i'),
    `must be the resource ID of a ${provider.split('/').pop()} resource, e.g. ${example}`,
  );

const HUB_VNET_EXAMPLE = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub';

const hubVnetId = resourceIdOf('Microsoft.Network/virtualNetworks', HUB_VNET_EXAMPLE)
  .optional()
  .describe('Resource ID of the existing hub VNet to peer with (existing-hub only); it may be in another subscription.')
  .register(answerUi, { question: 'Resource ID of the existing hub VNet?', valueName: '<resource-id>', askWhen: onExistingHub });

/** A single private IPv4 address, e.g. a firewall's or a DNS server's. */
const privateIp = () =>
  z.string().superRefine((value, context) => {
    const address = parseCidr(`${value}/32`);
    if ('error' in address) context.addIssue({ code: 'custom', message: 'is not an IPv4 address such as 10.0.0.4' });
    else if (!isPrivate(address)) context.addIssue({ code: 'custom', message: 'is not a private address; use one inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16' });
  });

const hubFirewallIp = privateIp()
  .optional()
  .describe('Private IP of the existing hub\'s firewall (existing-hub only, optional): the workload subnets send their egress to it (NET-07).')
  .register(answerUi, { question: 'Private IP of the hub\'s firewall (optional; egress is routed to it)?', valueName: '<ip>', askWhen: onExistingHub });

const hubDnsServers = z
  .array(privateIp())
  .optional()
  .refine((servers) => servers === undefined || unique(servers), 'lists a server twice')
  .describe('DNS servers of the spoke (existing-hub only): the hub\'s DNS Private Resolver inbound endpoint or firewall DNS proxy, which resolve the central private DNS zones (NET-04).')
  .register(answerUi, { question: 'DNS servers of the hub that resolve private endpoint names (comma-separated IPs)?', valueName: '<list>', askWhen: onExistingHub });

const ZONE_EXAMPLE = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.openai.azure.com';

const privateDnsZoneIds = z
  .array(resourceIdOf('Microsoft.Network/privateDnsZones', ZONE_EXAMPLE))
  .optional()
  .describe('Resource IDs of the central private DNS zones the private endpoints register in (existing-hub only); each zone the chosen services need must be among them.')
  .register(answerUi, {
    question: 'Resource IDs of the central private DNS zones (comma-separated)?',
    valueName: '<list>',
    // With Azure Policy writing the endpoints' records, only API Management's zone is still needed.
    askWhen: (answers) => onExistingHub(answers) && (answers.dnsZonesByPolicy !== true || (answers.gateway ?? 'apim') !== 'none'),
  });

const dnsZonesByPolicy = z
  .boolean()
  .optional()
  .describe('Azure Policy in your tenant creates the private endpoints\' DNS zone groups (existing-hub only), so none are deployed here (NET-05).')
  .register(answerUi, { question: 'Does Azure Policy create the private endpoints\' DNS records in your tenant?', defaultText: 'false with --topology existing-hub', askWhen: onExistingHub });

const publisherEmail = z
  .email('must be an email address, e.g. platform-team@contoso.com')
  .optional()
  .describe('Email address of the API Management publisher, which receives its system notifications (gateway apim, apim-appgw and apim-frontdoor).')
  .register(answerUi, { question: 'Email for API Management\'s system notifications?', valueName: '<email>', askWhen: (answers) => (answers.gateway ?? 'apim') !== 'none' });

const apimRegions = z
  .array(z.string().refine(isAzureLocation, { message: `is not an Azure region this generator knows; valid: ${AZURE_LOCATIONS.join(', ')}` }))
  .default([])
  .refine(unique, 'lists a region twice')
  .describe('Further regions where API Management runs a copy of the gateway in production, each in a network of its own peered with the workload (NET-14; Premium only).')
  .register(answerUi, {
    question: 'Further regions for the AI gateway in production (comma-separated, optional)?',
    valueName: '<list>',
    askWhen: (answers) => (answers.gateway ?? 'apim') !== 'none' && answers.topology !== 'existing-hub',
  });

const withEdgeGateway = (answers: Readonly<Record<string, unknown>>) => answers.gateway === 'apim-appgw' || answers.gateway === 'apim-frontdoor';

/** A versionless Key Vault secret URI: Application Gateway then picks up a renewed certificate by itself. */
const KEY_VAULT_SECRET_URI = /^https:\/\/([a-z0-9](?:[a-z0-9-]{1,22}[a-z0-9]))\.vault\.azure\.net\/secrets\/([A-Za-z0-9-]{1,127})\/?$/;

const certificateUri = z
  .string()
  .regex(KEY_VAULT_SECRET_URI, 'must be the versionless Key Vault secret URI of the TLS certificate, e.g. https://kv-certs.vault.azure.net/secrets/ai-gateway (without a version, renewals are picked up automatically)')
  .optional()
  .describe('Key Vault secret URI of the TLS certificate of the gateway\'s host name (apim-appgw and apim-frontdoor).')
  .register(answerUi, { question: 'Key Vault secret URI of the gateway\'s TLS certificate?', valueName: '<uri>', askWhen: withEdgeGateway });

const certificateKeyVaultId = resourceIdOf('Microsoft.KeyVault/vaults', '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-certs/providers/Microsoft.KeyVault/vaults/kv-certs')
  .optional()
  .describe('Resource ID of the Key Vault that holds the certificate (apim-appgw and apim-frontdoor): the gateway\'s identity is allowed to read that one certificate there.')
  .register(answerUi, { question: 'Resource ID of that Key Vault?', valueName: '<resource-id>', askWhen: withEdgeGateway });

const gatewayHostName = z
  .string()
  .regex(/^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a lower-case host name such as ai.contoso.com')
  .optional()
  .describe('Host name callers use for the AI gateway, the name on the certificate (apim-appgw and apim-frontdoor).')
  .register(answerUi, { question: 'Host name of the AI gateway (the certificate\'s name)?', valueName: '<host>', askWhen: withEdgeGateway });

const withModels = (answers: Readonly<Record<string, unknown>>) => ((answers.services as string[] | undefined) ?? ['openai']).includes('openai');

/** The model of the design's default (services openai): generally available in every data zone. */
const DEFAULT_MODEL = 'gpt-4.1';

const model = z
  .string()
  .refine(isKnownModel, { message: `is not a model this generator knows; valid: ${MODEL_NAMES.join(', ')} (for another model, generate with one of these and edit modelDeployments in infra/params)` })
  .default(DEFAULT_MODEL)
  .meta({ description: 'The model deployed in every environment (services openai), at a version that is generally available.', enum: [...MODEL_NAMES] })
  .register(answerUi, { question: 'Which model?', valueName: '<model>', askWhen: withModels });

const modelCapacity = z.coerce
  .number({ error: 'must be a whole number of thousands of tokens per minute, e.g. 50' })
  .int('must be a whole number of thousands of tokens per minute, e.g. 50')
  .min(1, 'must be at least 1 (thousand tokens per minute)')
  .max(100000, 'must be at most 100000 (thousand tokens per minute); ask for a quota increase and edit the parameter files beyond that')
  .optional()
  .describe('Capacity of the model deployment in every environment, in thousands of tokens per minute (services openai).')
  .register(answerUi, { question: 'Model capacity (thousands of tokens per minute)?', valueName: '<ktpm>', defaultText: '10, and 50 in production', askWhen: withModels });

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const groupIds = (who: string) =>
  z
    .array(z.string().regex(GUID, 'each entry must be the object ID (a GUID such as 00000000-0000-0000-0000-000000000000) of a Microsoft Entra group'))
    .default([])
    .refine((ids) => unique(ids.map((id) => id.toLowerCase())), 'lists a group twice')
    .describe(`Object IDs of the Microsoft Entra groups of the people who ${who} (SEC-09).`);

const userGroupIds = groupIds('use the platform: call the models, build in the Foundry project, query the indexes, sign in to the jumpbox')
  .register(answerUi, { question: 'Entra group object IDs of the platform\'s users (comma-separated, optional)?', valueName: '<guids>' });

const adminGroupIds = groupIds('administer the platform: manage projects and deployments, read the logs, sign in to the jumpbox')
  .register(answerUi, { question: 'Entra group object IDs of the platform\'s administrators (comma-separated, optional)?', valueName: '<guids>' });

const githubRepo = z
  .string()
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/, 'must be owner/repository, e.g. contoso/ai-landing-zone')
  .optional()
  .describe('GitHub repository (owner/name) that will deploy the landing zone with OpenID Connect.')
  .register(answerUi, { question: 'GitHub repository that will deploy it (owner/name, optional)?', valueName: '<owner/repo>' });

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
