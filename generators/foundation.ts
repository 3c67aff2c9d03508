import { withDiagram } from './docs.js';
import { fromTemplate, type Generator } from './types.js';

/** Always: the entry template, the strict linter configuration, the README and .gitignore. */
export const foundation: Generator = {
  id: 'foundation',
  when: () => true,
  files: () => [
    fromTemplate('infra/main.bicep.hbs'),
    fromTemplate('bicepconfig.json'),
    fromTemplate('README.md.hbs', withDiagram),
    fromTemplate('_gitignore'),
    fromTemplate('_gitattributes'),
  ],
};
