import { endpointsOf } from '../catalogue/index.js';
import { type ShapeAnswers, shapeOf } from '../catalogue/shape.js';
import { type PrivateDnsZone, ZONES, policyRegistersAll } from './private-dns-zones.js';

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
  /**
   * Whether this repository writes the endpoint's zone group: always, unless Azure Policy writes the records and a
   * built-in definition registers the endpoint in all its zones (NET-05).
   */
  readonly ownZoneGroup: boolean;
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
    ownZoneGroup:
      answers.dnsZonesByPolicy !== true ||
      !policyRegistersAll(
        groupId,
        zones.map((zone) => zone.key),
      ),
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
 * The zones a user must give for an existing hub: those of the private endpoints this repository registers, which are
 * all of them unless Azure Policy writes the zone groups; then only those of an AI account, whose names no built-in
 * definition registers in full (ZONES_BUILT_IN_POLICIES_WRITE). Not API Management's: the spoke keeps one zone per gateway host name itself, as a
 * central azure-api.net zone would hide every other organisation's API Management from the hub's networks.
 */
export function existingHubZonesFor(answers: ShapeAnswers): PrivateDnsZone[] {
  const used = new Set(privateEndpointsFor(answers).flatMap((candidate) => (candidate.ownZoneGroup ? candidate.zones : [])));
  return Object.values(ZONES).filter((zone) => used.has(zone));
}
