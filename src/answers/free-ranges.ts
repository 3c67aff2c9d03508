import { formatCidr, isPrivate, nextBlock, overlaps, parseCidr } from '../network/cidr.js';
import { planNetworks } from '../network/landing-zone-networks.js';
import { CompleteAnswersSchema, type PartialAnswers } from './schema.js';

/** The ranges whose default is derived: each must overlap nothing the answers so far already use. */
export type DerivedRangeKey = 'hubAddressSpace' | 'vpnClientAddressPool' | 'agentAddressSpace';

/** How far a default is moved at most; a plan that far away means the other answers need changing, not the default. */
const MAX_STEPS = 256;

/**
 * The preferred range if the network plan accepts it with the answers so far, otherwise the first block
 * of its size after it that the plan accepts: a spoke at 10.50.0.0/22 moves the hub's default from
 * 10.50.0.0/23 to the blocks after every environment's spoke. The planner itself is the judge, so this
 * never disagrees with the rule that would refuse the range. When the answers so far give no plan for
 * another reason (a range of their own that is invalid), the preferred range stays and that rule speaks.
 */
export function firstFreeRange(key: DerivedRangeKey, preferred: string, soFar: PartialAnswers): string {
  if (!nearGivenRanges(preferred, soFar)) return preferred;
  // Name and region do not change the address plan; they are placeholders so that the answers parse.
  const parsed = CompleteAnswersSchema.safeParse({ name: 'lz', location: 'swedencentral', firewall: true, ...soFar, [key]: undefined });
  const start = parseCidr(preferred);
  if (!parsed.success || 'error' in start) return preferred;
  for (let step = 0; step < MAX_STEPS; step++) {
    const candidate = nextBlock(start, step);
    if (!isPrivate(candidate)) break;
    const text = formatCidr(candidate.address, candidate.prefixLength);
    const plan = planNetworks({ ...parsed.data, [key]: text });
    if (!('key' in plan)) return text;
    if (plan.key !== key) break;
  }
  return preferred;
}

/**
 * Whether any range given so far (each environment's block of it included) reaches the preferred one: when
 * none does, the preferred range is free and the planner need not be asked, which keeps resolving fast.
 */
function nearGivenRanges(preferred: string, soFar: PartialAnswers): boolean {
  const environments = Math.max(soFar.environments?.length ?? 2, 1);
  const blocksOf = (text: string | undefined) => {
    const range = text === undefined ? undefined : parseCidr(text);
    return range === undefined || 'error' in range ? [] : Array.from({ length: environments }, (_, index) => nextBlock(range, index));
  };
  const wanted = blocksOf(preferred);
  const given = [soFar.addressSpace ?? '10.60.0.0/22', soFar.hubAddressSpace, soFar.vpnClientAddressPool, soFar.agentAddressSpace].flatMap(blocksOf);
  return given.some((block) => wanted.some((candidate) => overlaps(block, candidate)));
}
