import type { ViewModel } from '../model.js';
import { apiManagementRegionId, ID, PRIVATE_ENDPOINT_SUBNET_ID, privateEndpointId, serviceId } from './diagram-ids.js';
import { edge } from './diagram-mermaid.js';

/** The traffic: labelled edges for peerings, callers through the gateway, operators, services, DNS and egress. */

export function flows(model: ViewModel): string[] {
  return [...peerings(model), ...gatewayFlows(model), ...operatorFlows(model), ...serviceFlows(model), ...dnsFlows(model), ...egressFlows(model)];
}

function peerings(model: ViewModel): string[] {
  return [
    ...(model.hubSpoke ? [edge(ID.hub, '<-->', ID.workload, model.vpn ? 'peering, gateway transit' : 'peering')] : []),
    ...(model.existingHub ? [edge(ID.workload, '<-->', ID.platformHub, 'peering')] : []),
    ...(model.apiManagementRegions ? model.answers.apimRegions.map((_, index) => edge(apiManagementRegionId(index), '<-->', ID.workload, 'peering')) : []),
  ];
}

/** Internet callers come through the door (Front Door, then the Application Gateway over Private Link) to the AI gateway, which calls the models. */
function gatewayFlows(model: ViewModel): string[] {
  if (!model.apiManagement) return [];
  const account = model.platform.account;
  return [
    ...(model.frontDoor
      ? [
          edge(ID.internetCallers, '-->', ID.frontDoor, 'HTTPS 443'),
          edge(ID.frontDoor, '-->', ID.privateLink, 'HTTPS 443, Private Link'),
          edge(ID.privateLink, '-->', ID.applicationGateway),
        ]
      : []),
    ...(model.applicationGateway ? [edge(ID.internetCallers, '-->', ID.applicationGateway, 'HTTPS 443')] : []),
    ...(model.edgeGateway ? [edge(ID.applicationGateway, '-->', ID.apiManagement, 'HTTPS 443')] : []),
    edge(ID.privateCallers, '-->', ID.apiManagement, 'HTTPS 443, Entra ID token'),
    ...(account ? [edge(ID.apiManagement, '-->', privateEndpointId(account), 'HTTPS 443, managed identity')] : []),
  ];
}

/** People reach the private endpoints through Bastion and the jumpbox, or through the VPN, on every port their subnet's NSG opens. */
function operatorFlows(model: ViewModel): string[] {
  const endpointPorts = model.privateEndpointPorts.map(({ port, protocol }) => `${protocol} ${port}`).join(', ');
  return [
    ...(model.jumpbox
      ? [
          edge(ID.developers, '-->', ID.bastion, 'HTTPS 443, Entra ID'),
          edge(ID.bastion, '-->', ID.jumpbox, 'RDP'),
          edge(ID.jumpbox, '-->', PRIVATE_ENDPOINT_SUBNET_ID, endpointPorts),
        ]
      : []),
    ...(model.vpn
      ? [edge(ID.vpnClients, '-->', ID.vpnGateway, 'OpenVPN, Entra ID'), edge(ID.vpnGateway, '-->', PRIVATE_ENDPOINT_SUBNET_ID, endpointPorts)]
      : []),
  ];
}

/** Each private endpoint leads to its service; the agents and the managed networks hang off theirs. */
function serviceFlows(model: ViewModel): string[] {
  const services = new Set(model.wiring.privateEndpoints.map((endpoint) => endpoint.service));
  return [
    ...[...services].map((service) => edge(privateEndpointId(service), '-->', serviceId(service))),
    ...(model.platform.agents
      ? [edge(serviceId('foundry'), '-.->', ID.agents, 'network injection'), edge(ID.agents, '-->', PRIVATE_ENDPOINT_SUBNET_ID, 'threads, files, vectors')]
      : []),
    ...(model.platform.foundryHub ? [edge(serviceId('foundryHub'), '-.-', ID.managedNetwork)] : []),
    ...(model.platform.machineLearning ? [edge(serviceId('machineLearning'), '-.-', ID.managedNetwork)] : []),
    edge(ID.paas, '-.->', ID.logAnalytics, 'diagnostics'),
  ];
}

/**
 * Private names resolve from the zones linked to the VNets. With its own firewall, the workload asks the
 * firewall's DNS proxy (part of the egress flow below); VPN clients ask the resolver's inbound endpoint;
 * with an existing hub, the hub's DNS servers answer from the central zones.
 */
function dnsFlows(model: ViewModel): string[] {
  if (model.existingHub) {
    return [edge(ID.workload, '-.->', ID.platformHub, 'DNS queries'), edge(ID.platformHub, '-.->', ID.dnsZones, 'DNS queries')];
  }
  return [
    ...(model.hubSpoke ? [edge(ID.dnsZones, '-.-', ID.hub, 'VNet link')] : []),
    edge(ID.dnsZones, '-.-', ID.workload, 'VNet link'),
    ...(model.vpn && model.dnsResolver ? [edge(ID.vpnClients, '-.->', ID.dnsInbound, 'DNS queries')] : []),
    ...(model.dnsResolver ? [edge(ID.dnsInbound, '-.->', ID.dnsZones, 'DNS queries')] : []),
    ...(model.firewall ? [edge(ID.firewall, '-.->', ID.dnsZones, 'DNS queries')] : []),
  ];
}

/**
 * NET-07: every workload subnet sends 0.0.0.0/0 to the firewall, which lets out only the allow-listed
 * FQDNs. The arrows start at what opens connections (the jumpbox, the AI gateway, the agents), or at
 * the private endpoints' subnet, which carries the route too, when nothing else is there.
 */
function egressFlows(model: ViewModel): string[] {
  if (!model.egressThroughFirewall) return [];
  const firewall = model.firewall ? ID.firewall : ID.platformHub;
  const openers = [...(model.jumpbox ? [ID.jumpbox] : []), ...(model.apiManagement ? [ID.apiManagement] : []), ...(model.platform.agents ? [ID.agents] : [])];
  const sources = openers.length > 0 ? openers : [PRIVATE_ENDPOINT_SUBNET_ID];
  return [
    ...sources.map((source) => edge(source, '-->', firewall, model.firewall ? 'egress and DNS' : 'egress')),
    edge(firewall, '-->', ID.internet, model.firewall ? 'HTTPS, allow-list' : "the platform team's rules"),
  ];
}
