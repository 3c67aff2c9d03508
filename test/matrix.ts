import { finalize, mergeLayers } from '../src/answers/resolve.js';
import { type Service, SERVICES } from '../src/answers/ai-fields.js';
import type { Answers, PartialAnswers } from '../src/answers/schema.js';
import { EDGE, HUB_VNET_ID, zoneIds } from './scenarios.js';

/**
 * The option matrix of issue #8: foundry × services × topology × vpn × gateway × firewall × jumpbox.
 * Every valid combination (for `npm run test:matrix`), and a covering subset for the default run: every
 * pair of option values that occurs in some valid combination occurs in the subset at least once.
 */
type Dimension = 'foundry' | 'openai' | 'ml' | 'aiservices' | 'search' | 'topology' | 'vpn' | 'gateway' | 'firewall' | 'jumpbox';
type Combination = Readonly<Record<Dimension, string>>;

const DIMENSIONS: Readonly<Record<Dimension, readonly string[]>> = {
  foundry: ['project', 'hub', 'none'],
  // Each service in or out: pairs of services are what interacts (which account hosts the models).
  openai: ['yes', 'no'],
  ml: ['yes', 'no'],
  aiservices: ['yes', 'no'],
  search: ['yes', 'no'],
  topology: ['hub-spoke', 'single-vnet', 'existing-hub'],
  vpn: ['none', 'p2s'],
  gateway: ['none', 'apim', 'apim-appgw', 'apim-frontdoor'],
  firewall: ['yes', 'no'],
  jumpbox: ['yes', 'no'],
};
const NAMES = Object.keys(DIMENSIONS) as Dimension[];

/** The answers of one combination, with what its choices require (publisher, certificate, hub IDs). */
export function answersOf(combination: Combination): PartialAnswers {
  const services = SERVICES.filter((service: Service) => combination[service] === 'yes');
  const gateway = combination.gateway as Answers['gateway'];
  const existingHub = combination.topology === 'existing-hub';
  return {
    name: 'mx',
    location: 'swedencentral',
    environments: ['dev', 'prod'],
    foundry: combination.foundry as Answers['foundry'],
    services,
    topology: combination.topology as Answers['topology'],
    vpn: combination.vpn as Answers['vpn'],
    gateway,
    jumpbox: combination.jumpbox === 'yes',
    ...(existingHub
      ? {
          hubVnetId: HUB_VNET_ID,
          hubDnsServers: ['10.0.4.4'],
          privateDnsZoneIds: zoneIds({ foundry: combination.foundry as Answers['foundry'], services, gateway }),
          ...(combination.firewall === 'yes' && { hubFirewallIp: '10.0.0.4' }),
        }
      : { firewall: combination.firewall === 'yes' }),
    ...(gateway !== 'none' && { publisherEmail: 'platform@contoso.com' }),
    ...((gateway === 'apim-appgw' || gateway === 'apim-frontdoor') && EDGE),
  };
}

function isValid(answers: PartialAnswers): boolean {
  const { merged, sources } = mergeLayers({ flags: answers, file: {} }, 'mx');
  return !('issues' in finalize(merged, sources));
}

function* combinations(index = 0, partial: Record<string, string> = {}): Generator<Combination> {
  if (index === NAMES.length) {
    yield { ...partial } as Combination;
    return;
  }
  for (const value of DIMENSIONS[NAMES[index]!]) yield* combinations(index + 1, { ...partial, [NAMES[index]!]: value });
}

/** A short, path-safe id: matrix-project-openai+search-hub-spoke-p2s-apim-fw-jb. */
const idOf = (combination: Combination) => {
  const services = SERVICES.filter((service: Service) => combination[service] === 'yes').join('+') || 'nosvc';
  const { foundry, topology, vpn, gateway, firewall, jumpbox } = combination;
  return `matrix-${foundry}-${services}-${topology}-${vpn}-${gateway}-${firewall === 'yes' ? 'fw' : 'nofw'}-${jumpbox === 'yes' ? 'jb' : 'nojb'}`;
};

/** Every valid combination, by id. */
export function fullMatrix(): Record<string, PartialAnswers> {
  const matrix: Record<string, PartialAnswers> = {};
  for (const combination of combinations()) {
    const answers = answersOf(combination);
    if (isValid(answers)) matrix[idOf(combination)] = answers;
  }
  return matrix;
}

const pairsOf = (combination: Combination) => NAMES.flatMap((a, i) => NAMES.slice(i + 1).map((b) => `${a}=${combination[a]}|${b}=${combination[b]}`));

/**
 * A covering subset, chosen greedily (each step takes the valid combination that covers the most pairs not
 * yet covered; ties go to the first in enumeration order, so the subset is the same on every run).
 */
export function coveringSubset(): Record<string, PartialAnswers> {
  return Object.fromEntries(coveringCombinations().map((combination) => [idOf(combination), answersOf(combination)]));
}

export function coveringCombinations(): Combination[] {
  const valid = [...combinations()].filter((combination) => isValid(answersOf(combination)));
  const uncovered = new Set(valid.flatMap(pairsOf));
  const chosen: Combination[] = [];
  while (uncovered.size > 0) {
    let best = valid[0]!;
    let bestGain = -1;
    for (const candidate of valid) {
      const gain = pairsOf(candidate).filter((pair) => uncovered.has(pair)).length;
      if (gain > bestGain) [best, bestGain] = [candidate, gain];
    }
    chosen.push(best);
    for (const pair of pairsOf(best)) uncovered.delete(pair);
  }
  return chosen;
}

/** Every pair of option values that some valid combination has, for the test that the subset covers them. */
export function validPairs(): Set<string> {
  return new Set([...combinations()].filter((combination) => isValid(answersOf(combination))).flatMap(pairsOf));
}

export function pairsCoveredBy(chosen: readonly Combination[]): Set<string> {
  return new Set(chosen.flatMap(pairsOf));
}

/** The smallest configuration (one account, one VNet, nothing else) and the largest (everything on). */
export const EXTREMES: Readonly<Record<string, PartialAnswers>> = {
  'matrix-smallest': answersOf({
    foundry: 'none',
    openai: 'yes',
    ml: 'no',
    aiservices: 'no',
    search: 'no',
    topology: 'single-vnet',
    vpn: 'none',
    gateway: 'none',
    firewall: 'no',
    jumpbox: 'no',
  }),
  'matrix-largest': {
    ...answersOf({
      foundry: 'project',
      openai: 'yes',
      ml: 'yes',
      aiservices: 'yes',
      search: 'yes',
      topology: 'hub-spoke',
      vpn: 'p2s',
      gateway: 'apim-frontdoor',
      firewall: 'yes',
      jumpbox: 'yes',
    }),
    agents: true,
    apimRegions: ['westeurope'],
  },
};

/** What the default `npm test` compiles of the matrix: the covering subset and the two extremes. */
export function defaultMatrix(): Record<string, PartialAnswers> {
  return { ...coveringSubset(), ...EXTREMES };
}
