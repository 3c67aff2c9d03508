import { type IsoDate, lifecycleOf, replacementAdvice } from '../ai/model-lifecycle.js';
import type { CompiledLandingZone } from './arm.js';
import { type Finding, finding } from './findings.js';

/**
 * The model deployments each environment's parameters ask for (modelDeployments in infra/params, as built,
 * so a hand-edited version is judged too), against the model lifecycle on `today`: a retired version's
 * deployment returns errors, a deprecated one cannot be deployed in a subscription that never had it.
 * A version the catalogue does not know is not judged.
 */
export function modelLifecycleFindings(environments: CompiledLandingZone['environments'], today: IsoDate): Finding[] {
  const findings: Finding[] = [];
  for (const [environment, parameters] of Object.entries(environments)) {
    const deployments = parameters.modelDeployments?.value;
    if (!Array.isArray(deployments)) continue;
    for (const deployment of deployments as readonly Record<string, unknown>[]) {
      const { name, model, version } = deployment;
      if (typeof model !== 'string' || typeof version !== 'string') continue;
      const verdict = lifecycleOf(model, version, today);
      if (!verdict || verdict.stage === 'available') continue;
      const where = `infra/params/${environment}.bicepparam: model deployment ${String(name ?? model)} (${model} ${version})`;
      findings.push(
        verdict.stage === 'retired'
          ? finding('model-version-retired', `${where} was retired on ${verdict.retiresOn} and returns errors; ${replacementAdvice(verdict)}`)
          : finding(
              'model-version-deprecated',
              `${where} is deprecated since ${verdict.deprecatedFrom} (a subscription that never deployed it cannot deploy it) and retires on ${verdict.retiresOn}; ${replacementAdvice(verdict)}`,
            ),
      );
    }
  }
  return findings;
}
