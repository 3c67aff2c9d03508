import { fromTemplate, type Generator } from './types.js';

/**
 * Always: the GitHub Actions pipeline (OPS-01, SEC-01), the scripts it and its users run (bootstrap,
 * build, what-if, deploy), and the connectivity check of NET-13.
 */
export const pipeline: Generator = {
  id: 'pipeline',
  when: () => true,
  files: () => [
    fromTemplate('.github/workflows/pull-request.yml.hbs'),
    fromTemplate('.github/workflows/deploy.yml.hbs'),
    fromTemplate('.github/workflows/deploy-environment.yml.hbs'),
    fromTemplate('.github/dependabot.yml'),
    fromTemplate('ps-rule.yaml'),
    fromTemplate('scripts/landing-zone.sh.hbs'),
    fromTemplate('scripts/bootstrap.sh.hbs'),
    fromTemplate('scripts/bootstrap.ps1.hbs'),
    fromTemplate('scripts/build.sh'),
    fromTemplate('scripts/what-if.sh'),
    fromTemplate('scripts/deploy.sh'),
    fromTemplate('scripts/verify-private-endpoints.sh'),
    fromTemplate('scripts/verify-private-endpoints.ps1.hbs'),
  ],
};
