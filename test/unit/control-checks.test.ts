import { describe, expect, it } from 'vitest';
import type { ArmTemplate } from '../../src/validate/arm.js';
import { agentStorageFindings } from '../../src/validate/control-checks.js';

/** A main template with module deployments that pass these parameters. */
const mainWith = (deployments: Readonly<Record<string, Readonly<Record<string, string>>>>): ArmTemplate => ({
  resources: Object.entries(deployments).map(([name, parameters]) => ({
    type: 'Microsoft.Resources/deployments',
    name,
    properties: { parameters: Object.fromEntries(Object.entries(parameters).map(([key, value]) => [key, { value }])) },
  })),
});

describe("SEC-09: the agents' own storage account", () => {
  it('passes when the Agent Service is given an account other than the workload one', () => {
    const template = mainWith({
      storage: { name: "[variables('names').storage]" },
      'foundry-agents': { storageAccountName: "[variables('names').agentStorage]" },
    });
    expect(agentStorageFindings(template)).toEqual([]);
  });

  it("fails, naming foundry-agents, when it is given the workload's account", () => {
    const template = mainWith({
      storage: { name: "[variables('names').storage]" },
      'foundry-agents': { storageAccountName: "[variables('names').storage]" },
    });
    expect(agentStorageFindings(template)).toEqual([expect.objectContaining({ code: 'agent-storage-shared', module: 'foundry-agents' })]);
  });

  it('has nothing to say without agents', () => {
    expect(agentStorageFindings(mainWith({ storage: { name: "[variables('names').storage]" } }))).toEqual([]);
  });
});
