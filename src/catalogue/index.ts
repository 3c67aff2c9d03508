import { agents } from './agents.js';
import { aiServices } from './ai-services.js';
import { apiManagementSubnet } from './api-management-subnet.js';
import { apiManagement } from './api-management.js';
import { applicationGateway } from './application-gateway.js';
import {
  API_MANAGEMENT_SUBNET,
  APPLICATION_GATEWAY_PRIVATE_LINK_SUBNET,
  APPLICATION_GATEWAY_SUBNET,
  AZURE_BASTION_SUBNET,
  AZURE_FIREWALL_SUBNET,
  DNS_RESOLVER_INBOUND_SUBNET,
  DNS_RESOLVER_OUTBOUND_SUBNET,
  GATEWAY_SUBNET,
  JUMPBOX_SUBNET,
  PRIVATE_ENDPOINT_SUBNET,
  type SubnetRequest,
} from '../network/address-plan.js';
import type { Component, EndpointSpec, Outbound, Provisioning, Section } from './component.js';
import { containerRegistry } from './container-registry.js';
import { defender } from './defender.js';
import { dnsResolver } from './dns-resolver.js';
import { egress } from './egress.js';
import { entraGroups } from './entra-groups.js';
import { existingHub } from './existing-hub.js';
import { firewall } from './firewall.js';
import { flowLogs } from './flow-logs.js';
import { foundryHub } from './foundry-hub.js';
import { foundry } from './foundry.js';
import { frontDoor } from './front-door.js';
import { hubPeering } from './hub-peering.js';
import { hub } from './hub.js';
import { jumpbox } from './jumpbox.js';
import { jumpboxMonitorAgent } from './jumpbox-monitor-agent.js';
import { keyVault } from './key-vault.js';
import { machineLearning } from './machine-learning.js';
import { models } from './models.js';
import { monitoring } from './monitoring.js';
import { monitorPrivateLinkScope } from './monitor-private-link-scope.js';
import { openAi } from './openai.js';
import { policy } from './policy.js';
import { privateDnsZones } from './private-dns-zones.js';
import { privateEndpoints } from './private-endpoints.js';
import { search } from './search.js';
import type { ModuleKey } from './modules.js';
import type { Shape } from './shape.js';
import { storage } from './storage.js';
import { virtualNetwork } from './virtual-network.js';
import { vpn } from './vpn.js';
import { workload } from './workload.js';

/**
 * Where each component appears, in order. main.bicep reads like a hand-written file: all parameters
 * first (the workload's, then connectivity, then the AI platform), then names, subnets, resources in
 * deployment order and outputs, so each section has an order of its own. A new component is added to
 * the sections its part writes.
 */
// One line per group of components reads better than one component a line.
// prettier-ignore
export const MAIN_BICEP: Readonly<Record<Section, readonly Component[]>> = {
  parameters: [workload, jumpbox, vpn, apiManagement, applicationGateway, hub, dnsResolver, existingHub, firewall, agents, models, search, entraGroups, monitoring, flowLogs, policy, defender],
  names: [
    workload, foundry, aiServices, openAi, foundryHub, machineLearning, search, containerRegistry, agents, keyVault, storage,
    hub, dnsResolver, egress, firewall, jumpbox, vpn, apiManagement, applicationGateway, frontDoor, monitorPrivateLinkScope, flowLogs, jumpboxMonitorAgent,
  ],
  variables: [workload, firewall, vpn, jumpbox, apiManagementSubnet, applicationGateway, dnsResolver, agents],
  resources: [
    workload, defender, monitoring, egress, virtualNetwork, hub, dnsResolver, hubPeering, existingHub, privateDnsZones, firewall, jumpbox, jumpboxMonitorAgent, vpn,
    apiManagement, applicationGateway, frontDoor, foundry, aiServices, openAi, models, containerRegistry, search, foundryHub, machineLearning,
    keyVault, storage, agents, monitorPrivateLinkScope, flowLogs, policy, privateEndpoints,
  ],
  outputs: [
    workload, hub, dnsResolver, firewall, jumpbox, jumpboxMonitorAgent, vpn, apiManagement, applicationGateway, frontDoor, monitoring, flowLogs,
    foundry, aiServices, openAi, foundryHub, machineLearning, search, containerRegistry, keyVault, storage, privateEndpoints,
  ],
};

/** Every component, each once. */
export const COMPONENTS: readonly Component[] = [...new Set(Object.values(MAIN_BICEP).flat())];

/** The order of the private endpoints in main.bicep and of the names the connectivity check resolves. */
export const ENDPOINT_ORDER = [
  foundry,
  aiServices,
  openAi,
  foundryHub,
  machineLearning,
  search,
  containerRegistry,
  agents,
  keyVault,
  storage,
  monitorPrivateLinkScope,
];
/** The order of the resource types in the policy assignments. */
export const POLICY_ORDER = [foundry, aiServices, openAi, storage, keyVault, search, foundryHub, machineLearning, containerRegistry, agents];
/** The order in which descriptions list the private services. */
export const SERVICE_ORDER = [foundry, foundryHub, aiServices, openAi, machineLearning, search, agents, keyVault, storage];
/** The order in which the docs list what answers on the internet. */
export const PUBLIC_ENDPOINT_ORDER = [frontDoor, applicationGateway, jumpbox, vpn, monitoring, apiManagement];
/** The order of the outbound destinations, in the firewall's rules and the README's table. */
export const OUTBOUND_ORDER = [workload, agents, jumpbox, apiManagement];
/** The order of the README's list of hourly costs. */
export const COST_ORDER = [firewall, dnsResolver, jumpbox, vpn, apiManagement, applicationGateway, frontDoor];

/**
 * The order of the subnet lists main.bicep gives each VNet: the workload's own subnets, then the shared
 * connectivity's. Addresses do not follow it: the planner allocates the largest subnets first.
 */
// prettier-ignore
export const SUBNET_ORDER: readonly SubnetRequest[] = [
  PRIVATE_ENDPOINT_SUBNET, JUMPBOX_SUBNET, API_MANAGEMENT_SUBNET, APPLICATION_GATEWAY_SUBNET, APPLICATION_GATEWAY_PRIVATE_LINK_SUBNET,
  AZURE_FIREWALL_SUBNET, AZURE_BASTION_SUBNET, GATEWAY_SUBNET, DNS_RESOLVER_INBOUND_SUBNET, DNS_RESOLVER_OUTBOUND_SUBNET,
];

const applying = (components: readonly Component[], shape: Shape) => components.filter((component) => component.applies(shape));

/** The parts main.bicep includes, per section, for these choices. */
export function mainBicepParts(shape: Shape): Readonly<Record<Section, readonly { readonly partial: string }[]>> {
  const parts = Object.entries(MAIN_BICEP).map(([section, components]) => [section, applying(components, shape).map(({ id }) => ({ partial: id }))]);
  return Object.fromEntries(parts) as Record<Section, { partial: string }[]>;
}

/** The subnets of one VNet: the workload's, or the hub's (hub-spoke only); connectivity goes to the hub where there is one. */
export function subnetsOf(shape: Shape, vnet: 'workload' | 'hub'): readonly SubnetRequest[] {
  const wanted = applying(COMPONENTS, shape)
    .flatMap((component) => component.subnets?.(shape) ?? [])
    .filter(({ placement }) => (placement === 'connectivity' && shape.hubSpoke ? 'hub' : 'workload') === vnet)
    .map(({ request }) => request);
  return SUBNET_ORDER.filter((request) => wanted.includes(request));
}

/** The templates/ paths of every module the chosen components call, each once. */
export function modulesOf(shape: Shape): readonly string[] {
  return [...new Set(applying(COMPONENTS, shape).flatMap((component) => component.modules?.(shape) ?? []))];
}

/**
 * The resource providers these choices need registered, each once, sorted. Only these: registering one a landing
 * zone does not use widens what the subscription can create
 * (https://learn.microsoft.com/azure/azure-resource-manager/management/resource-providers-and-types#register-resource-provider).
 */
export function providersOf(shape: Shape): readonly string[] {
  return [...new Set(applying(COMPONENTS, shape).flatMap((component) => component.providers ?? []))].sort();
}

/** The private endpoints of these choices, with the module each connects to. */
export function endpointsOf(shape: Shape): readonly (EndpointSpec & { readonly service: string })[] {
  return applying(ENDPOINT_ORDER, shape).flatMap((component) =>
    (component.privateEndpoints ?? []).map((spec) => ({ ...spec, service: spec.service ?? component.symbol! })),
  );
}

/** The private services and what of each is locked down, in the order of their endpoints; `module` is main.bicep's symbol. */
export function lockedDownOf(shape: Shape): readonly { readonly module: string; readonly file: ModuleKey; readonly resources: readonly string[] }[] {
  return applying(ENDPOINT_ORDER, shape).map((component) => ({
    module: component.privateEndpoints![0]!.service ?? component.symbol!,
    ...component.lockedDown!,
  }));
}

/** NET-05: the policy keys of the resource types deployed, each once. */
export function policyKeysOf(shape: Shape): readonly string[] {
  return [...new Set(applying(POLICY_ORDER, shape).map((component) => component.policyKey!))];
}

/** The private services as descriptions name them, e.g. ["Foundry", "AI Search", "Key Vault", "Storage"]. */
export function serviceLabelsOf(shape: Shape): readonly string[] {
  return applying(SERVICE_ORDER, shape).flatMap((component) => component.serviceLabel?.(shape) ?? []);
}

/** What of these choices answers on the public internet, as the docs name it; no AI or PaaS service ever does (NET-01). */
export function publicEndpointsOf(shape: Shape): readonly string[] {
  return applying(PUBLIC_ENDPOINT_ORDER, shape).flatMap((component) => component.publicEndpoint?.(shape) ?? []);
}

/** A port the private endpoints answer on, which their subnet's NSG opens (NET-12). */
export interface EndpointPort {
  readonly port: string;
  readonly protocol: string;
  /** Which endpoints need it, where not all. */
  readonly for?: string;
}

/** HTTPS for every private endpoint; SMB where Azure Files has one. The NSG rule and the docs both list these. */
export function privateEndpointPortsOf(shape: Shape): readonly EndpointPort[] {
  const files = endpointsOf(shape).some((endpoint) => endpoint.groupId === 'file');
  return [{ port: '443', protocol: 'HTTPS' }, ...(files ? [{ port: '445', protocol: 'SMB', for: 'Azure Files' }] : [])];
}

/** The protocols in the name of the NSG rule that opens these ports, e.g. "https-smb": the rule is named for what it opens. */
export const endpointRuleProtocols = (ports: readonly EndpointPort[]): string => ports.map(({ protocol }) => protocol.toLowerCase()).join('-');

/** NET-07: what the chosen components' subnets must reach beyond the landing zone, component by component. */
export function outboundOf(shape: Shape): readonly Outbound[] {
  return applying(OUTBOUND_ORDER, shape).flatMap((component) => component.outbound!(shape));
}

/** What these choices bill by the hour whether used or not, as the README names them. */
export function hourlyCostsOf(shape: Shape): readonly string[] {
  return applying(COST_ORDER, shape).map((component) => component.hourlyCost!(shape));
}

/** Typical creation minutes of every slow resource type any component deploys, by lower-case type. */
export const PROVISIONING: Readonly<Record<string, Provisioning>> = Object.fromEntries(
  COMPONENTS.flatMap((component) => component.provisioning ?? []).map((entry) => [entry.type, entry]),
);

/** The partial of each component's part of main.bicep, and the shared ones its parts call. */
export const MAIN_BICEP_PARTIALS: readonly string[] = [...COMPONENTS.map(({ id }) => id), 'group-role-assignments', 'account-outbound-hosts'];
