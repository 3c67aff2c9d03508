import type { Answers } from '../answers/schema.js';
import { subnetsOf } from '../catalogue/index.js';
import { type Shape, shapeOf } from '../catalogue/shape.js';
import type { SubnetRequest } from './address-plan.js';

export type SubnetAnswers = Pick<Answers, 'topology' | 'jumpbox' | 'vpn' | 'gateway'> & { readonly firewall?: boolean | undefined };

/** The shape of the network answers: which subnets there are depends on nothing else (no AI choice brings one to the planner). */
function networkShapeOf(answers: SubnetAnswers): Shape {
  return shapeOf({
    ...answers,
    firewall: answers.firewall === true,
    hubFirewallIp: undefined,
    apimRegions: [],
    dnsZonesByPolicy: undefined,
    foundry: 'none',
    services: [],
    agents: false,
  });
}

/** The subnets of the workload VNet (the spoke, unless everything shares one VNet), as the components ask for them. */
export function workloadSubnetsFor(answers: SubnetAnswers): readonly SubnetRequest[] {
  return subnetsOf(networkShapeOf(answers), 'workload');
}

/** The subnets of the hub VNet, in hub-spoke. */
export function hubSubnetsFor(answers: SubnetAnswers): readonly SubnetRequest[] {
  return subnetsOf(networkShapeOf(answers), 'hub');
}
