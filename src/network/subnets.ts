import type { Answers } from '../answers/schema.js';
import {
  API_MANAGEMENT_SUBNET, APPLICATION_GATEWAY_PRIVATE_LINK_SUBNET, APPLICATION_GATEWAY_SUBNET, AZURE_BASTION_SUBNET, AZURE_FIREWALL_SUBNET, DNS_RESOLVER_INBOUND_SUBNET,
  DNS_RESOLVER_OUTBOUND_SUBNET, GATEWAY_SUBNET, JUMPBOX_SUBNET, PRIVATE_ENDPOINT_SUBNET, type SubnetRequest,
} from './address-plan.js';

export type SubnetAnswers = Pick<Answers, 'topology' | 'jumpbox' | 'vpn' | 'gateway'> & { readonly firewall?: boolean | undefined };

const when = (condition: boolean, ...subnets: SubnetRequest[]) => (condition ? subnets : []);

/**
 * Connectivity shared by the workload (NET-04, NET-06, NET-07, NET-10, NET-11): the firewall,
 * Bastion, the VPN gateway, and the DNS resolver that VPN and on-premises clients ask.
 */
function connectivitySubnets(answers: SubnetAnswers): SubnetRequest[] {
  return [
    ...when(answers.firewall === true, AZURE_FIREWALL_SUBNET),
    ...when(answers.jumpbox, AZURE_BASTION_SUBNET),
    ...when(answers.vpn === 'p2s', GATEWAY_SUBNET),
  ];
}

/** The workload's own subnets: private endpoints, the jumpbox VM and the AI gateway's doors (NET-02, NET-06, NET-08, NET-09). */
function workloadSubnets(answers: SubnetAnswers): SubnetRequest[] {
  return [
    PRIVATE_ENDPOINT_SUBNET,
    ...when(answers.jumpbox, JUMPBOX_SUBNET),
    ...when(answers.gateway !== 'none', API_MANAGEMENT_SUBNET),
    ...when(answers.gateway === 'apim-appgw' || answers.gateway === 'apim-frontdoor', APPLICATION_GATEWAY_SUBNET),
    ...when(answers.gateway === 'apim-frontdoor', APPLICATION_GATEWAY_PRIVATE_LINK_SUBNET),
  ];
}

const DNS_RESOLVER_SUBNETS = [DNS_RESOLVER_INBOUND_SUBNET, DNS_RESOLVER_OUTBOUND_SUBNET];

/**
 * The subnets of the workload VNet (the spoke, unless everything shares one VNet). With an existing
 * hub, the platform's hub holds the firewall and the gateway, but Bastion comes with the spoke: this
 * deployment cannot add a subnet to a hub it does not own.
 */
export function workloadSubnetsFor(answers: SubnetAnswers): SubnetRequest[] {
  switch (answers.topology) {
    case 'hub-spoke':
      return workloadSubnets(answers);
    case 'existing-hub':
      return [...workloadSubnets(answers), ...when(answers.jumpbox, AZURE_BASTION_SUBNET)];
    case 'single-vnet':
      // VPN clients cannot ask Azure DNS directly: they need the resolver's inbound endpoint (NET-04, NET-11).
      return [...workloadSubnets(answers), ...connectivitySubnets(answers), ...when(answers.vpn === 'p2s', ...DNS_RESOLVER_SUBNETS)];
  }
}

/** The subnets of the hub VNet, in hub-spoke. */
export function hubSubnetsFor(answers: SubnetAnswers): SubnetRequest[] {
  return [...connectivitySubnets(answers), ...DNS_RESOLVER_SUBNETS];
}
