import { describe, expect, it } from 'vitest';
import { templateFigures } from '../../src/validate/figures.js';
import { allowListFindings, defenderFindings, monitoringFindings, policyFindings, roleFindings } from '../../src/validate/guards.js';
import { CHECKED_IDS, type CheckedId, problemsOf, uncounted } from '../../src/validate/conformance.js';
import { GUIDANCE_OF_FINDING, guidanceIdsOf } from '../../src/validate/finding-guidance.js';
import { finding, type FindingCode, messagesOf } from '../../src/validate/findings.js';
import { locate, moduleDeclarations, moduleOf } from '../../src/validate/locate.js';
import type { ArmResource } from '../../src/validate/arm.js';
import { platformFindings } from '../../src/validate/platform.js';
import { firewallFindings } from '../../src/validate/network-checks.js';
import { modelLifecycleFindings } from '../../src/validate/model-lifecycle-checks.js';
import { RELEASE_DATE } from '../../src/ai/model-lifecycle.js';
import { sarifOf } from '../../src/validate/sarif.js';
import type { ValidationReport } from '../../src/validate/report.js';

const MAIN = [
  "targetScope = 'subscription'",
  '',
  "module keyVault 'modules/data/key-vault.bicep' = {",
  '  scope: workloadResourceGroup',
  "  name: 'key-vault'",
  '}',
  '',
  "module regionalPeerings 'modules/network/virtual-network-peering.bicep' = [",
  '  for (region, index) in apiManagementRegions: {',
  '    scope: workloadResourceGroup',
  "    name: 'peering-apim-${region}'",
  '  }',
  ']',
].join('\n');

const KEY_VAULT = ["@description('x')", 'param name string', '', "resource keyVault 'Microsoft.KeyVault/vaults@2024-11-01' = {", '}'].join('\n');

describe('locating a problem in the Bicep sources', () => {
  const modules = moduleDeclarations(MAIN);

  it("reads main.bicep's modules with their deployment names, also looped ones", () => {
    expect(modules).toEqual([
      { name: 'key-vault', path: 'infra/modules/data/key-vault.bicep', line: 3 },
      { name: 'peering-apim-', path: 'infra/modules/network/virtual-network-peering.bicep', line: 8 },
    ]);
  });

  it('finds the resource line in the module file, else the module in main.bicep, else main.bicep', () => {
    const read = (path: string) => (path === 'infra/modules/data/key-vault.bicep' ? KEY_VAULT : undefined);
    expect(locate('key-vault: Microsoft.KeyVault/vaults has public network access "Enabled"', modules, read)).toEqual({
      file: 'infra/modules/data/key-vault.bicep',
      line: 4,
    });
    expect(locate('key-vault: the vault is odd', modules, read)).toEqual({ file: 'infra/main.bicep', line: 3 });
    expect(moduleOf("[format('peering-apim-{0}', parameters('apiManagementRegions')[copyIndex()])]: not serial", modules)?.line).toBe(8);
    expect(locate('the template assigns Owner', modules, read)).toEqual({ file: 'infra/main.bicep', line: 1 });
  });
});

describe('the figures', () => {
  it('counts each template against the limits and names what waits on the critical path', () => {
    const template = {
      parameters: { a: {}, b: {} },
      outputs: { o: {} },
      resources: [
        {
          type: 'Microsoft.Resources/deployments',
          name: 'firewall',
          properties: { template: { parameters: { x: {}, y: {}, z: {} }, resources: [{ type: 'Microsoft.Network/azureFirewalls', name: 'fw' }] } },
        },
        {
          type: 'Microsoft.Resources/deployments',
          name: 'api-management',
          dependsOn: ["[resourceId('Microsoft.Resources/deployments', 'firewall')]"],
          properties: { template: { resources: [{ type: 'Microsoft.ApiManagement/service', name: 'apim' }] } },
        },
      ],
    };
    const figures = templateFigures(JSON.stringify(template), template);
    expect(figures.parameters).toEqual({ count: 3, limit: 256, template: 'firewall' });
    expect(figures.outputs).toEqual({ count: 1, limit: 64, template: 'main' });
    expect(figures.resources).toEqual({ count: 2, limit: 800, template: 'main' });
    expect(figures.criticalPath.minutes).toBe(55);
    expect(figures.criticalPath.ratio).toBeCloseTo(55 / 40);
    expect(figures.criticalPath.waits).toEqual([
      expect.stringMatching(
        /^api-management > Microsoft\.ApiManagement\/service \(40 min\) starts after 15 min, waiting for firewall > Microsoft\.Network\/azureFirewalls \(15 min\): needed, as API Management activates only once/,
      ),
    ]);
  });

  it('names a wait it knows no reason for as a dependency to check', () => {
    const template = {
      resources: [
        {
          type: 'Microsoft.Resources/deployments',
          name: 'bastion',
          properties: { template: { resources: [{ type: 'Microsoft.Network/bastionHosts', name: 'b' }] } },
        },
        {
          type: 'Microsoft.Resources/deployments',
          name: 'api-management',
          dependsOn: ["[resourceId('Microsoft.Resources/deployments', 'bastion')]"],
          properties: { template: { resources: [{ type: 'Microsoft.ApiManagement/service', name: 'apim' }] } },
        },
      ],
    };
    expect(templateFigures('{}', template).criticalPath.waits).toEqual([
      'api-management > Microsoft.ApiManagement/service (40 min) starts after 10 min, waiting for bastion > Microsoft.Network/bastionHosts (10 min): no known reason; check the dependsOn that orders them',
    ]);
  });
});

describe('the guard checks', () => {
  const template = {
    resources: [
      {
        type: 'Microsoft.Resources/deployments',
        name: 'policy-deny-public-network-access',
        properties: { parameters: { resourceTypes: { value: ['keyVault'] }, effect: { value: "[parameters('publicNetworkAccessPolicyEffect')]" } } },
      },
      {
        type: 'Microsoft.Resources/deployments',
        name: 'key-vault',
        properties: { template: { resources: [{ type: 'Microsoft.KeyVault/vaults', name: 'kv' }] } },
      },
      {
        type: 'Microsoft.Resources/deployments',
        name: 'storage',
        properties: {
          template: {
            resources: [
              { type: 'Microsoft.Storage/storageAccounts', name: 'st' },
              {
                type: 'Microsoft.Authorization/roleAssignments',
                name: 'ra',
                properties: { principalId: '11111111-2222-3333-4444-555555555555', principalType: 'User' },
              },
            ],
          },
        },
      },
    ],
  };

  it('NET-05 reads the policy effect of each environment and the types the policy leaves out', () => {
    const environments = { dev: { publicNetworkAccessPolicyEffect: { value: 'Deny' } }, prod: { publicNetworkAccessPolicyEffect: { value: 'Audit' } } };
    expect(policyFindings(template, environments, { zoneGroupPolicies: false })).toEqual([
      {
        code: 'deny-policy-gap',
        message: 'policy-deny-public-network-access: storage is deployed but not covered by the policy',
        module: 'policy-deny-public-network-access',
      },
      {
        code: 'deny-policy-not-denying',
        message: 'policy-deny-public-network-access: the effect is "Audit" in prod, not Deny',
        module: 'policy-deny-public-network-access',
      },
    ]);
  });

  it('SEC-02 reads whether each environment deploys the Defender plan', () => {
    const plan = {
      resources: [
        { type: 'Microsoft.Security/pricings', name: 'AI', condition: "[parameters('enableDefenderForAi')]", properties: { pricingTier: 'Standard' } },
      ],
    };
    expect(defenderFindings(plan, { dev: { enableDefenderForAi: { value: true } }, prod: { enableDefenderForAi: { value: false } } })).toEqual([
      {
        code: 'defender-not-deployed',
        message: "Microsoft.Security/pricings AI: Defender for AI is not deployed in prod (its condition [parameters('enableDefenderForAi')] is false there)",
      },
    ]);
  });

  it("NET-07 refuses an allow-list that allows everything, in a rule or in an environment's parameters", () => {
    const firewall = {
      resources: [
        {
          type: 'Microsoft.Network/firewallPolicies/ruleCollectionGroups',
          name: 'egress',
          properties: { ruleCollections: [{ rules: [{ targetFqdns: ['pypi.org', '*'] }] }] },
        },
      ],
    };
    expect(
      messagesOf(
        allowListFindings(firewall, { dev: { firewallAllowedFqdns: { value: ['*'] } }, prod: { firewallAllowedFqdns: { value: ['*.contoso.com'] } } }),
      ),
    ).toEqual([
      'firewall: Microsoft.Network/firewallPolicies/ruleCollectionGroups egress allows every destination (*)',
      'firewall: firewallAllowedFqdns allows every destination (*) in dev',
    ]);
  });

  it("NET-07: the firewall must let the agents' Container Apps platform reach its images and binaries", () => {
    const template = {
      resources: [
        { type: 'Microsoft.Network/firewallPolicies', name: 'afwp', properties: { threatIntelMode: 'Deny', dnsSettings: { enableProxy: true } } },
        {
          type: 'Microsoft.Network/firewallPolicies/ruleCollectionGroups',
          name: 'egress',
          properties: { ruleCollections: [{ rules: [{ targetFqdns: ['mcr.microsoft.com', '*.data.mcr.microsoft.com'] }] }] },
        },
      ],
    };
    const blocked = (agents: boolean) => messagesOf(firewallFindings(template, { agents }).filter(({ code }) => code === 'firewall-blocks-agents'));
    expect(blocked(true)).toEqual([
      "the firewall does not let the agents' platform reach packages.aks.azure.com",
      "the firewall does not let the agents' platform reach acs-mirror.azureedge.net",
    ]);
    expect(blocked(false)).toEqual([]);
    expect(guidanceIdsOf(finding('firewall-blocks-agents', 'x'))).toEqual(['NET-07']);
  });

  it('SEC-11 covers the network and the doors too', () => {
    const bastion = {
      resources: [
        {
          type: 'Microsoft.Resources/deployments',
          name: 'bastion',
          properties: {
            template: {
              resources: [
                { type: 'Microsoft.Network/bastionHosts', name: "[parameters('name')]" },
                {
                  type: 'Microsoft.Insights/diagnosticSettings',
                  name: 'to-log-analytics',
                  scope: "[format('Microsoft.Network/bastionHosts/{0}', parameters('name'))]",
                  properties: { workspaceId: "[parameters('w')]", logs: [{ categoryGroup: 'allLogs', enabled: false }] },
                },
              ],
            },
          },
        },
      ],
    };
    expect(monitoringFindings(bastion)).toEqual([
      {
        code: 'diagnostics-partial',
        message: 'bastion: Microsoft.Network/bastionHosts: its diagnostic settings switch categories off (SEC-11)',
        module: 'bastion',
      },
    ]);
  });

  it('SEC-09 finds a principal written into the template and a broad role in the parameters', () => {
    expect(roleFindings(template, { dev: { extraRoles: { value: ['b24988ac-6180-42a0-ab88-20f7382dd24c'] } } })).toEqual([
      { code: 'broad-role-assigned', message: 'the parameters of dev assign Contributor (b24988ac-6180-42a0-ab88-20f7382dd24c)' },
      {
        code: 'role-to-fixed-principal',
        message:
          'storage: Microsoft.Authorization/roleAssignments gives a role to a principal written into the template (11111111-2222-3333-4444-555555555555)',
        module: 'storage',
      },
    ]);
  });

  it('SEC-09 finds a role assignment that does not say which kind of principal it is (Azure would look it up in Entra ID)', () => {
    const jumpbox = {
      resources: [
        {
          type: 'Microsoft.Resources/deployments',
          name: 'jumpbox',
          properties: {
            template: {
              resources: [
                { type: 'Microsoft.Authorization/roleAssignments', name: 'login', properties: { principalId: "[parameters('id')]" } },
                { type: 'Microsoft.Authorization/roleAssignments', name: 'reader', properties: { principalId: "[parameters('id')]", principalType: 'Group' } },
              ],
            },
          },
        },
      ],
    };
    expect(roleFindings(jumpbox, {})).toEqual([
      { code: 'role-without-principal-type', message: 'jumpbox: a Microsoft.Authorization/roleAssignments sets no principalType', module: 'jumpbox' },
    ]);
  });
});

describe('assigning findings to guidance IDs', () => {
  it('every kind of finding counts against IDs that validate checks, at least one whatever module it is in', () => {
    for (const [code, assignment] of Object.entries(GUIDANCE_OF_FINDING)) {
      const ids = assignment.map((assigned) => (typeof assigned === 'string' ? assigned : assigned.id));
      expect(CHECKED_IDS, code).toEqual(expect.arrayContaining(ids));
      // Outside every module, a finding still counts against its code's unconditional IDs: at least one.
      const unconditional = assignment.filter((assigned) => typeof assigned === 'string');
      expect(unconditional.length, code).toBeGreaterThan(0);
      expect(guidanceIdsOf(finding(code as FindingCode, 'anything')), code).toEqual(unconditional);
    }
  });

  it('the code decides, not the message: a reworded message stays with its ID, a tag in the text moves nothing', () => {
    // Matching the text sent a subnet to NET-07 when its message ended in "default outbound access".
    const findings = [
      finding('subnet-without-nsg', 'vnet: subnet snet-a has no NSG, and keeps default outbound access'),
      finding('subnet-default-outbound', 'vnet: subnet snet-b lets its machines reach the internet on their own'),
      finding('local-auth-enabled', 'search: Microsoft.Search/searchServices: API keys are on (NET-02, NET-07)', 'search'),
    ];
    expect(problemsOf('NET-12', findings)).toEqual(['vnet: subnet snet-a has no NSG, and keeps default outbound access']);
    expect(problemsOf('NET-07', findings)).toEqual(['vnet: subnet snet-b lets its machines reach the internet on their own']);
    expect(problemsOf('NET-02', findings)).toEqual([]);
    expect(problemsOf('SEC-06', findings)).toEqual(['search: Microsoft.Search/searchServices: API keys are on (NET-02, NET-07)']);
  });

  it('a Foundry ID counts a shared finding only in its own modules', () => {
    const exposed = (module?: string) => guidanceIdsOf(finding('public-network-access-enabled', 'x: has public network access "Enabled"', module));
    expect(exposed('foundry-hub')).toEqual(['NET-01', 'FDY-02']);
    expect(exposed('key-vault')).toEqual(['NET-01', 'FDY-05']);
    expect(exposed('foundry')).toEqual(['NET-01', 'FDY-06']);
    expect(exposed('machine-learning')).toEqual(['NET-01']);
    expect(exposed()).toEqual(['NET-01']);
    expect(guidanceIdsOf(finding('managed-network-open', 'x', 'foundry-hub'))).toEqual(['NET-07', 'FDY-03']);
    expect(guidanceIdsOf(finding('managed-network-open', 'x', 'machine-learning'))).toEqual(['NET-07']);
  });

  it('the checks tag what they find with its code and module', () => {
    const template = {
      resources: [
        {
          type: 'Microsoft.Resources/deployments',
          name: 'search',
          properties: { template: { resources: [{ type: 'Microsoft.Search/searchServices', name: 'srch', properties: { disableLocalAuth: false } }] } },
        },
      ],
    };
    expect(platformFindings(template).map(({ code, module }) => [code, module])).toEqual([
      ['local-auth-enabled', 'search'],
      ['private-endpoint-missing', 'search'],
      ['diagnostics-missing', 'search'],
    ]);
  });

  // NET-05: with --dns-zones-by-policy the built-in policy writes only an AI account's cognitiveservices zone, so its
  // endpoint must carry all three itself; a Key Vault's endpoint may leave its zone group to the policy.
  it('with Azure Policy writing zone groups, flags an AI account endpoint without its openai and services.ai zones', () => {
    const deployment = (name: string, resource: ArmResource & { kind?: string }) => ({
      type: 'Microsoft.Resources/deployments',
      name,
      properties: { template: { resources: [resource] } },
    });
    const endpoint = (name: string, target: string, groupId: string, zones?: string[]) => ({
      type: 'Microsoft.Resources/deployments',
      name,
      properties: {
        parameters: {
          privateLinkServiceResourceId: { value: `[reference(resourceId('Microsoft.Resources/deployments', '${target}')).outputs.resourceId.value]` },
          groupId: { value: groupId },
          subnetResourceId: { value: "[variables('snet-private-endpoints')]" },
          ...(zones && { privateDnsZoneResourceIds: { value: zones.map((key) => `[parameters('privateDnsZoneResourceIds').${key}]`) } }),
        },
      },
    });
    const template = (accountZones?: string[]) => ({
      resources: [
        deployment('foundry', { type: 'Microsoft.CognitiveServices/accounts', name: 'ais', kind: 'AIServices', properties: { disableLocalAuth: true } }),
        deployment('key-vault', { type: 'Microsoft.KeyVault/vaults', name: 'kv', properties: { enableRbacAuthorization: true } }),
        endpoint('pe-foundry', 'foundry', 'account', accountZones),
        endpoint('pe-key-vault', 'key-vault', 'vault'),
      ],
    });
    const zoneFindings = (accountZones?: string[]) =>
      platformFindings(template(accountZones), { zonesByPolicy: true })
        .filter(({ code }) => code === 'private-endpoint-zones-wrong')
        .map(({ module }) => module);
    expect(zoneFindings(['cognitiveServices', 'openAi', 'aiServices'])).toEqual([]);
    expect(zoneFindings(['cognitiveServices'])).toEqual(['foundry']);
    expect(zoneFindings()).toEqual(['foundry']);
  });

  it('a finding that no applicable ID counts is reported, not dropped in silence', () => {
    const outbound = finding('subnet-default-outbound', 'vnet: subnet snet-b keeps default outbound access');
    const found = (entries: [CheckedId, ReturnType<typeof finding>[]][]) => uncounted(new Map(entries));
    // NET-12's check came across it; NET-07 applies but did not look there.
    expect(
      found([
        ['NET-12', [outbound]],
        ['NET-07', []],
      ]),
    ).toEqual([outbound]);
    expect(
      found([
        ['NET-12', [outbound]],
        ['NET-07', [outbound]],
      ]),
    ).toEqual([]);
    // NET-07 does not apply (no ID of the finding does): nothing to count it against.
    expect(found([['NET-12', [outbound]]])).toEqual([]);
  });
});

it('SARIF: a result per problem, pointing at its rule, with a location', () => {
  const report = {
    ok: false,
    target: '.',
    choices: '',
    generatorVersion: '9.9.9',
    generatedBy: '9.9.9',
    compiler: 'bicep',
    environments: ['dev'],
    warnings: [],
    results: [
      {
        id: 'NET-01',
        title: 't',
        status: 'fail',
        evidence: [],
        problems: ['a: x', 'b: y'],
        locations: [
          { file: 'infra/main.bicep', line: 3 },
          { file: 'infra/modules/b.bicep', line: 9 },
        ],
      },
      { id: 'NET-02', title: 't', status: 'pass', evidence: [], problems: [], locations: [] },
    ],
  } as unknown as ValidationReport;
  const sarif = sarifOf(report) as {
    runs: {
      tool: { driver: { version: string; rules: { id: string }[] } };
      results: { ruleId: string; ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[];
    }[];
  };
  const [run] = sarif.runs;
  expect(run!.tool.driver.version).toBe('9.9.9');
  expect(
    run!.results.map((result) => [
      result.ruleId,
      run!.tool.driver.rules[result.ruleIndex]!.id,
      result.locations[0]!.physicalLocation.artifactLocation.uri,
      result.locations[0]!.physicalLocation.region.startLine,
    ]),
  ).toEqual([
    ['NET-01', 'NET-01', 'infra/main.bicep', 3],
    ['NET-01', 'NET-01', 'infra/modules/b.bicep', 9],
  ]);
  // A landing zone in a folder of a larger repository: paths from the repository's root.
  const nested = sarifOf(report, { pathInRepository: 'platform/ai/' }) as typeof sarif;
  expect(nested.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('platform/ai/infra/main.bicep');
});

describe('model versions against their lifecycle (read from the built parameters, so a hand edit is judged)', () => {
  const deploying = (model: string, version: string) => ({
    modelDeployments: { value: [{ name: 'chat', model, format: 'OpenAI', version, skuName: 'GlobalStandard', capacity: 10 }] },
  });

  it('a retired version fails SEC-03 naming the parameter file, the retirement date and the replacement', () => {
    const found = modelLifecycleFindings({ dev: deploying('gpt-5.5', '2026-04-24'), prod: deploying('gpt-4o', '2024-11-20') }, RELEASE_DATE);
    expect(messagesOf(found)).toEqual([
      'infra/params/prod.bicepparam: model deployment chat (gpt-4o 2024-11-20) was retired on 2026-10-01 and returns errors; use gpt-5.5 (Microsoft names gpt-5.1, itself deprecated since 2026-11-13)',
    ]);
    expect(found.map(guidanceIdsOf)).toEqual([['SEC-03']]);
  });

  it('a deprecated version is a finding of its own; a version the catalogue does not know, or one still available, is none', () => {
    expect(modelLifecycleFindings({ dev: deploying('gpt-5', '2025-08-07') }, RELEASE_DATE).map((found) => found.code)).toEqual(['model-version-deprecated']);
    expect(modelLifecycleFindings({ dev: deploying('gpt-5', '2025-08-07') }, '2026-08-06')).toEqual([]);
    expect(modelLifecycleFindings({ dev: deploying('my-fine-tune', '1') }, RELEASE_DATE)).toEqual([]);
    expect(modelLifecycleFindings({ dev: {} }, RELEASE_DATE)).toEqual([]);
  });
});
