import { endpointsOf } from '../catalogue/index.js';
import { type ShapeAnswers, shapeOf } from '../catalogue/shape.js';
import { type PrivateDnsZone, ZONES } from './private-dns-zones.js';

/** One private endpoint main.bicep creates in the private endpoint subnet (NET-02). */
export interface PrivateEndpoint {
  /** Bicep symbol of the endpoint's module. */
  readonly symbol: string;
  readonly deploymentName: string;
  /** Bicep expression of the endpoint's name. */
  readonly endpointName: string;
  /** The module whose `resourceId` output the endpoint connects to. */
  readonly service: string;
  readonly groupId: string;
  /** The zones the endpoint registers in, all in one zone group (NET-03). */
  readonly zones: readonly PrivateDnsZone[];
  /** Modules that must finish first: an endpoint on an account still busy with its children fails. */
  readonly after: readonly string[];
}

/** The private endpoints of these answers, one per service and sub-resource, in deployment order (the catalogue's). */
export function privateEndpointsFor(answers: ShapeAnswers): PrivateEndpoint[] {
  const shape = shapeOf(answers);
  return endpointsOf(shape).map(({ symbol, name, service, groupId, zones }) => ({
    symbol: `${symbol}PrivateEndpoint`,
    deploymentName: `pe-${name}`,
    endpointName: `'pe-\${names.${service}}${groupId === 'blob' || groupId === 'file' ? `-${groupId}` : ''}'`,
    service,
    groupId,
    zones,
    // Model deployments are the account's children: its endpoint waits for them.
    after: shape.platform.modelHost === service ? ['models'] : [],
  }));
}

/** The zones the private endpoints of these answers register in, each once, in a stable order. */
export function privateEndpointZonesFor(answers: ShapeAnswers): PrivateDnsZone[] {
  const used = new Set(privateEndpointsFor(answers).flatMap((candidate) => candidate.zones));
  return Object.values(ZONES).filter((zone) => used.has(zone));
}

/**
 * The zones a user must give for an existing hub: those of the private endpoints, unless Azure Policy
 * manages the zone groups. Not API Management's: the spoke keeps one zone per gateway host name itself, as a
 * central azure-api.net zone would hide every other organisation's API Management from the hub's networks.
 */
export function existingHubZonesFor(answers: ShapeAnswers): PrivateDnsZone[] {
  return answers.dnsZonesByPolicy ? [] : privateEndpointZonesFor(answers);
}
