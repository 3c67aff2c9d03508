import type { ViewModel } from '../model.js';
import { STATE_PATH } from '../state.js';
import { at, inMain, when } from './guidance-evidence.js';
import { privateServicesOf, servicesEvidence } from './guidance-private-services.js';
import { answerText, type AreaRules, type GuidanceRule, type GuidanceVerdict, notApplicable, satisfied } from './guidance-verdict.js';
import { FILES } from './module-files.js';

/** The guidance rules of Foundry (FDY-xx): which kind of Foundry was chosen, and how the hub or the project is locked down. */

function fdy01(model: ViewModel): GuidanceVerdict {
  const chosen = {
    project: 'foundry=project: project-based Foundry, the recommended default.',
    hub: 'foundry=hub: hub-based Foundry, chosen over the recommended project-based one.',
    none: `foundry=none: no Foundry; only the services chosen (${answerText(model, 'services')}).`,
  }[model.answers.foundry];
  return satisfied(at(STATE_PATH, 'answers.foundry'), chosen);
}

/** FDY-02..FDY-05 concern hub-based Foundry only. */
function withHub(rule: GuidanceRule): GuidanceRule {
  return (model) => {
    if (model.platform.foundryHub) return rule(model);
    return notApplicable(
      model.platform.foundryProject
        ? `${answerText(model, 'foundry')}: project-based Foundry has no hub (FDY-06 applies instead).`
        : `${answerText(model, 'foundry')}: no Foundry hub.`,
    );
  };
}

const fdy02 = withHub(() => satisfied([...inMain('foundryHub', 'foundryHubPrivateEndpoint'), ...at(FILES.foundryHub, 'hub', 'project')]));

const fdy03 = withHub(() => satisfied([...inMain('foundryHub'), ...at(FILES.foundryHub, 'hub')]));

const fdy04 = withHub((model) =>
  satisfied(
    [...inMain('foundryHub'), ...at(FILES.foundryHub, 'hub')],
    `The managed network has private endpoint rules to the AI Services account${model.platform.search ? ' and AI Search' : ''}; the optional rule to an Application Gateway for on-premises resources is not generated.`,
  ),
);

const fdy05 = withHub((model) => {
  const associated = privateServicesOf(model).filter((service) =>
    ['aiServices', 'storage', 'keyVault', 'containerRegistry', 'search'].includes(service.module),
  );
  return satisfied(servicesEvidence(associated));
});

function fdy06(model: ViewModel): GuidanceVerdict {
  if (!model.platform.foundryProject) {
    return notApplicable(
      model.platform.foundryHub
        ? `${answerText(model, 'foundry')}: hub-based Foundry (FDY-02..FDY-05) instead of project-based.`
        : `${answerText(model, 'foundry')}: no Foundry project.`,
    );
  }
  return satisfied(
    [
      ...inMain('foundry', 'foundryPrivateEndpoint'),
      ...at(FILES.foundryAccount, 'account', 'project'),
      ...when(model.platform.agents, ...inMain('foundryAgents', 'virtualNetwork'), ...at(FILES.foundryAgents, 'capabilityHost')),
    ],
    model.platform.agents ? undefined : `${answerText(model, 'agents')}: no Agent Service, so no network injection, the part of FDY-06 that only agents need.`,
  );
}

export const FOUNDRY_RULES: AreaRules<'FDY'> = {
  'FDY-01': fdy01,
  'FDY-02': fdy02,
  'FDY-03': fdy03,
  'FDY-04': fdy04,
  'FDY-05': fdy05,
  'FDY-06': fdy06,
};
