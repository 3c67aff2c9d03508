import { MAIN_BICEP_PARTIALS, mainBicepParts, modulesOf } from '../src/catalogue/index.js';
import { MODULE_PARTIALS, MODULE_TEMPLATES } from '../src/catalogue/modules.js';
import type { ViewModel } from '../src/model.js';
import { firewallPolicyView } from '../src/network/firewall-policy.js';
import { fromTemplate, type Generator } from './types.js';

/** What a module template sees besides the model, where it renders lists the model does not hold ready. */
const MODULE_VIEWS: Readonly<Record<string, (model: ViewModel) => object>> = {
  [MODULE_TEMPLATES.firewallPolicy]: (model) => ({ ...model, firewall: firewallPolicyView(model.outbound) }),
};

/**
 * The Bicep of every component the answers deploy (the catalogue decides): main.bicep, composed of
 * each component's part, and the modules those parts call.
 */
export const infrastructure: Generator = {
  id: 'infrastructure',
  when: () => true,
  files: (model) => [
    fromTemplate(
      'infra/main.bicep.hbs',
      (view) => ({ ...view, parts: mainBicepParts(view) }),
      MAIN_BICEP_PARTIALS.map((id) => `infra/main-parts/${id}.bicep.hbs`),
    ),
    ...modulesOf(model).map((path) => fromTemplate(path, MODULE_VIEWS[path], MODULE_PARTIALS[path])),
  ],
};
