import type { ViewModel } from '../model.js';
import { ID } from './diagram-ids.js';
import { node } from './diagram-mermaid.js';

/** Who calls, and from where: one node per kind of caller these choices let in. */

export function callers(model: ViewModel): string[] {
  return [
    ...(model.edgeGateway ? [node({ id: ID.internetCallers, lines: ['Internet callers'] })] : []),
    ...(model.frontDoor
      ? [node({ id: ID.frontDoor, lines: ['Front Door Premium', 'WAF, HTTPS only', model.answers.gatewayHostName ?? 'custom domain'] })]
      : []),
    // Internal-mode API Management has callers in the networks connected to the workload.
    ...(model.apiManagement ? [node({ id: ID.privateCallers, lines: ['Applications in connected networks'] })] : []),
    ...(model.jumpbox ? [node({ id: ID.developers, lines: ['Developers and administrators'] })] : []),
    ...(model.vpn ? [node({ id: ID.vpnClients, lines: ['VPN clients (Entra ID, OpenVPN)'] })] : []),
  ];
}
