import { withDiagram } from './docs.js';
import { fromTemplate, type Generator } from './types.js';

/** Always: the strict linter configuration, the README, .gitignore and .gitattributes. */
export const foundation: Generator = {
  id: 'foundation',
  when: () => true,
  files: () => [
    fromTemplate('bicepconfig.json'),
    fromTemplate('README.md.hbs', withDiagram),
    fromTemplate('_gitignore'),
    fromTemplate('_gitattributes'),
  ],
};
