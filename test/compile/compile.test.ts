import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join, posix, relative } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { PartialAnswers } from '../../src/answers/schema.js';
import { serializeBicepParams } from '../../src/render/bicepparam.js';
import { criticalPath } from '../../src/validate/critical-path.js';
import { describeDiagnostics, runBicep } from '../compiler/bicep.js';
import { withCompilers } from '../compiler/server-pool.js';
import { type BicepServer, diagnosticLine } from '../../src/validate/bicep-server.js';
import { writeTree } from '../../src/fs/write.js';
import { tempDir } from '../helpers/cli.js';
import {
  apiManagementFindings,
  edgeFindings,
  jumpboxFindings,
  publicEndpointFindings,
  regionalNetworkFindings,
  vpnFindings,
} from '../../src/validate/doors.js';
import { type ArmTemplate, allResources, deploymentsDeclaring } from '../../src/validate/arm.js';
import { firewallFindings, nsgFindings, peeringFindings, routeTableFindings, zoneLinkFindings } from '../../src/validate/network-checks.js';
import { optionMatrix, platformMatrix, renderScenario, scenarioAnswers, SCENARIOS } from '../scenarios.js';
import { defaultMatrix } from '../matrix.js';
import { platformFindings } from '../../src/validate/platform.js';
import { CHECKED_IDS, checkConformance } from '../../src/validate/conformance.js';
import { buildModel } from '../../src/model.js';
import { readCompiled } from './compiled.js';
import { messagesOf } from '../../src/validate/findings.js';
import { aiPlatformOf } from '../../src/ai/platform.js';
import { RELEASE_DATE } from '../../src/ai/model-lifecycle.js';

/** The messages of a check's findings: what these tests compare. */
const apiManagementProblems = (...args: Parameters<typeof apiManagementFindings>) => messagesOf(apiManagementFindings(...args));
const edgeProblems = (...args: Parameters<typeof edgeFindings>) => messagesOf(edgeFindings(...args));
const jumpboxProblems = (...args: Parameters<typeof jumpboxFindings>) => messagesOf(jumpboxFindings(...args));
const publicEndpointProblems = (...args: Parameters<typeof publicEndpointFindings>) => messagesOf(publicEndpointFindings(...args));
const regionalNetworkProblems = (...args: Parameters<typeof regionalNetworkFindings>) => messagesOf(regionalNetworkFindings(...args));
const vpnProblems = (...args: Parameters<typeof vpnFindings>) => messagesOf(vpnFindings(...args));
const firewallProblems = (...args: Parameters<typeof firewallFindings>) => messagesOf(firewallFindings(...args));
const nsgProblems = (...args: Parameters<typeof nsgFindings>) => messagesOf(nsgFindings(...args));
const peeringProblems = (...args: Parameters<typeof peeringFindings>) => messagesOf(peeringFindings(...args));
const routeTableProblems = (...args: Parameters<typeof routeTableFindings>) => messagesOf(routeTableFindings(...args));
const zoneLinkProblems = (...args: Parameters<typeof zoneLinkFindings>) => messagesOf(zoneLinkFindings(...args));
const platformProblems = (...args: Parameters<typeof platformFindings>) => messagesOf(platformFindings(...args));

/**
 * The output is the product: every scenario's repository goes through the real Bicep compiler —
 * main.bicep with every module it calls (the linter included), the parameters of every environment, the
 * formatting of every file — with zero errors and zero warnings under the strict bicepconfig.json it ships.
 * A few long-lived compilers (`bicep jsonrpc`) serve all the scenarios, because every start of the compiler
 * costs seconds; test/repository/scripts.test.ts runs the CLI commands of the generated scripts/build.sh.
 */
const bicep = inject('bicepPath');
/**
 * The named scenarios (also snapshotted), the network and platform matrices, and the covering subset of the
 * whole option matrix with its smallest and largest configurations: every one goes through the compiler.
 */
const COMPILED: Readonly<Record<string, PartialAnswers>> = {
  ...SCENARIOS,
  ...optionMatrix(['none', 'apim', 'apim-appgw', 'apim-frontdoor']),
  ...platformMatrix(),
  ...defaultMatrix(),
  // API Management's further regions in a single VNet: their peerings need the peering module, which once came only with a hub.
  'single-vnet-apim-regions': {
    name: 'sv',
    location: 'swedencentral',
    topology: 'single-vnet',
    firewall: false,
    jumpbox: false,
    gateway: 'apim',
    publisherEmail: 'platform@contoso.com',
    apimRegions: ['westeurope'],
  },
};
const NAMES = Object.keys(COMPILED);
const environmentsOf = (name: string) => COMPILED[name]!.environments ?? ['dev', 'prod'];
const answersOf = (name: string) => scenarioAnswers(COMPILED[name]!);
/** The jumpbox password is read from the environment when the parameter files are built; never from a file. */
const DEPLOY_ENVIRONMENT = { JUMPBOX_ADMIN_PASSWORD: 'not-a-real-Passw0rd' };
const ROUND_TRIP = 'o\'brien ${x} \\ "q"\nline\ttab ${{ github.sha }}';

/** What the compiler said of one repository. */
interface Verdict {
  /** Every error and warning (the linter's included), as `file(line,column) : Level code: message`. */
  readonly findings: readonly string[];
  /** The Bicep files `bicep format` would write otherwise. */
  readonly unformatted: readonly string[];
}

describe.skipIf(!bicep)('the generated Bicep compiles cleanly with the real compiler', () => {
  let root: string;
  const rendered = new Map<string, ReadonlyMap<string, string>>();
  const verdicts = new Map<string, Verdict>();

  beforeAll(async () => {
    root = await tempDir('sail-compile-');
    for (const [name, answers] of Object.entries(COMPILED)) {
      const tree = await renderScenario(answers);
      rendered.set(name, tree);
      await writeTree(join(root, name), tree);
    }
    // A parameter file whose value needs every escape: Bicep must read back exactly the same text.
    const roundTrip = new Map([
      ['infra/main.bicep', "@description('Any text.')\nparam label string\n\n@description('The text, unchanged.')\noutput label string = label\n"],
      ['infra/params/x.bicepparam', serializeBicepParams('../main.bicep', [{ name: 'label', value: ROUND_TRIP, comment: 'Tricky.' }])],
    ]);
    await writeTree(join(root, 'round-trip'), roundTrip);
    rendered.set('round-trip', roundTrip);
    // Compiling main.bicep compiles and lints every module it calls, and every generated module is called (a test below).
    const verdictList = await withCompilers(
      bicep,
      [...rendered.keys()].map((name) => (server: BicepServer) => judge(server, join(root, name), rendered.get(name)!)),
      { cwd: root, env: DEPLOY_ENVIRONMENT },
    );
    [...rendered.keys()].forEach((name, index) => verdicts.set(name, verdictList[index]!));
  });

  /**
   * The compiler's answer for one input, asked once: when this was written, 127 configurations held 97 distinct
   * templates, 215 distinct template-and-parameters pairs of 255 and 309 distinct Bicep files of 2,609, and the
   * compiler answers the same input the same way. Keyed by the content (the shipped bicepconfig.json included);
   * the first repository to ask is the one compiled.
   */
  const answers = new Map<string, Promise<{ readonly result: unknown; readonly dir: string }>>();
  function askOnce<T>(key: string, dir: string, ask: () => Promise<T>): Promise<{ readonly result: T; readonly dir: string }> {
    if (!answers.has(key))
      answers.set(
        key,
        ask().then((result) => ({ result, dir })),
      );
    return answers.get(key)! as Promise<{ readonly result: T; readonly dir: string }>;
  }
  const hashOf = (...parts: readonly string[]) => parts.reduce((hash, part) => hash.update(part).update('\0'), createHash('sha256')).digest('hex');

  /**
   * Compiles every environment's parameters with the template they use (`bicep/compileParams` reports the
   * template's, its modules' and the linter's diagnostics too), writing main.json and params/<env>.json where
   * `bicep build` and `bicep build-params` write them (the tests below read them), and formats every Bicep file.
   */
  async function judge(server: BicepServer, dir: string, tree: ReadonlyMap<string, string>): Promise<Verdict> {
    const paths = [...tree.keys()];
    const template = hashOf(...paths.filter((path) => /\.bicep$|^bicepconfig\.json$/.test(path)).flatMap((path) => [path, tree.get(path)!]));
    // Asked all at once: the server compiles its requests side by side on .NET's thread pool, so every core works.
    const [compiled, formatted] = await Promise.all([
      Promise.all(
        paths
          .filter((path) => path.endsWith('.bicepparam'))
          .map(async (path) => ({
            path,
            ...(await askOnce(hashOf('compile', template, path, tree.get(path)!), dir, () => server.compileParams(join(dir, path)))),
          })),
      ),
      Promise.all(
        paths
          .filter((path) => /\.bicep(param)?$/.test(path))
          .map(async (path) => ({ path, text: (await askOnce(hashOf('format', tree.get(path)!), dir, () => server.format(join(dir, path)))).result })),
      ),
    ]);
    const findings = new Set<string>();
    for (const { path, result, dir: asked } of compiled) {
      // Named as in this repository, whichever repository the compiler was asked for.
      for (const diagnostic of result.diagnostics) if (diagnostic.level !== 'Info') findings.add(join(relative(root, dir), diagnosticLine(diagnostic, asked)));
      if (!result.success || result.parameters === undefined || result.template === undefined)
        findings.add(`${relative(root, join(dir, path))}: does not compile`);
      else {
        await writeFile(join(dir, path.replace(/\.bicepparam$/, '.json')), result.parameters);
        // Every parameter file here uses '../main.bicep'.
        await writeFile(join(dir, 'infra/main.json'), result.template);
      }
    }
    return { findings: [...findings], unformatted: formatted.filter(({ path, text }) => text !== tree.get(path)).map(({ path }) => path) };
  }

  it.each(NAMES)('%s: main.bicep with every module, and the parameters of every environment, compile: no errors, no warnings (the linter included)', (name) => {
    expect(verdicts.get(name)!.findings).toEqual([]);
  });

  it.each(NAMES)('%s: classic ARM JSON (no languageVersion 2.0), parameters resolved for every environment', async (name) => {
    const template = JSON.parse(await readFile(join(root, name, 'infra/main.json'), 'utf8'));
    expect(template.languageVersion).toBeUndefined();
    expect(template.$schema).toContain('subscriptionDeploymentTemplate.json');
    for (const environment of environmentsOf(name)) {
      const params = JSON.parse(await readFile(join(root, name, `infra/params/${environment}.json`), 'utf8'));
      expect(params.parameters.environmentName.value).toBe(environment);
      const required = Object.keys(template.parameters).filter((key) => template.parameters[key].defaultValue === undefined);
      expect(Object.keys(params.parameters)).toEqual(expect.arrayContaining(required));
    }
  });

  it.each(NAMES)('%s: exactly the AI resources the choices call for, no second account where one already serves', async (name) => {
    const template = JSON.parse(await readFile(join(root, name, 'infra/main.json'), 'utf8'));
    const platform = aiPlatformOf(answersOf(name));
    const count = (type: string) => allResources(template).filter((resource) => resource.type === type).length;
    expect(count('Microsoft.CognitiveServices/accounts')).toBe(
      [platform.foundryProject, platform.aiServicesAccount, platform.openAiAccount].filter(Boolean).length,
    );
    expect(count('Microsoft.Search/searchServices')).toBe(platform.search ? 1 : 0);
    expect(count('Microsoft.MachineLearningServices/workspaces')).toBe((platform.foundryHub ? 2 : 0) + (platform.machineLearning ? 1 : 0));
    expect(count('Microsoft.ContainerRegistry/registries')).toBe(platform.containerRegistry ? 1 : 0);
  });

  // Ranges, subnets, NSGs, routes, the firewall, the platform's lock-down, DNS, peerings and the doors: each a check of validate's.
  it.each(NAMES)('%s: validate passes: every IaC recommendation that applies holds in the compiled JSON, for every environment', async (name) => {
    const compiled = await readCompiled(join(root, name));
    expect(Object.keys(compiled.environments)).toEqual([...environmentsOf(name)].sort());
    const results = checkConformance(compiled, buildModel(answersOf(name)), RELEASE_DATE);
    expect(results.filter((result) => result.status === 'fail').map((result) => `${result.id}: ${result.problems.join('; ')}`)).toEqual([]);
    // The IaC IDs of the catalogue, all and only those, are judged: checked or turned off by an answer.
    expect(results.map((result) => result.id)).toEqual(CHECKED_IDS);
  });

  it.each(NAMES)('%s: DNS zones and peerings, doors and gateways exactly where the choices put them', async (name) => {
    const template = JSON.parse(await readFile(join(root, name, 'infra/main.json'), 'utf8'));
    const answers = answersOf(name);
    // The private endpoints' zones (an existing hub brings its own), and API Management's per-host zones (always here).
    expect(deploymentsDeclaring(template, 'Microsoft.Network/privateDnsZones').length).toBe(
      (answers.topology === 'existing-hub' ? 0 : 1) + (answers.gateway === 'none' ? 0 : 1),
    );
    // Peerings to a hub, and to API Management's further regions.
    expect(JSON.stringify(template).includes('virtualNetworkPeerings')).toBe(answers.topology !== 'single-vnet' || answers.apimRegions.length > 0);
    expect(template.parameters.apiManagementRegions !== undefined).toBe(answers.apimRegions.length > 0);
    const present = (type: string) => allResources(template).some((resource) => resource.type === type);
    expect(present('Microsoft.Compute/virtualMachines')).toBe(answers.jumpbox);
    expect(present('Microsoft.Network/virtualNetworkGateways')).toBe(answers.vpn === 'p2s');
    expect(present('Microsoft.ApiManagement/service')).toBe(answers.gateway !== 'none');
    expect(present('Microsoft.Network/applicationGateways')).toBe(answers.gateway === 'apim-appgw' || answers.gateway === 'apim-frontdoor');
    expect(present('Microsoft.Cdn/profiles')).toBe(answers.gateway === 'apim-frontdoor');
  });

  it('the door checks catch a tampered template', async () => {
    const template = JSON.parse(await readFile(join(root, 'hub-spoke-app-gateway', 'infra/main.json'), 'utf8'));
    const modules = template.resources;
    const module = (name: string) => modules.find((resource: { name: string }) => resource.name === name).properties.template;
    // A module whose Bicep uses newer features compiles to languageVersion 2.0, where resources are an object by symbolic name.
    const find = (inner: { resources: { type: string }[] | Record<string, { type: string }> }, type: string) =>
      Object.values(inner.resources).find((resource) => resource.type === type) as { properties: Record<string, unknown> } & { type: string };
    find(module('jumpbox'), 'Microsoft.Network/networkInterfaces').properties.ipConfigurations = [{ properties: { publicIPAddress: { id: 'pip' } } }];
    expect(jumpboxProblems(template)).toEqual([expect.stringMatching(/: the jumpbox's network interface has a public IP$/)]);
    (
      find(module('vpn-gateway'), 'Microsoft.Network/virtualNetworkGateways').properties.vpnClientConfiguration as Record<string, unknown>
    ).vpnAuthenticationTypes = ['Certificate'];
    expect(vpnProblems(template)).toEqual(['the VPN authentication is ["Certificate"], not Microsoft Entra ID alone']);
    const apim = module('api-management');
    find(apim, 'Microsoft.ApiManagement/service').properties.virtualNetworkType = 'External';
    const variable = Object.keys(apim.variables).find((key) => String(apim.variables[key]).includes('<validate-azure-ad-token'))!;
    apim.variables[variable] = apim.variables[variable]
      .replace(/<validate-azure-ad-token[\s\S]*?<\/validate-azure-ad-token>/, '')
      .replace('<backend>\n    <base />', '<backend>');
    expect(apiManagementProblems(template)).toEqual([
      'api-management: Microsoft.ApiManagement/service is not in internal mode',
      "api-management: the model API's policy lacks <validate-azure-ad-token (SEC-05)",
      "api-management: the model API's policy does not start <backend> with <base />",
    ]);
    // SEC-05: the gateway's identity may call the models, nothing more.
    modules.find((resource: { name: string }) => resource.name === 'api-management-model-access').properties.parameters.roleDefinitionId.value =
      'b24988ac-6180-42a0-ab88-20f7382dd24c';
    expect(apiManagementProblems(template)).toContain(
      "api-management-model-access: the gateway's managed identity holds role b24988ac-6180-42a0-ab88-20f7382dd24c, more than calling the models needs (SEC-05)",
    );
    const apimDeployment = modules.find((resource: { name: string }) => resource.name === 'api-management');
    delete apimDeployment.properties.parameters.additionalLocations;
    expect(apiManagementProblems(template)).toContain('api-management: API Management does not run in the further regions of apiManagementRegions (NET-14)');
    const peering = modules.find((resource: { name: string }) => resource.name.includes('peering-workload-to-apim-'));
    delete peering.copy.batchSize;
    expect(regionalNetworkProblems(template)).toEqual(['the peerings from the workload to the regions are not made one at a time']);
    const waf = find(module('application-gateway'), 'Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies');
    (waf.properties.policySettings as Record<string, unknown>).mode = 'Detection';
    const gateway = find(module('application-gateway'), 'Microsoft.Network/applicationGateways');
    for (const rule of gateway.properties.requestRoutingRules as { properties: Record<string, unknown> }[]) delete rule.properties.redirectConfiguration;
    expect(edgeProblems(template, 'apim-frontdoor')).toEqual(expect.arrayContaining(['expected one Microsoft.Cdn/profiles/securityPolicies']));
    expect(edgeProblems(template, 'apim-appgw')).toEqual(
      expect.arrayContaining([
        'the Application Gateway WAF is not enabled in prevention mode',
        expect.stringMatching(/HTTP listener .* is not redirected to HTTPS/),
      ]),
    );
    find(module('foundry'), 'Microsoft.CognitiveServices/accounts').properties.publicNetworkAccess = 'Enabled';
    find(module('key-vault'), 'Microsoft.KeyVault/vaults').type = 'Microsoft.Network/publicIPAddresses';
    delete find(module('storage'), 'Microsoft.Storage/storageAccounts').properties.publicNetworkAccess;
    expect(publicEndpointProblems(template)).toEqual([
      'foundry: Microsoft.CognitiveServices/accounts has public network access "Enabled"',
      'key-vault: Microsoft.Network/publicIPAddresses is a public endpoint outside the doors',
      'storage: Microsoft.Storage/storageAccounts has public network access "unset (Enabled)"',
    ]);
  });

  it('the platform checks catch a tampered hub-based template', async () => {
    const template = JSON.parse(await readFile(join(root, 'platform-hub-openai-ml-aiservices-search', 'infra/main.json'), 'utf8'));
    expect(platformProblems(template)).toEqual([]);
    const byName = (name: string) => template.resources.find((resource: { name: string }) => resource.name === name);
    const inner = (name: string, type: string) => byName(name).properties.template.resources.find((resource: { type: string }) => resource.type === type);
    const hub = byName('foundry-hub').properties.template.resources.find((resource: { kind?: string }) => resource.kind === 'Hub');
    hub.properties.managedNetwork.isolationMode = 'AllowInternetOutbound';
    delete hub.properties.provisionNetworkNow;
    inner('search', 'Microsoft.Search/searchServices').properties.disableLocalAuth = false;
    template.resources = template.resources.filter((resource: { name: string }) => resource.name !== 'pe-container-registry');
    byName('pe-ai-services').properties.parameters.privateDnsZoneResourceIds.value.splice(1, 1);
    // NET-02: endpoints only in their dedicated subnet.
    byName('pe-search').properties.parameters.subnetResourceId.value =
      "[resourceId('Microsoft.Network/virtualNetworks/subnets', variables('names').virtualNetwork, 'snet-jumpbox')]";
    const keyVault = byName('key-vault').properties.template;
    keyVault.resources = keyVault.resources.filter((resource: { type: string }) => resource.type !== 'Microsoft.Insights/diagnosticSettings');
    expect(platformProblems(template)).toEqual([
      'ai-services: Microsoft.CognitiveServices/accounts: the account endpoint registers in ["cognitiveServices","aiServices"], not ["cognitiveServices","openAi","aiServices"] (NET-03)',
      'container-registry: Microsoft.ContainerRegistry/registries: no private endpoint for registry (NET-02)',
      'search: Microsoft.Search/searchServices: API keys are not disabled (SEC-06) (disableLocalAuth is false)',
      'search: Microsoft.Search/searchServices: the searchService endpoint is not in the dedicated subnet snet-private-endpoints (NET-02)',
      'foundry-hub: Microsoft.MachineLearningServices/workspaces: the managed network does not allow only approved outbound traffic (NET-07, FDY-03) (managedNetwork.isolationMode is "AllowInternetOutbound")',
      'foundry-hub: Microsoft.MachineLearningServices/workspaces: the managed network is not provisioned at deployment (NET-07, FDY-03) (provisionNetworkNow is undefined)',
      'key-vault: Microsoft.KeyVault/vaults: no diagnostic settings to Log Analytics (SEC-11)',
    ]);
  });

  it('the network checks catch a tampered hub-spoke template', async () => {
    const template = JSON.parse(await readFile(join(root, 'hub-spoke-access', 'infra/main.json'), 'utf8'));
    const byName = (name: string) => template.resources.find((resource: { name: string }) => resource.name === name);
    const expected = { hub: 'own', gateway: true, forwarding: true } as const;
    expect(peeringProblems(template, expected)).toEqual([]);
    byName('private-dns-zones').properties.parameters.virtualNetworkResourceIds.value.splice(0, 1);
    expect(zoneLinkProblems(template)).toEqual(['zone private-dns-zones is not linked to the VNet of hub-virtual-network']);
    const spoke = byName('peering-spoke-to-hub');
    spoke.dependsOn = spoke.dependsOn.filter((id: string) => !id.includes("'peering-hub-to-spoke'"));
    spoke.properties.parameters.allowGatewayTransit = { value: true };
    expect(peeringProblems(template, expected)).toEqual([
      'peering-spoke-to-hub: allowGatewayTransit is true, expected false',
      "peering-spoke-to-hub: does not wait for the hub's side, so asking for remote gateways fails",
    ]);
    expect(peeringProblems(template, { ...expected, gateway: false })).toEqual([
      'peering-spoke-to-hub: allowGatewayTransit is true, expected false',
      'peering-hub-to-spoke: asks for a gateway, but the hub has none',
      'peering-spoke-to-hub: asks for a gateway, but the hub has none',
    ]);
    const hub = byName('peering-hub-to-spoke');
    hub.dependsOn = hub.dependsOn.filter((id: string) => !id.includes("'vpn-gateway'"));
    expect(peeringProblems(template, expected)).toContain('peering-hub-to-spoke: does not wait for the VPN gateway');
    const swapped = structuredClone(template);
    [swapped.variables.hubVirtualNetworkResourceId, swapped.variables.spokeVirtualNetworkResourceId] = [
      swapped.variables.spokeVirtualNetworkResourceId,
      swapped.variables.hubVirtualNetworkResourceId,
    ];
    expect(peeringProblems(swapped, expected)).toContain('no peering from the hub to the spoke');
    expect(peeringProblems(swapped, expected)).toContain('no peering from the spoke to the hub');
    template.resources = template.resources.filter((resource: { name: string }) => resource.name !== 'peering-hub-to-spoke');
    expect(peeringProblems(template, { ...expected, forwarding: false })).toEqual(
      expect.arrayContaining([
        'no peering from the hub to the spoke',
        'the hub does not lend its VPN gateway to the spoke',
        'peering-spoke-to-hub: forwarded traffic is allowed, but nothing forwards traffic',
      ]),
    );
  });

  it('the subnet checks catch tampered routes and rules', async () => {
    const template = JSON.parse(await readFile(join(root, 'single-vnet-access', 'infra/main.json'), 'utf8'));
    expect(routeTableProblems(template, true)).toEqual([]);
    expect(nsgProblems(template)).toEqual([]);
    const subnets = template.resources.find((resource: { name: string }) => resource.name === 'virtual-network').properties.parameters.subnets.value;
    // An item is the subnet itself, or (when it needs no module output) a reference to a variable holding it.
    const declared = subnets.map((item: unknown) => (typeof item === 'string' ? template.variables[/variables\('(\w+)'\)/.exec(item)![1]!] : item));
    const subnet = (name: string) => declared.find((candidate: { name: string }) => candidate.name === name);
    delete subnet('snet-private-endpoints').routeTableResourceId;
    subnet('AzureBastionSubnet').routeTableResourceId = 'rt';
    expect(routeTableProblems(template, true)).toEqual([
      'virtual-network: snet-private-endpoints does not route its egress through the firewall',
      'virtual-network: AzureBastionSubnet must not take a route table',
    ]);
    const jumpbox = subnet('snet-jumpbox');
    subnet('snet-private-endpoints').securityRules[0].properties.sourceAddressPrefixes = ['*'];
    jumpbox.securityRules = jumpbox.securityRules.filter((rule: unknown) => rule !== "[variables('denyLateralMovementRule')]");
    template.variables.denyInboundRule.properties.access = 'Allow';
    jumpbox.securityRules[0].properties.sourceAddressPrefix = 'VirtualNetwork';
    expect(nsgProblems(template)).toEqual(
      expect.arrayContaining([
        'virtual-network: snet-private-endpoints does not end its inbound rules with a deny-all',
        'virtual-network: snet-private-endpoints: allow-https-smb-from-clients-inbound allows inbound traffic from any source (*)',
        'virtual-network: snet-jumpbox does not deny SSH and RDP into the network',
        "virtual-network: snet-jumpbox: allow-rdp-from-bastion-inbound admits RDP or SSH from VirtualNetwork, not only from Bastion's subnet",
      ]),
    );
  });

  it('the doors forward only the model API, and the Front Door WAF guards the custom domain too (NET-09)', async () => {
    const read = async (name: string) => JSON.parse(await readFile(join(root, name, 'infra/main.json'), 'utf8'));
    const frontDoor = await read('single-vnet-front-door');
    expect(edgeProblems(frontDoor, 'apim-frontdoor')).toEqual([]);
    const resources = (template: ArmTemplate, type: string) =>
      allResources(template).filter((resource) => resource.type === type) as unknown as { properties: Record<string, any> }[];
    const policy = resources(frontDoor, 'Microsoft.Cdn/profiles/securityPolicies')[0]!;
    policy.properties.parameters.associations[0].domains.pop();
    resources(frontDoor, 'Microsoft.Cdn/profiles/afdEndpoints/routes')[0]!.properties.patternsToMatch = ['/*'];
    expect(edgeProblems(frontDoor, 'apim-frontdoor')).toEqual([
      "the Front Door WAF does not guard every custom domain (the security policy's domains)",
      'a Front Door route forwards every path, not only the model API',
    ]);
    const applicationGateway = await read('hub-spoke-app-gateway');
    expect(edgeProblems(applicationGateway, 'apim-appgw')).toEqual([]);
    resources(applicationGateway, 'Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies')[0]!.properties.customRules = [];
    expect(edgeProblems(applicationGateway, 'apim-appgw')).toEqual(['the Application Gateway WAF does not block paths outside the model API']);
  });

  it("API Management's further regions leave through the hub's firewall: a route table each, and peerings with the hub (NET-07, NET-14)", async () => {
    const template = JSON.parse(await readFile(join(root, 'hub-spoke-app-gateway', 'infra/main.json'), 'utf8'));
    expect(routeTableProblems(template, true)).toEqual([]);
    expect(regionalNetworkProblems(template, { firewallInHub: true })).toEqual([]);
    const regional = template.resources.find((resource: { name: string }) => resource.name.startsWith("[format('apim-virtual-network-"));
    delete regional.properties.parameters.subnets.value[0].routeTableResourceId;
    expect(routeTableProblems(template, true)).toEqual([expect.stringMatching(/: snet-apim does not route its egress through the firewall$/)]);
    template.resources = template.resources.filter((resource: { name: string }) => !resource.name.includes('peering-hub-to-apim-'));
    expect(regionalNetworkProblems(template, { firewallInHub: true })).toEqual(['no peering from the hub to the regions']);
  });

  it('building the parameters without JUMPBOX_ADMIN_PASSWORD fails and names the variable', async () => {
    const run = await runBicep(bicep, ['build-params', join(root, 'single-vnet-access/infra/params/dev.bicepparam'), '--stdout'], root, {}, { inherit: false });
    expect(run.exitCode).not.toBe(0);
    expect(describeDiagnostics(run.diagnostics)).toContain('JUMPBOX_ADMIN_PASSWORD');
    // One cold start of the compiler: over vitest's 20 s default on a busy 2-core machine.
  }, 120_000);

  it("hub-spoke-app-gateway: the critical path is the VPN gateway, then API Management (which waits for the hub's DNS)", async () => {
    const template = JSON.parse(await readFile(join(root, 'hub-spoke-app-gateway', 'infra/main.json'), 'utf8'));
    const path = criticalPath(template);
    const steps = path.chain.join(' | ');
    expect(steps).toMatch(/vpn-gateway > Microsoft\.Network\/virtualNetworkGateways.*peering-spoke-to-hub.*api-management > Microsoft\.ApiManagement\/service/);
    expect(path.slowest).toEqual({ name: 'vpn-gateway > Microsoft.Network/virtualNetworkGateways', minutes: 45 });
    expect(path.minutes).toBeGreaterThan(85);
  });

  it('the firewall checks catch API Management bypassing or blocked by the firewall', async () => {
    const template = JSON.parse(await readFile(join(root, 'hub-spoke-app-gateway', 'infra/main.json'), 'utf8'));
    expect(firewallProblems(template, { apiManagement: true })).toEqual([]);
    const groups = allResources(template).filter((resource) => resource.type === 'Microsoft.Network/firewallPolicies/ruleCollectionGroups') as unknown as {
      properties: { ruleCollections: { name: string }[] };
    }[];
    for (const group of groups)
      group.properties.ruleCollections = group.properties.ruleCollections.filter((collection) => collection.name !== 'allow-api-management-platform');
    // The route table's routes are a variable of its module (the VPN clients' routes are added to it by concat).
    const routeTable = allResources(template).find((resource) => resource.properties?.template?.variables?.firewallRoutes) as unknown as {
      properties: { template: { variables: { firewallRoutes: { name: string }[] } } };
    };
    const { variables } = routeTable.properties.template;
    variables.firewallRoutes = variables.firewallRoutes.filter((route) => route.name !== 'api-management-control-plane');
    expect(firewallProblems(template, { apiManagement: true })).toEqual([
      ...['Storage', 'Sql', 'AzureKeyVault', 'AzureMonitor'].map((tag) => `the firewall does not let API Management reach ${tag}`),
      "no route returns API Management's control plane directly",
    ]);
  });

  it('the firewall checks catch a tampered template', async () => {
    const template = JSON.parse(await readFile(join(root, 'hub-spoke-firewall', 'infra/main.json'), 'utf8'));
    const policy = allResources(template).find((resource) => resource.type === 'Microsoft.Network/firewallPolicies')! as unknown as {
      properties: Record<string, unknown>;
    };
    policy.properties.threatIntelMode = 'Alert';
    policy.properties.dnsSettings = { enableProxy: false };
    const workload = template.resources.find((resource: { name: string }) => resource.name === 'virtual-network');
    workload.properties.parameters.dnsServers = { value: [] };
    expect(firewallProblems(template)).toEqual([
      'the firewall policy does not deny threat-intelligence hits',
      'the firewall policy is not the DNS proxy',
      'the workload VNet does not use the firewall for DNS',
    ]);
  });

  // What lets the lint run above take main.bicep alone: linting it lints every module it calls, and it calls them all.
  it.each(NAMES)('%s: every generated module is called by main.bicep or by a module it calls', (name) => {
    const tree = rendered.get(name)!;
    const bicepFiles = [...tree.keys()].filter((path) => path.endsWith('.bicep'));
    const calls = (from: string, to: string) => tree.get(from)!.includes(`module `) && tree.get(from)!.includes(`'${posix.relative(posix.dirname(from), to)}'`);
    for (const module of bicepFiles.filter((path) => path.startsWith('infra/modules/'))) {
      expect(
        bicepFiles.some((caller) => caller !== module && calls(caller, module)),
        module,
      ).toBe(true);
    }
  });

  it.each(NAMES)('%s: every file is exactly as `bicep format` writes it', (name) => {
    expect(verdicts.get(name)!.unformatted).toEqual([]);
  });

  it('a .bicepparam value with quotes, backslashes, ${…} and newlines reads back unchanged', async () => {
    expect(verdicts.get('round-trip')!.findings).toEqual([]);
    const params = JSON.parse(await readFile(join(root, 'round-trip/infra/params/x.json'), 'utf8'));
    expect(params.parameters.label.value).toBe(ROUND_TRIP);
  });
});
