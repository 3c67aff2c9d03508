import { describe, expect, it } from 'vitest';
import { mergedGitignore } from '../../src/fs/fresh-repository.js';

describe("merging the generated .gitignore into a fresh repository's", () => {
  it("keeps the person's file as it is and adds below only the generated lines it lacks", () => {
    const own = '# Node\nnode_modules/\n.env\n';
    const generated = '# Secrets never leave the machine\n.env\n\n# Compiled templates\ninfra/**/*.json\n';
    expect(mergedGitignore(own, generated)).toBe(
      '# Node\nnode_modules/\n.env\n\n# Added by create-secure-ai-landing\n# Secrets never leave the machine\n# Compiled templates\ninfra/**/*.json\n',
    );
  });

  it('adds nothing when every line is there, and copes with a file without a final newline', () => {
    expect(mergedGitignore('.env\n', '.env\n')).toBe('.env\n');
    expect(mergedGitignore('.env', 'dist/\n')).toBe('.env\n\n# Added by create-secure-ai-landing\ndist/\n');
  });
});
