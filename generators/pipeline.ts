import { executable, fromTemplate, type Generator } from './types.js';

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
    // Sourced by the other scripts, not run: not executable.
    fromTemplate('scripts/landing-zone.sh.hbs'),
    executable(fromTemplate('scripts/bootstrap.sh.hbs')),
    fromTemplate('scripts/bootstrap.ps1.hbs'),
    executable(fromTemplate('scripts/build.sh')),
    executable(fromTemplate('scripts/what-if.sh')),
    executable(fromTemplate('scripts/deploy.sh.hbs')),
    executable(fromTemplate('scripts/verify-private-endpoints.sh')),
    fromTemplate('scripts/verify-private-endpoints.ps1.hbs'),
  ],
};
