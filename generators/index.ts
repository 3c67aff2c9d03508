import { data } from './data.js';
import { docs } from './docs.js';
import { environments } from './environments.js';
import { foundation } from './foundation.js';
import { foundry } from './foundry.js';
import { monitoring } from './monitoring.js';
import { access, dnsResolver, egress, gateway, hub, network } from './network.js';
import { pipeline } from './pipeline.js';
import { policy } from './policy.js';
import type { Generator } from './types.js';

/** Every concern of a landing zone, in the order the summary lists them. */
export const GENERATORS: readonly Generator[] = [foundation, monitoring, network, hub, dnsResolver, egress, access, gateway, foundry, data, policy, environments, pipeline, docs];
