import { docs } from './docs.js';
import { environments } from './environments.js';
import { foundation } from './foundation.js';
import { infrastructure } from './infrastructure.js';
import { pipeline } from './pipeline.js';
import type { Generator } from './types.js';

/** Every concern of a landing zone. */
export const GENERATORS: readonly Generator[] = [foundation, infrastructure, environments, pipeline, docs];
