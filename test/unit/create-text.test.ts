import { describe, expect, it } from 'vitest';
import { finalize, mergeLayers } from '../../src/answers/resolve.js';
import type { PartialAnswers } from '../../src/answers/schema.js';
import { equivalentCommand } from '../../src/commands/create-text.js';

describe('the command line the summary shows', () => {
  it('names every answer given that differs from its default, with booleans as switches, and quotes what a shell would split', () => {
    const flags: PartialAnswers = { location: 'swedencentral', gateway: 'none', jumpbox: false, environments: ['dev', 'prod'] };
    const { merged, sources } = mergeLayers({ flags, file: {}, prompted: { allowedFqdns: ['pypi.org'], githubRepo: 'contoso/ai-lz' } }, 'lz');
    const resolved = finalize(merged, sources);
    if ('issues' in resolved) throw new Error(JSON.stringify(resolved.issues));
    expect(equivalentCommand(resolved.answers, resolved.sources, 'my landing zone')).toBe(
      "npm create secure-ai-landing@latest 'my landing zone' -- --yes --location swedencentral --gateway none --allowed-fqdns pypi.org --no-jumpbox --github-repo contoso/ai-lz",
    );
  });
});
