import type { SubnetRequest } from '../network/address-plan.js';
import type { PrivateDnsZone } from '../network/private-dns-zones.js';
import type { ModuleKey } from './modules.js';
import type { Shape } from './shape.js';

/**
 * The blocks of main.bicep, in the order the file has them. A component's part writes a block for
 * each section it has something for; `MAIN_BICEP` in index.ts says which parts, in which order.
 */
export const SECTIONS = ['parameters', 'names', 'variables', 'resources', 'outputs'] as const;
export type Section = (typeof SECTIONS)[number];

/** A private endpoint of a component's resource, in the private endpoint subnet (NET-02). */
export interface EndpointSpec {
  /** Prefix of the endpoint module's Bicep symbol: `${symbol}PrivateEndpoint`. */
  readonly symbol: string;
  /** The module whose resource the endpoint connects to, when not the component's own `symbol`. */
  readonly service?: string;
  /** The deployment is named `pe-${name}`. */
  readonly name: string;
  /** The sub-resource the endpoint connects to. */
  readonly groupId: string;
  /** The zones the endpoint registers in, all in one zone group (NET-03). */
  readonly zones: readonly PrivateDnsZone[];
}

/**
 * A subnet a component needs: in the workload's VNet, or in the shared connectivity's, which is the hub
 * in hub-spoke and the workload's VNet otherwise.
 */
export interface SubnetSpec {
  readonly request: SubnetRequest;
  readonly placement: 'workload' | 'connectivity';
}

/** Typical creation time of a slow resource type, with where the figure comes from (critical path, README). */
export interface Provisioning {
  /** The ARM resource type, lower case. */
  readonly type: string;
  readonly minutes: number;
  readonly source: string;
}

/** Who sends outbound traffic: the subnet (or, for the workload, the VNet) a firewall rule names as its source. */
export type OutboundSource = 'workload' | 'agents' | 'jumpbox' | 'apiManagement';

/** One protocol and port of an outbound destination: HTTP and HTTPS are an application rule's, TCP and UDP a network rule's. */
export interface OutboundPort {
  readonly protocol: 'HTTP' | 'HTTPS' | 'TCP' | 'UDP';
  readonly port: number;
}

/**
 * Destinations a component's subnet must reach on the internet or Azure's public endpoints (NET-07): this landing
 * zone's firewall allows them (src/network/firewall-policy.ts turns each into one rule), and with an existing hub the
 * README lists them for the platform team's firewall. Names are the Azure public cloud's; the firewall writes the
 * cloud-specific ones from environment().
 */
export interface Outbound {
  readonly from: OutboundSource;
  /** The name of the firewall rule that allows it, e.g. "allow-portals"; unique within its source. */
  readonly rule: string;
  /** FQDNs (wildcards allowed), firewall FQDN tags or service tags, as `kind` says. */
  readonly destinations: readonly string[];
  readonly kind: 'fqdn' | 'fqdn-tag' | 'service-tag';
  readonly ports: readonly OutboundPort[];
  /** Why, in one line. */
  readonly why: string;
  /** Microsoft's page that lists the destinations. */
  readonly source: string;
}

/**
 * One Azure component of the landing zone: when the answers deploy it, its part of main.bicep
 * (templates/infra/main-parts/<id>.bicep.hbs), the modules that part calls, and what the rest of the
 * generator needs to know of it. Everything about a component that is not Bicep lives here.
 */
export interface Component {
  /** Names the component and its part of main.bicep. */
  readonly id: string;
  /** The Bicep symbol of its main module in main.bicep, where other code refers to it. */
  readonly symbol?: string;
  readonly applies: (shape: Shape) => boolean;
  /**
   * The resource providers its resources need registered in the subscription (the bootstrap registers them); none
   * for Microsoft.Resources and Microsoft.Authorization, which every subscription has registered.
   */
  readonly providers?: readonly string[];
  /** Module files its part calls, as templates/ paths; a module several components call is written once. */
  readonly modules?: (shape: Shape) => readonly string[];
  readonly privateEndpoints?: readonly EndpointSpec[];
  /**
   * The resources of its module that are locked down behind its endpoints (public access off, keys off): the
   * guidance map's evidence for NET-01, SEC-06 and FDY-05.
   */
  readonly lockedDown?: { readonly file: ModuleKey; readonly resources: readonly string[] };
  /** The subnets it needs (the address planner sizes and places them). */
  readonly subnets?: (shape: Shape) => readonly SubnetSpec[];
  /** NET-05: the key of its resource type in the policy modules' definition maps. */
  readonly policyKey?: string;
  /** Its slow resource types. */
  readonly provisioning?: readonly Provisioning[];
  /** How descriptions name it among the private services, e.g. "AI Search"; undefined where another component's name covers it. */
  readonly serviceLabel?: (shape: Shape) => string | undefined;
  /**
   * What of it answers on the public internet, as the docs name it: a door people or callers use, or an
   * endpoint its module leaves public. The docs' claims about internet reachability derive from this alone.
   */
  readonly publicEndpoint?: (shape: Shape) => string | undefined;
  /** What its subnet must reach outside the landing zone (NET-07). */
  readonly outbound?: (shape: Shape) => readonly Outbound[];
  /** Billed by the hour whether used or not: how the README's cost section names it. */
  readonly hourlyCost?: (shape: Shape) => string;
}
