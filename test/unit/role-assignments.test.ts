import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEMPLATES_DIR } from '../../src/paths.js';

/** The text of each `resource … 'Microsoft.Authorization/roleAssignments@…'` declaration: up to its closing bracket at the line's start. */
function roleAssignmentsIn(source: string): { readonly symbol: string; readonly body: string }[] {
  return [...source.matchAll(/^resource (\w+) 'Microsoft\.Authorization\/roleAssignments@[^']+'[^\n]*\n([\s\S]*?)^[}\]]/gm)].map((match) => ({
    symbol: match[1]!,
    body: match[2]!,
  }));
}

/**
 * Every role assignment a generated repository can contain says which kind of principal it goes to. Without
 * principalType Azure looks the principal up in Microsoft Entra ID, which fails with PrincipalNotFound for an
 * identity created in the same deployment (replication delay):
 * https://learn.microsoft.com/azure/role-based-access-control/role-assignments-template#new-service-principal
 * validate checks the same in the compiled templates of every configuration (role-without-principal-type).
 */
describe('role assignments in the templates', () => {
  it('every Microsoft.Authorization/roleAssignments of every module and part of main.bicep sets principalType', async () => {
    const files = (await readdir(join(TEMPLATES_DIR, 'infra'), { recursive: true })).filter((file) => /\.bicep(\.hbs)?$/.test(file));
    const assignments = [];
    for (const file of files) {
      const source = await readFile(join(TEMPLATES_DIR, 'infra', file), 'utf8');
      assignments.push(...roleAssignmentsIn(source).map((assignment) => ({ ...assignment, file })));
    }
    // The scan finds them all (the jumpbox's three and Bastion's among them), so an empty result proves nothing.
    expect(assignments.length).toBeGreaterThanOrEqual(20);
    expect(assignments.map(({ file, symbol }) => `${file}#${symbol}`)).toEqual(expect.arrayContaining(['modules/access/bastion.bicep#readerAssignments']));
    const without = assignments.filter(({ body }) => !/^\s*principalType: /m.test(body)).map(({ file, symbol }) => `${file}#${symbol}`);
    expect(without).toEqual([]);
  });
});
