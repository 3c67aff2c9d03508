import { MAIN_BICEP_PARTIALS, mainBicepParts, modulesOf } from '../src/catalogue/index.js';
import { MODULE_PARTIALS } from '../src/catalogue/modules.js';
import { fromTemplate, type Generator } from './types.js';

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
    ...modulesOf(model).map((path) => fromTemplate(path, undefined, MODULE_PARTIALS[path])),
  ],
};
