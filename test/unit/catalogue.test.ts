import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Component } from '../../src/catalogue/component.js';
import { SECTIONS } from '../../src/catalogue/component.js';
import {
  COMPONENTS,
  COST_ORDER,
  ENDPOINT_ORDER,
  MAIN_BICEP,
  MAIN_BICEP_PARTIALS,
  POLICY_ORDER,
  providersOf,
  PROVISIONING,
  SERVICE_ORDER,
  SUBNET_ORDER,
} from '../../src/catalogue/index.js';
import { shapeOf } from '../../src/catalogue/shape.js';
import { MODULE_PARTIALS, MODULE_TEMPLATES } from '../../src/catalogue/modules.js';
import { TEMPLATES_DIR } from '../../src/paths.js';
import { renderScenario, scenarioAnswers, SCENARIOS } from '../scenarios.js';

const PARTS = join(TEMPLATES_DIR, 'infra/main-parts');
const sectionsOf = (source: string) => [...source.matchAll(/^\{\{#\*inline "([a-z]+)"\}\}$/gm)].map((match) => match[1]);
const ids = (components: readonly Component[]) => components.map((component) => component.id).sort();

describe('the component catalogue', () => {
  it('gives every component a part of main.bicep that writes exactly the sections MAIN_BICEP lists it in', async () => {
    for (const component of COMPONENTS) {
      const source = await readFile(join(PARTS, `${component.id}.bicep.hbs`), 'utf8');
      const listed = SECTIONS.filter((section) => MAIN_BICEP[section].includes(component));
      expect(sectionsOf(source), component.id).toEqual(listed);
      // The part dispatches to the section main.bicep asks for, and holds no other top-level text.
      expect(source.trimEnd().endsWith('{{> (lookup . "section")}}'), component.id).toBe(true);
    }
  });

  it('has no part that no component uses, and lists each component once per section', async () => {
    const files = (await readdir(PARTS)).map((file) => file.replace(/\.bicep\.hbs$/, '')).sort();
    expect(files).toEqual([...MAIN_BICEP_PARTIALS].sort());
    for (const section of SECTIONS) expect(new Set(MAIN_BICEP[section]).size, section).toBe(MAIN_BICEP[section].length);
  });

  it("names only module templates that exist, and every module template is some component's", async () => {
    const modules = Object.values(MODULE_TEMPLATES);
    for (const path of [...modules, ...Object.values(MODULE_PARTIALS).flat()])
      await expect(readFile(join(TEMPLATES_DIR, path), 'utf8'), path).resolves.toBeTruthy();
    const partials = new Set(Object.values(MODULE_PARTIALS).flat());
    const onDisk = (await readdir(join(TEMPLATES_DIR, 'infra/modules'), { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(TEMPLATES_DIR.length))
      .filter((path) => !partials.has(path));
    expect(onDisk.sort()).toEqual([...modules].sort());
  });

  it('orders every component that has endpoints, a policy key, a label or an hourly cost, and no other', () => {
    expect(ids(ENDPOINT_ORDER)).toEqual(ids(COMPONENTS.filter((component) => component.privateEndpoints)));
    // What has an endpoint is locked down behind it, and says which of its resources (the guidance map's evidence).
    expect(ids(ENDPOINT_ORDER)).toEqual(ids(COMPONENTS.filter((component) => component.lockedDown)));
    expect(ids(POLICY_ORDER)).toEqual(ids(COMPONENTS.filter((component) => component.policyKey)));
    expect(ids(SERVICE_ORDER)).toEqual(ids(COMPONENTS.filter((component) => component.serviceLabel)));
    expect(ids(COST_ORDER)).toEqual(ids(COMPONENTS.filter((component) => component.hourlyCost)));
  });

  it('has one provisioning figure per resource type, wherever components share a type', () => {
    for (const component of COMPONENTS) {
      for (const entry of component.provisioning ?? []) {
        expect(entry.type, component.id).toBe(entry.type.toLowerCase());
        expect(PROVISIONING[entry.type], `${component.id}: ${entry.type}`).toEqual(entry);
      }
    }
  });

  it('orders exactly the subnets the components ask for', () => {
    const everything = shapeOf({
      topology: 'single-vnet',
      firewall: true,
      hubFirewallIp: undefined,
      jumpbox: true,
      vpn: 'p2s',
      gateway: 'apim-frontdoor',
      apimRegions: [],
      dnsZonesByPolicy: undefined,
      foundry: 'project',
      services: ['openai', 'ml', 'aiservices', 'search'],
      agents: true,
    });
    const requested = new Set(COMPONENTS.flatMap((component) => component.subnets?.(everything) ?? []).map(({ request }) => request));
    expect([...requested].map((request) => request.name).sort()).toEqual(SUBNET_ORDER.map((request) => request.name).sort());
  });
});

describe('the resource providers the bootstrap registers', () => {
  /** Registered in every subscription: https://learn.microsoft.com/azure/azure-resource-manager/management/azure-services-resource-providers */
  const ALWAYS_REGISTERED = ['Microsoft.Authorization', 'Microsoft.Resources'];
  /** Needed without a resource type of theirs in the templates, each for the reason its component gives. */
  const WITHOUT_A_DECLARED_TYPE = ['Microsoft.App', 'Microsoft.MachineLearningServices', 'Microsoft.PolicyInsights'];

  it.each(Object.keys(SCENARIOS))('%s: are exactly the namespaces of the resources its Bicep declares, and the few needed beside them', async (name) => {
    const files = await renderScenario(SCENARIOS[name]!);
    const bicep = [...files].filter(([path]) => path.endsWith('.bicep')).map(([, text]) => text);
    const declared = new Set(bicep.flatMap((text) => [...text.matchAll(/^resource \w+ '(Microsoft\.\w+)\//gm)].map((match) => match[1]!)));
    const providers = providersOf(shapeOf(scenarioAnswers(SCENARIOS[name]!)));
    expect(providers).toEqual([...providers].sort());
    expect(providers).toEqual(expect.arrayContaining([...declared].filter((namespace) => !ALWAYS_REGISTERED.includes(namespace))));
    expect(providers.filter((provider) => !declared.has(provider) && !WITHOUT_A_DECLARED_TYPE.includes(provider))).toEqual([]);
    // The registration script and its README name the same list.
    expect(files.get('scripts/bootstrap.sh')).toContain(`readonly PROVIDERS=(${providers.join(' ')})`);
    expect(files.get('scripts/bootstrap.ps1')).toContain(`$providers = @(${providers.map((provider) => `'${provider}'`).join(', ')})`);
    expect(files.get('README.md')).toContain(providers.map((provider) => `\`${provider}\``).join(', '));
  });

  it('include Microsoft.App with agents (their subnet is delegated to Microsoft.App/environments), and not without', () => {
    const answers = scenarioAnswers(SCENARIOS['project-agents']!);
    expect(providersOf(shapeOf(answers))).toContain('Microsoft.App');
    expect(providersOf(shapeOf({ ...answers, agents: false }))).not.toContain('Microsoft.App');
  });
});
