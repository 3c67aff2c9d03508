import type { ViewModel } from '../model.js';
import { at, DEPLOY_WORKFLOW, PULL_REQUEST_WORKFLOW } from './guidance-evidence.js';
import { type AreaRules, type GuidanceVerdict, satisfied } from './guidance-verdict.js';

/** The guidance rules of operations (OPS-xx): the deployment pipeline. */

function ops01(model: ViewModel): GuidanceVerdict {
  return satisfied(
    [...at(PULL_REQUEST_WORKFLOW, 'build', 'what-if'), ...at(DEPLOY_WORKFLOW, ...model.environments.map((environment) => `deploy-${environment.name}`))],
    "The workflows need what files cannot hold: the federated credentials in Entra ID for the pipeline's identity, the three repository variables for OpenID Connect, and required reviewers on each GitHub environment, set up once by a person.",
  );
}

export const OPERATIONS_RULES: AreaRules<'OPS'> = {
  'OPS-01': ops01,
};
