import type { ViewModel } from '../model.js';
import { callers } from './diagram-callers.js';
import { managedServices } from './diagram-managed-services.js';
import { comment, section } from './diagram-mermaid.js';
import { networks } from './diagram-networks.js';
import { sharedServices } from './diagram-shared-services.js';
import { flows } from './diagram-traffic.js';

/**
 * A Mermaid flowchart (without fences) of what these choices deploy: the VNets with their subnets and
 * what lives in them, the PaaS services behind their private endpoints, DNS, and the labelled traffic
 * flows between callers, doors, gateway and services. Only what was chosen gets a node.
 *
 * Addresses are those of the first environment: every environment repeats the layout in its own ranges.
 * Pure and deterministic, so the generated docs change only when the choices do.
 */
export function architectureDiagram(model: ViewModel): string {
  const environment = model.firstEnvironment;
  const statements = [
    comment(`What ${model.answers.name} deploys: ${model.choices}`),
    comment(`Addresses of the ${environment.name} environment; the other environments repeat this layout in their own ranges.`),
    ...section('Who calls, and from where', callers(model)),
    ...section('Virtual networks, their subnets and what runs in them', networks(model)),
    ...section('Managed services, reachable only through their private endpoints', managedServices(model)),
    ...section('Shared services outside the VNets', sharedServices(model)),
    ...section('Traffic', flows(model)),
  ];
  return ['flowchart LR', ...statements.map((statement) => (statement === '' ? '' : `  ${statement}`))].join('\n') + '\n';
}
