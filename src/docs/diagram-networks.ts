import type { ViewModel } from '../model.js';
import {
  AGENT_SUBNET,
  API_MANAGEMENT_SUBNET,
  APPLICATION_GATEWAY_PRIVATE_LINK_SUBNET,
  APPLICATION_GATEWAY_SUBNET,
  AZURE_BASTION_SUBNET,
  AZURE_FIREWALL_SUBNET,
  type AllocatedSubnet,
  DNS_RESOLVER_INBOUND_SUBNET,
  DNS_RESOLVER_OUTBOUND_SUBNET,
  type EnvironmentNetwork,
  GATEWAY_SUBNET,
  JUMPBOX_SUBNET,
  PRIVATE_ENDPOINT_SUBNET,
} from '../network/address-plan.js';
import { ID, privateEndpointId } from './diagram-ids.js';
import { SERVICE_NAMES } from './diagram-managed-services.js';
import { type Box, idOf, node, subgraph } from './diagram-mermaid.js';

/** The virtual networks of the first environment, their subnets and what runs in them. */

export function networks(model: ViewModel): string[] {
  const environment = model.firstEnvironment;
  const hub =
    model.hubSpoke && environment.hub
      ? subgraph(ID.hub, `Hub VNet, ${environment.name}: ${environment.hub.vnetAddressPrefix}`, subnetStatements(model, ID.hub, environment.hub))
      : [];
  const agentPrefix = model.platform.agents ? environment.agentSubnetPrefix : undefined;
  const workloadPrefixes = [environment.network.vnetAddressPrefix, ...(agentPrefix ? [agentPrefix] : [])];
  const workloadTitle = `${model.singleVnet ? 'VNet' : 'Spoke VNet'}, ${environment.name}: ${workloadPrefixes.join(' + ')}`;
  const workload = [...subnetStatements(model, ID.workload, environment.network), ...(agentPrefix ? [node(agentBox(agentPrefix))] : [])];
  return [...hub, ...subgraph(ID.workload, workloadTitle, workload)];
}

/**
 * A subnet that holds one resource is drawn as that resource, its subnet and range on the label; the
 * private endpoints share a subgraph; a subnet this diagram knows no resource for is still shown.
 */
function subnetStatements(model: ViewModel, networkId: string, network: EnvironmentNetwork): string[] {
  return network.subnets.flatMap((subnet) => {
    const where = `${subnet.name} ${subnet.addressPrefix}`;
    const residents = residentsOf(model, subnet);
    const [only] = residents;
    if (subnet.name === PRIVATE_ENDPOINT_SUBNET.name || residents.length > 1) {
      return subgraph(`${networkId}_${idOf(subnet.name)}`, where, residents.map(node));
    }
    return [node(only ? { id: only.id, lines: [...only.lines, where] } : { id: `${networkId}_${idOf(subnet.name)}`, lines: [where] })];
  });
}

function residentsOf(model: ViewModel, subnet: AllocatedSubnet): Box[] {
  const environment = model.firstEnvironment;
  switch (subnet.name) {
    case AZURE_FIREWALL_SUBNET.name:
      return model.firewall
        ? [
            {
              id: ID.firewall,
              lines: ['Azure Firewall', 'FQDN allow-list, DNS proxy', ...(environment.firewall ? [`private IP ${environment.firewall.privateIp}`] : [])],
            },
          ]
        : [];
    case AZURE_BASTION_SUBNET.name:
      return model.jumpbox ? [{ id: ID.bastion, lines: ['Azure Bastion'] }] : [];
    case GATEWAY_SUBNET.name:
      return model.vpn
        ? [
            {
              id: ID.vpnGateway,
              lines: ['VPN gateway, point-to-site', ...(environment.vpnClientAddressPool ? [`clients ${environment.vpnClientAddressPool}`] : [])],
            },
          ]
        : [];
    case DNS_RESOLVER_INBOUND_SUBNET.name:
      return model.dnsResolver ? [{ id: ID.dnsInbound, lines: ['DNS Private Resolver', 'inbound endpoint'] }] : [];
    case DNS_RESOLVER_OUTBOUND_SUBNET.name:
      return model.dnsResolver ? [{ id: ID.dnsOutbound, lines: ['DNS Private Resolver', 'outbound endpoint'] }] : [];
    case JUMPBOX_SUBNET.name:
      return model.jumpbox ? [{ id: ID.jumpbox, lines: ['Jumpbox VM', 'no public IP, Entra ID sign-in'] }] : [];
    case API_MANAGEMENT_SUBNET.name:
      return model.apiManagement ? [{ id: ID.apiManagement, lines: ['API Management, internal mode', 'AI gateway: Entra ID tokens, token limits'] }] : [];
    case APPLICATION_GATEWAY_SUBNET.name:
      return model.edgeGateway ? [applicationGatewayBox(model)] : [];
    case APPLICATION_GATEWAY_PRIVATE_LINK_SUBNET.name:
      return model.frontDoor ? [{ id: ID.privateLink, lines: ['Private Link of the Application Gateway'] }] : [];
    case PRIVATE_ENDPOINT_SUBNET.name:
      return privateEndpointBoxes(model);
    default:
      return [];
  }
}

function applicationGatewayBox(model: ViewModel): Box {
  return model.frontDoor
    ? { id: ID.applicationGateway, lines: ['Application Gateway WAF v2', 'private origin of Front Door'] }
    : { id: ID.applicationGateway, lines: ['Application Gateway WAF v2', `public IP, HTTPS ${model.answers.gatewayHostName ?? ''}`.trim()] };
}

/** The agent subnet is the workload VNet's second address range, so it is not among the planned subnets. */
function agentBox(prefix: string): Box {
  return { id: ID.agents, lines: ['Foundry Agent Service', 'delegated to Microsoft.App/environments', `${AGENT_SUBNET.name} ${prefix}`] };
}

/** One node per service, not per endpoint: the storage account's blob and file endpoints share one. */
function privateEndpointBoxes(model: ViewModel): Box[] {
  const groupsByService = new Map<string, string[]>();
  for (const endpoint of model.wiring.privateEndpoints) {
    groupsByService.set(endpoint.service, [...(groupsByService.get(endpoint.service) ?? []), endpoint.groupId]);
  }
  return [...groupsByService].map(([service, groupIds]) => ({
    id: privateEndpointId(service),
    lines: ['Private endpoint', `${SERVICE_NAMES[service]?.short ?? service}: ${groupIds.join(', ')}`],
  }));
}
