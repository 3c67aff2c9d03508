import { withDiagram } from './docs.js';
import { fromTemplate, type Generator } from './types.js';

/** Always: the strict linter configuration, the README, .gitignore and .gitattributes. */
export const foundation: Generator = {
  id: 'foundation',
  when: () => true,
  files: () => [
    fromTemplate('bicepconfig.json'),
    // The README's long sections are partials of their own: deploying, and reaching the private network.
    fromTemplate('README.md.hbs', withDiagram, ['README-parts/deploying.md.hbs', 'README-parts/access.md.hbs']),
    fromTemplate('_gitignore'),
    fromTemplate('_gitattributes'),
  ],
};
