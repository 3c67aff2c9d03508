import { PRIVATE_ENDPOINT_SUBNET } from '../network/address-plan.js';
import { idOf } from './diagram-mermaid.js';

/** Ids of the diagram's nodes and subgraphs: the sections draw them, and the traffic flows refer to them. */

export const ID = {
  internetCallers: 'internet_callers',
  privateCallers: 'private_callers',
  developers: 'developers',
  vpnClients: 'vpn_clients',
  frontDoor: 'front_door',
  hub: 'hub',
  workload: 'workload',
  firewall: 'firewall',
  bastion: 'bastion',
  vpnGateway: 'vpn_gateway',
  dnsInbound: 'dns_resolver_inbound',
  dnsOutbound: 'dns_resolver_outbound',
  jumpbox: 'jumpbox',
  apiManagement: 'apim',
  applicationGateway: 'app_gateway',
  privateLink: 'app_gateway_private_link',
  agents: 'agents',
  paas: 'paas',
  managedNetwork: 'managed_network',
  dnsZones: 'dns_zones',
  logAnalytics: 'log_analytics',
  internet: 'internet_fqdns',
  platformHub: 'platform_hub',
} as const;

/** The subnet of the private endpoints is a subgraph that flows end in: "to the private endpoints". */
export const PRIVATE_ENDPOINT_SUBNET_ID = `${ID.workload}_${idOf(PRIVATE_ENDPOINT_SUBNET.name)}`;
export const serviceId = (module: string) => `svc_${idOf(module)}`;
export const privateEndpointId = (module: string) => `pe_${idOf(module)}`;
export const apiManagementRegionId = (index: number) => `apim_region_${index + 1}`;
