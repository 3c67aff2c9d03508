import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { serializeBicepParams } from '../../src/render/bicepparam.js';
import { type BicepRun, describeDiagnostics, runBicep } from '../compiler/bicep.js';
import { tempDir } from '../helpers/cli.js';
import { allResources, deploymentsDeclaring, firewallProblems, peeringProblems, rangeProblems, routeTableProblems, subnetProblems, zoneLinkProblems } from './arm.js';
import { renderScenario, scenarioAnswers, SCENARIOS } from '../scenarios.js';

/**
 * The output is the product: every scenario's repository goes through the real Bicep compiler —
 * build, build-params for every environment, lint of every file — with zero errors and zero
 * warnings under the strict bicepconfig.json it ships. Each command runs once over all scenarios
 * (`--pattern`), because every start of the compiler costs seconds.
 */
const bicep = inject('bicepPath');
const environmentsOf = (name: string) => SCENARIOS[name]!.environments ?? ['dev', 'prod'];
const ROUND_TRIP = "o'brien ${x} \\ \"q\"\nline\ttab ${{ github.sha }}";

interface Runs { build: BicepRun; buildParams: BicepRun; lint: BicepRun; format: BicepRun }

describe.skipIf(!bicep)('the generated Bicep compiles cleanly with the real compiler', () => {
  let root: string;
  let runs: Runs;
  const rendered = new Map<string, ReadonlyMap<string, string>>();

  beforeAll(async () => {
    root = await tempDir('sail-compile-');
    for (const [name, answers] of Object.entries(SCENARIOS)) {
      const tree = await renderScenario(answers);
      rendered.set(name, tree);
      for (const [path, content] of tree) {
        await mkdir(dirname(join(root, name, path)), { recursive: true });
        await writeFile(join(root, name, path), content);
      }
    }
    // A parameter file whose value needs every escape: Bicep must read back exactly the same text.
    await mkdir(join(root, 'round-trip/infra/params'), { recursive: true });
    await writeFile(join(root, 'round-trip/infra/main.bicep'), "@description('Any text.')\nparam label string\n\n@description('The text, unchanged.')\noutput label string = label\n");
    await writeFile(join(root, 'round-trip/infra/params/x.bicepparam'), serializeBicepParams('../main.bicep', [{ name: 'label', value: ROUND_TRIP, comment: 'Tricky.' }]));
    runs = {
      build: await runBicep(bicep, ['build', '--pattern', '*/infra/main.bicep'], root),
      buildParams: await runBicep(bicep, ['build-params', '--pattern', '*/infra/params/*.bicepparam'], root),
      lint: await runBicep(bicep, ['lint', '--pattern', '*/infra/**/*.bicep*'], root),
      format: await runBicep(bicep, ['format', '--pattern', '*/infra/**/*.bicep*'], root),
    };
  });

  it.each(['build', 'buildParams', 'lint', 'format'] as const)('bicep %s: exit 0, no errors, no warnings', (command) => {
    const run = runs[command];
    expect(describeDiagnostics(run.diagnostics.filter((d) => d.level !== 'Info'))).toBe('');
    expect(run.exitCode, run.stderr).toBe(0);
  });

  it.each(Object.keys(SCENARIOS))('%s: classic ARM JSON (no languageVersion 2.0), parameters resolved for every environment', async (name) => {
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

  it.each(Object.keys(SCENARIOS))('%s: no ranges overlap, subnets sit in their VNet, each has an NSG and no default outbound access', async (name) => {
    const template = JSON.parse(await readFile(join(root, name, 'infra/main.json'), 'utf8'));
    const environments: Record<string, Record<string, { value: unknown }>> = {};
    for (const environment of environmentsOf(name)) {
      environments[environment] = JSON.parse(await readFile(join(root, name, `infra/params/${environment}.json`), 'utf8')).parameters;
    }
    expect(rangeProblems(environments)).toEqual([]);
    expect(subnetProblems(template)).toEqual([]);
    const { firewall } = scenarioAnswers(SCENARIOS[name]!);
    expect(routeTableProblems(template, firewall)).toEqual([]);
    expect(firewall ? firewallProblems(template) : []).toEqual([]);
  });

  it.each(Object.keys(SCENARIOS))('%s: every model deployment uses a content filter that blocks jailbreaks and indirect attacks (SEC-03)', async (name) => {
    const template = JSON.parse(await readFile(join(root, name, 'infra/main.json'), 'utf8'));
    const [foundry, ...others] = deploymentsDeclaring(template, 'Microsoft.CognitiveServices/accounts/raiPolicies');
    expect(others).toEqual([]);
    const module = foundry!.properties!.template!;
    const policy = allResources(module).find((resource) => resource.type === 'Microsoft.CognitiveServices/accounts/raiPolicies')!;
    // The filters are computed: the shields are a variable of the module that the policy's list includes.
    expect(String(policy.properties?.contentFilters)).toContain("variables('promptShields')");
    for (const shield of ['Jailbreak', 'Indirect Attack']) {
      expect(module.variables?.promptShields).toContainEqual({ name: shield, enabled: true, blocking: true, source: 'Prompt' });
    }
    const resources = allResources(template);
    const deployments = resources.filter((resource) => resource.type === 'Microsoft.CognitiveServices/accounts/deployments');
    expect(deployments.length).toBeGreaterThan(0);
    for (const deployment of deployments) expect(deployment.properties?.raiPolicyName).toBe('prompt-shields');
  });

  it.each(Object.keys(SCENARIOS))('%s: Defender for AI is on for the subscription (SEC-02)', async (name) => {
    const template = JSON.parse(await readFile(join(root, name, 'infra/main.json'), 'utf8'));
    const plans = template.resources.filter((resource: { type: string }) => resource.type === 'Microsoft.Security/pricings');
    expect(plans).toEqual([expect.objectContaining({ name: 'AI', properties: { pricingTier: 'Standard' } })]);
  });

  it.each(Object.keys(SCENARIOS))('%s: every private DNS zone is linked to every VNet; hub and spoke peer both ways', async (name) => {
    const template = JSON.parse(await readFile(join(root, name, 'infra/main.json'), 'utf8'));
    expect(zoneLinkProblems(template)).toEqual([]);
    const hubSpoke = SCENARIOS[name]!.topology === 'hub-spoke';
    expect(hubSpoke ? peeringProblems(template, false, scenarioAnswers(SCENARIOS[name]!).firewall) : []).toEqual([]);
    expect(JSON.stringify(template).includes('virtualNetworkPeerings')).toBe(hubSpoke);
  });

  it('the network checks catch a tampered hub-spoke template', async () => {
    const template = JSON.parse(await readFile(join(root, 'hub-spoke', 'infra/main.json'), 'utf8'));
    const byName = (name: string) => template.resources.find((resource: { name: string }) => resource.name === name);
    byName('dns-blob').properties.parameters.virtualNetworkResourceIds.value.splice(0, 1);
    byName('peering-spoke-to-hub').properties.parameters.useRemoteGateways = { value: true };
    expect(zoneLinkProblems(template)).toEqual(['zone dns-blob is not linked to the VNet of hub-virtual-network']);
    expect(peeringProblems(template, false, false)).toEqual(['peering-spoke-to-hub: useRemoteGateways is true without a VPN gateway']);
    const swapped = structuredClone(template);
    [swapped.variables.hubVirtualNetworkResourceId, swapped.variables.spokeVirtualNetworkResourceId] = [swapped.variables.spokeVirtualNetworkResourceId, swapped.variables.hubVirtualNetworkResourceId];
    expect(peeringProblems(swapped, false, false)).toContain('no peering from the hub to the spoke');
    expect(peeringProblems(swapped, false, false)).toContain('no peering from the spoke to the hub');
    template.resources = template.resources.filter((resource: { name: string }) => resource.name !== 'peering-hub-to-spoke');
    expect(routeTableProblems(template, true)).toEqual(['snet-private-endpoints does not route its egress through the firewall']);
    expect(peeringProblems(template, false, true)).toEqual([
      'no peering from the hub to the spoke',
      'peering-spoke-to-hub: useRemoteGateways is true without a VPN gateway',
      "peering-spoke-to-hub: forwarded traffic is not allowed, but the firewall in the hub forwards the spoke's traffic",
    ]);
  });

  it('the firewall checks catch a tampered template', async () => {
    const template = JSON.parse(await readFile(join(root, 'hub-spoke-firewall', 'infra/main.json'), 'utf8'));
    const policy = allResources(template).find((resource) => resource.type === 'Microsoft.Network/firewallPolicies')! as unknown as { properties: Record<string, unknown> };
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

  it.each(Object.keys(SCENARIOS))('%s: every file is exactly as `bicep format` writes it', async (name) => {
    for (const [path, content] of rendered.get(name)!) {
      if (!/\.bicep(param)?$/.test(path)) continue;
      expect(await readFile(join(root, name, path), 'utf8'), path).toBe(content);
    }
  });

  it('a .bicepparam value with quotes, backslashes, ${…} and newlines reads back unchanged', async () => {
    const params = JSON.parse(await readFile(join(root, 'round-trip/infra/params/x.json'), 'utf8'));
    expect(params.parameters.label.value).toBe(ROUND_TRIP);
  });
});
