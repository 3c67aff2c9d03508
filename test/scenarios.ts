import { finalize, mergeLayers } from '../src/answers/resolve.js';
import type { Answers, PartialAnswers } from '../src/answers/schema.js';

/**
 * The configurations the tests generate. Each one differs from the others in something that
 * changes the output: environments, region (data zone or not), name length, address space.
 */
export const SCENARIOS: Readonly<Record<string, PartialAnswers>> = {
  'slice-default': {
    name: 'contoso', location: 'swedencentral', topology: 'single-vnet', gateway: 'none', jumpbox: false,
  },
  'longest-names': {
    name: 'abcdefgh-j', location: 'australiaeast', topology: 'single-vnet', firewall: true, allowedFqdns: ['pypi.org', '*.example.com'], gateway: 'none', jumpbox: false,
    environments: ['dev', 'test', 'stage', 'prod'], addressSpace: '192.168.16.0/24',
  },
  'hub-spoke': {
    name: 'fabrikam', location: 'westeurope', topology: 'hub-spoke', firewall: false, gateway: 'none', jumpbox: false,
    environments: ['dev', 'test', 'prod'],
  },
  'hub-spoke-firewall': {
    name: 'contoso', location: 'swedencentral', topology: 'hub-spoke', gateway: 'none', jumpbox: false,
  },
  'one-environment': {
    name: 'ai', location: 'westcentralus', topology: 'single-vnet', gateway: 'none', jumpbox: false,
    environments: ['prod'], addressSpace: '172.16.0.0/26', githubRepo: 'contoso/ai-platform',
  },
};

/** The scenario's complete answers, resolved exactly as the CLI resolves them. */
export function scenarioAnswers(partial: PartialAnswers): Answers {
  const { merged, sources } = mergeLayers({ flags: partial, file: {} }, 'unused-folder-name');
  const result = finalize(merged, sources);
  if ('issues' in result) throw new Error(`scenario is invalid: ${JSON.stringify(result.issues)}`);
  return result.answers;
}

export async function renderScenario(partial: PartialAnswers) {
  const { planLandingZone } = await import('../src/plan.js');
  const { renderPlan } = await import('../src/render/render.js');
  return renderPlan(planLandingZone(scenarioAnswers(partial)));
}
