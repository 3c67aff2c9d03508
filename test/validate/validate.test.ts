import { chmod, cp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { execa } from 'execa';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { GuidanceId } from '../../src/docs/guidance-catalogue.js';
import { parseCommandLine } from '../../src/cli/args.js';
import { runValidate } from '../../src/commands/validate.js';
import type { BicepServer } from '../../src/validate/bicep-server.js';
import { CHECKED_IDS } from '../../src/validate/conformance.js';
import type { ValidationReport } from '../../src/validate/report.js';
import { BIN, ISOLATED_GIT_ENV, snapshotTree, tempDir } from '../helpers/cli.js';
import { EDGE } from '../scenarios.js';
import { withCompilers } from '../compiler/server-pool.js';

/**
 * `secure-ai-landing validate` with the real Bicep compiler over generated repositories: untouched they pass,
 * run as a user runs them (the built bin); each edit that breaks one recommendation fails naming that ID and the
 * resource (run in this process, sharing a few warm compilers); nothing in the repository changes. One
 * environment per repository keeps each run to one build.
 */
const bicep = inject('bicepPath');

const flags = (answers: Record<string, string | boolean>) =>
  Object.entries(answers).flatMap(([key, value]) => (value === true ? [`--${key}`] : value === false ? [`--no-${key}`] : [`--${key}`, value]));
const EDGE_FLAGS = {
  'gateway-host-name': EDGE.gatewayHostName!,
  'certificate-uri': EDGE.certificateUri!,
  'certificate-key-vault-id': EDGE.certificateKeyVaultId!,
};

/** Two repositories between them bring every IaC recommendation into play. */
const REPOSITORIES = {
  // Project-based Foundry with everything around it, in production (which runs API Management in a further region).
  project: flags({
    name: 'proj',
    location: 'swedencentral',
    foundry: 'project',
    services: 'openai,ml,aiservices,search',
    agents: true,
    topology: 'hub-spoke',
    vpn: 'p2s',
    gateway: 'apim-frontdoor',
    ...EDGE_FLAGS,
    'publisher-email': 'ops@contoso.com',
    'apim-regions': 'westeurope',
    firewall: true,
    jumpbox: true,
    environments: 'prod',
  }),
  // Hub-based Foundry in one VNet.
  hub: flags({
    name: 'hubby',
    location: 'swedencentral',
    foundry: 'hub',
    services: 'openai,search',
    topology: 'single-vnet',
    gateway: 'apim',
    'publisher-email': 'ops@contoso.com',
    environments: 'dev',
  }),
} as const;
type RepositoryName = keyof typeof REPOSITORIES;

interface Tamper {
  readonly repository: RepositoryName;
  readonly file: string;
  readonly from: RegExp;
  readonly to: string;
  /** Exactly the IDs that must fail. */
  readonly fails: readonly GuidanceId[];
  /** What the problem must name: the module deployment and resource. */
  readonly names: RegExp;
}

/** One edit per IaC recommendation, as a person might make it; each breaks exactly the IDs listed. */
const TAMPERS: Readonly<Partial<Record<GuidanceId, Tamper>>> = {
  'NET-01': {
    repository: 'project',
    file: 'infra/modules/data/storage-account.bicep',
    from: /publicNetworkAccess: 'Disabled'/,
    to: "publicNetworkAccess: 'Enabled'",
    fails: ['NET-01'],
    names: /^storage: Microsoft\.Storage\/storageAccounts has public network access "Enabled"/,
  },
  'NET-02': {
    repository: 'project',
    file: 'infra/main.bicep',
    from: /module keyVaultPrivateEndpoint [\s\S]*?\n}\n|\n\s+keyVaultPrivateEndpoint\.outputs\.fqdns/g,
    to: '',
    fails: ['NET-02'],
    names: /^key-vault: Microsoft\.KeyVault\/vaults: no private endpoint for vault/,
  },
  'NET-03': {
    repository: 'project',
    file: 'infra/main.bicep',
    from: /(module privateDnsZones [\s\S]*?\[)\s+hubVirtualNetwork\.outputs\.resourceId/,
    to: '$1',
    fails: ['NET-03'],
    names: /^zone private-dns-zones is not linked to the VNet of hub-virtual-network/,
  },
  'NET-04': {
    repository: 'project',
    file: 'infra/main.bicep',
    from: /(module privateDnsZones '[^']+' = \{\n\s+scope: )hubResourceGroup/,
    to: '$1workloadResourceGroup',
    fails: ['NET-04'],
    names: /^private-dns-zones: Microsoft\.Network\/privateDnsZones is not in the hub's resource group/,
  },
  'NET-05': {
    repository: 'project',
    file: 'infra/params/prod.bicepparam',
    from: /param publicNetworkAccessPolicyEffect = 'Deny'/,
    to: "param publicNetworkAccessPolicyEffect = 'Audit'",
    fails: ['NET-05'],
    names: /^policy-deny-public-network-access: the effect is "Audit" in prod, not Deny/,
  },
  'NET-06': {
    repository: 'project',
    file: 'infra/modules/access/jumpbox.bicep',
    from: /type: 'AADLoginForWindows'/,
    to: "type: 'CustomScriptExtension'",
    fails: ['NET-06'],
    names: /the jumpbox has no Microsoft Entra ID sign-in/,
  },
  'NET-07': {
    repository: 'project',
    file: 'infra/modules/ai/machine-learning-workspace.bicep',
    from: /isolationMode: 'AllowOnlyApprovedOutbound'/,
    to: "isolationMode: 'AllowInternetOutbound'",
    fails: ['NET-07'],
    names: /^machine-learning: Microsoft\.MachineLearningServices\/workspaces: the managed network does not allow only approved outbound/,
  },
  'NET-08': {
    repository: 'project',
    file: 'infra/modules/gateway/api-management.bicep',
    from: /virtualNetworkType: 'Internal'/,
    to: "virtualNetworkType: 'External'",
    fails: ['NET-08'],
    names: /^api-management: Microsoft\.ApiManagement\/service is not in internal mode/,
  },
  'NET-09': {
    repository: 'project',
    file: 'infra/modules/gateway/application-gateway.bicep',
    from: /mode: 'Prevention'/,
    to: "mode: 'Detection'",
    fails: ['NET-09'],
    names: /the Application Gateway WAF is not enabled in prevention mode/,
  },
  'NET-10': {
    repository: 'project',
    file: 'infra/main.bicep',
    from: /(name: 'peering-hub-to-spoke'[\s\S]*?allowForwardedTraffic: )true/,
    to: '$1false',
    fails: ['NET-10'],
    names: /^peering-hub-to-spoke: forwarded traffic is not allowed/,
  },
  'NET-11': {
    repository: 'project',
    file: 'infra/modules/connectivity/vpn-gateway.bicep',
    from: /vpnAuthenticationTypes: \['AAD'\]/,
    to: "vpnAuthenticationTypes: ['AAD', 'Certificate']",
    fails: ['NET-11'],
    names: /the VPN authentication is \["AAD","Certificate"\]/,
  },
  'NET-12': {
    repository: 'project',
    file: 'infra/main.bicep',
    from: /(var denyInboundRule = \{[\s\S]*?access: )'Deny'/,
    to: "$1'Allow'",
    fails: ['NET-12'],
    names: /^virtual-network: snet-private-endpoints does not end its inbound rules with a deny-all/,
  },
  'NET-14': {
    repository: 'project',
    file: 'infra/main.bicep',
    from: /@batchSize\(1\)\n/g,
    to: '',
    fails: ['NET-14'],
    names: /the peerings from the regions to the workload are not made one at a time/,
  },
  'FDY-02': {
    repository: 'hub',
    file: 'infra/modules/ai/foundry-hub.bicep',
    from: /publicNetworkAccess: 'Disabled'/,
    to: "publicNetworkAccess: 'Enabled'",
    fails: ['NET-01', 'FDY-02'],
    names: /^foundry-hub: Microsoft\.MachineLearningServices\/workspaces has public network access "Enabled"/,
  },
  'FDY-03': {
    repository: 'hub',
    file: 'infra/modules/ai/foundry-hub.bicep',
    from: /provisionNetworkNow: true/,
    to: 'provisionNetworkNow: false',
    fails: ['NET-07', 'FDY-03'],
    names: /^foundry-hub: Microsoft\.MachineLearningServices\/workspaces: the managed network is not provisioned at deployment/,
  },
  'FDY-04': {
    repository: 'hub',
    file: 'infra/main.bicep',
    from: /\s+\{\s+name: 'search'\s+serviceResourceId: search\.outputs\.resourceId\s+subresourceTarget: 'searchService'\s+\}/,
    to: '',
    fails: ['FDY-04'],
    names: /^foundry-hub: Microsoft\.MachineLearningServices\/workspaces has no private endpoint outbound rule to AI Search/,
  },
  'FDY-05': {
    repository: 'hub',
    file: 'infra/modules/data/key-vault.bicep',
    from: /publicNetworkAccess: 'Disabled'/,
    to: "publicNetworkAccess: 'Enabled'",
    fails: ['NET-01', 'FDY-05'],
    names: /^key-vault: Microsoft\.KeyVault\/vaults has public network access "Enabled"/,
  },
  'FDY-06': {
    repository: 'project',
    file: 'infra/modules/ai/foundry-account.bicep',
    from: /allowProjectManagement: true/,
    to: 'allowProjectManagement: false',
    fails: ['FDY-06'],
    names: /^foundry: Microsoft\.CognitiveServices\/accounts does not allow project management/,
  },
  'SEC-02': {
    repository: 'hub',
    file: 'infra/main.bicep',
    from: /pricingTier: 'Standard'/,
    to: "pricingTier: 'Free'",
    fails: ['SEC-02'],
    names: /^Microsoft\.Security\/pricings AI: Defender for AI is not on the Standard tier/,
  },
  'SEC-03': {
    repository: 'hub',
    file: 'infra/modules/ai/model-deployments.bicep',
    from: /\{ name: 'Jailbreak', enabled: true, blocking: true/,
    to: "{ name: 'Jailbreak', enabled: true, blocking: false",
    fails: ['SEC-03'],
    names: /^model-deployments: Microsoft\.CognitiveServices\/accounts\/raiPolicies prompt-shields does not block Jailbreak/,
  },
  'SEC-05': {
    repository: 'hub',
    file: 'infra/modules/gateway/policies/model-api.xml',
    from: /validate-azure-ad-token/g,
    to: 'validate-jwt',
    fails: ['SEC-05'],
    names: /^api-management: the model API's policy lacks <validate-azure-ad-token/,
  },
  'SEC-06': {
    repository: 'hub',
    file: 'infra/modules/ai/search-service.bicep',
    from: /disableLocalAuth: true/,
    to: 'disableLocalAuth: false',
    fails: ['FDY-05', 'SEC-06'],
    names: /^search: Microsoft\.Search\/searchServices: API keys are not disabled/,
  },
  'SEC-09': {
    repository: 'hub',
    file: 'infra/main.bicep',
    from: /'2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'/,
    to: "'8e3af657-a8ff-443c-a75c-2fe8c4bcb635'",
    fails: ['SEC-09'],
    names: /the template assigns Owner/,
  },
  'SEC-10': {
    repository: 'project',
    file: 'infra/modules/gateway/front-door.bicep',
    from: /identity: \{\s*type: 'SystemAssigned'\s*\}/,
    to: "identity: { type: 'None' }",
    fails: ['SEC-10'],
    names: /^front-door: Microsoft\.Cdn\/profiles has no managed identity/,
  },
  'SEC-11': {
    repository: 'hub',
    file: 'infra/modules/data/key-vault.bicep',
    from: /categoryGroup: 'allLogs', enabled: true/,
    to: "categoryGroup: 'allLogs', enabled: false",
    fails: ['SEC-11'],
    names: /^key-vault: Microsoft\.KeyVault\/vaults: its diagnostic settings switch categories off/,
  },
};

/**
 * One edit per further control an ID checks beside the one its tamper above breaks (the controls of issue #16), so
 * that none can be removed silently; `id` is the ID whose problems must name it.
 */
const CONTROL_TAMPERS: Readonly<Record<string, Tamper & { readonly id: GuidanceId }>> = {
  'SEC-09-agent-storage': {
    id: 'SEC-09',
    repository: 'project',
    file: 'infra/main.bicep',
    from: /storageAccountName: names\.agentStorage/,
    to: 'storageAccountName: names.storage',
    fails: ['SEC-09'],
    names: /^foundry-agents: the Agent Service keeps its files in the workload's storage account/,
  },
  'SEC-09-certificate-access': {
    id: 'SEC-09',
    repository: 'project',
    file: 'infra/modules/data/key-vault-secret-role-assignment.bicep',
    // Key Vault Secrets Officer instead of Secrets User: it could change and delete the vault's secrets too.
    from: /var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'/,
    to: "var keyVaultSecretsUserRoleId = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'",
    fails: ['SEC-09'],
    names: /certificate-access-.*: the role assignment is not Key Vault Secrets User on the certificate's secret/,
  },
  'NET-09-certificate-vault-dns': {
    id: 'NET-09',
    repository: 'project',
    file: 'infra/main.bicep',
    from: /\n {4}internetFallbackZoneKeys: \[\n {6}'keyVault'\n {4}\]/,
    to: '',
    fails: ['NET-09'],
    names: /^private-dns-zones: the links of privatelink\.vaultcore\.azure\.net do not fall back to internet resolution/,
  },
  'NET-01-monitor-ingestion': {
    id: 'NET-01',
    repository: 'project',
    file: 'infra/main.bicep',
    from: /publicNetworkAccessForIngestion: 'Disabled'/,
    to: "publicNetworkAccessForIngestion: 'Enabled'",
    fails: ['NET-01'],
    names: /^log-analytics: Microsoft\.OperationalInsights\/workspaces accepts logs from public networks/,
  },
  'NET-01-monitor-scope-open': {
    id: 'NET-01',
    repository: 'hub',
    file: 'infra/modules/monitoring/private-link-scope.bicep',
    from: /queryAccessMode: 'PrivateOnly'/,
    to: "queryAccessMode: 'Open'",
    fails: ['NET-01'],
    names: /^monitor-private-link-scope: Microsoft\.Insights\/privateLinkScopes does not limit ingestion and queries/,
  },
  'NET-02-monitor-endpoint': {
    id: 'NET-02',
    repository: 'hub',
    file: 'infra/main.bicep',
    from: /module monitorPrivateLinkScopePrivateEndpoint [\s\S]*?\n}\n|\n\s+monitorPrivateLinkScopePrivateEndpoint\.outputs\.fqdns/g,
    to: '',
    fails: ['NET-02'],
    names: /^monitor-private-link-scope: no private endpoint for azuremonitor/,
  },
  'NET-07-account-outbound': {
    id: 'NET-07',
    repository: 'hub',
    file: 'infra/modules/ai/ai-services-account.bicep',
    from: /restrictOutboundNetworkAccess: true/,
    to: 'restrictOutboundNetworkAccess: false',
    fails: ['NET-07'],
    names: /^ai-services: Microsoft\.CognitiveServices\/accounts may call any host/,
  },
  'SEC-11-flow-log-missing': {
    id: 'SEC-11',
    repository: 'project',
    file: 'infra/main.bicep',
    from: /^ {6}\{ name: names\.hubVirtualNetwork, resourceId: hubVirtualNetwork\.outputs\.resourceId \}\n/m,
    to: '',
    fails: ['SEC-11'],
    names: /^hub-virtual-network: the virtual network has no flow log/,
  },
  'NET-01-flow-log-storage-open': {
    id: 'NET-01',
    repository: 'hub',
    file: 'infra/modules/monitoring/flow-logs.bicep',
    from: /defaultAction: 'Deny'/,
    to: "defaultAction: 'Allow'",
    fails: ['NET-01', 'SEC-06'],
    names: /^flow-logs: the flow logs' storage account admits more than trusted Azure services/,
  },
  'SEC-11-jumpbox-agent-outside-scope': {
    id: 'SEC-11',
    repository: 'project',
    file: 'infra/main.bicep',
    from: /^ {6}jumpboxMonitorAgent\.outputs\.dataCollectionEndpointResourceId\n/m,
    to: '',
    fails: ['SEC-11'],
    names: /^the jumpbox's logs do not reach the workspace: it lacks its data collection endpoint in the Azure Monitor Private Link Scope/,
  },
};

/** Every tamper by the name of its run, with the ID whose problems name it. */
const ALL_TAMPERS: Readonly<Record<string, Tamper & { readonly id: GuidanceId }>> = {
  ...Object.fromEntries(Object.entries(TAMPERS).map(([id, tamper]) => [id, { ...tamper, id: id as GuidanceId }])),
  ...CONTROL_TAMPERS,
};

/**
 * Hand edits the generated Bicep never makes, so the checks of what it does make would not see them: a child
 * resource declared on its own, a wider source, a custom role, a resource group of one's own. Each must fail.
 */
const HAND_EDITS: Readonly<Record<string, Tamper>> = {
  'an NSG rule declared as its own securityRules resource that admits the internet': {
    repository: 'project',
    file: 'infra/modules/network/virtual-network.bicep',
    from: /$/,
    to: [
      '',
      "resource allowInternetInbound 'Microsoft.Network/networkSecurityGroups/securityRules@2025-05-01' = {",
      '  parent: networkSecurityGroups[0]',
      "  name: 'allow-internet-inbound'",
      '  properties: {',
      '    priority: 200',
      "    direction: 'Inbound'",
      "    access: 'Allow'",
      "    protocol: 'Tcp'",
      "    sourceAddressPrefix: 'Internet'",
      "    sourcePortRange: '*'",
      "    destinationAddressPrefix: '*'",
      "    destinationPortRange: '443'",
      '  }',
      '}',
      '',
    ].join('\n'),
    fails: ['NET-12'],
    names: /^virtual-network: Microsoft\.Network\/networkSecurityGroups\/securityRules allow-internet-inbound allows inbound traffic from the internet/,
  },
  '0.0.0.0/0 as a source prefix': {
    repository: 'project',
    file: 'infra/main.bicep',
    // The endpoint subnet's rule, whose list of clients is computed (concat) where API Management has further regions;
    // the parameter stays in the list, or the linter's no-unused-params would fail the compile first.
    from: /(name: 'allow-https-smb-from-clients-inbound'[\s\S]*?concat\(\n\s+)privateEndpointClientAddressPrefixes/,
    to: "$1['0.0.0.0/0'], privateEndpointClientAddressPrefixes",
    fails: ['NET-12'],
    names: /^virtual-network: snet-private-endpoints: allow-https-smb-from-clients-inbound allows inbound traffic from any source \(0\.0\.0\.0\/0\)/,
  },
  "a custom role with actions ['*'], assigned to the administrators": {
    repository: 'hub',
    file: 'infra/main.bicep',
    from: /$/,
    to: [
      '',
      "resource everythingRole 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {",
      "  name: guid(subscription().id, 'everything')",
      '  properties: {',
      "    roleName: 'Everything'",
      "    permissions: [{ actions: ['*'] }]",
      '    assignableScopes: [subscription().id]',
      '  }',
      '}',
      '',
      "resource everythingAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {",
      "  name: guid(subscription().id, 'everything', 'administrators')",
      '  properties: {',
      '    roleDefinitionId: everythingRole.id',
      '    principalId: adminGroupObjectIds[0]',
      "    principalType: 'Group'",
      '  }',
      '}',
      '',
    ].join('\n'),
    fails: ['SEC-09'],
    names: /^Microsoft\.Authorization\/roleDefinitions Everything grants every action \(\*\), and main\.bicep assigns it/,
  },
  'a subnet declared as its own resource, without NSG or route table': {
    repository: 'project',
    file: 'infra/modules/network/virtual-network.bicep',
    from: /$/,
    to: [
      '',
      "resource extraSubnet 'Microsoft.Network/virtualNetworks/subnets@2025-05-01' = {",
      '  parent: virtualNetwork',
      "  name: 'snet-extra'",
      '  properties: {',
      '    addressPrefix: cidrSubnet(addressPrefixes[0], 28, 200)',
      '  }',
      '}',
      '',
    ].join('\n'),
    // No NSG is NET-12's; no route to the firewall (and default outbound access) is NET-07's.
    fails: ['NET-07', 'NET-12'],
    names: /^virtual-network: Microsoft\.Network\/virtualNetworks\/subnets snet-extra has no network security group/,
  },
  "a resource group outside the policy assignments' scope": {
    repository: 'hub',
    file: 'infra/main.bicep',
    from: /$/,
    to: ['', "resource extraResourceGroup 'Microsoft.Resources/resourceGroups@2025-04-01' = {", "  name: 'rg-extra'", '  location: location', '}', ''].join(
      '\n',
    ),
    fails: ['NET-05'],
    names: /^policy-deny-public-network-access: the resource group rg-extra is not covered/,
  },
};

const VALIDATE_TIMEOUT = 300_000;

async function validate(dir: string, extra: readonly string[] = [], env: Record<string, string> = { BICEP_PATH: bicep }) {
  // Only the compiler given here: a BICEP_PATH of the caller's own must not leak into the PATH and az cases.
  const { BICEP_PATH: _ignored, ...inherited } = process.env;
  const result = await execa(process.execPath, [BIN, 'validate', dir, ...extra], {
    reject: false,
    stdin: 'ignore',
    timeout: VALIDATE_TIMEOUT,
    extendEnv: false,
    env: { ...inherited, ...ISOLATED_GIT_ENV, ...env },
  });
  return {
    exitCode: result.exitCode,
    stdout: String(result.stdout),
    stderr: result.timedOut ? `timed out after ${VALIDATE_TIMEOUT} ms` : String(result.stderr),
  };
}

/** Any value will do: validate needs the parameters' shape, and the project's jumpbox reads its password from the environment. */
const SHARED_COMPILER_ENVIRONMENT = { JUMPBOX_ADMIN_PASSWORD: 'validate-test-Passw0rd' };

/**
 * validate in this process with a compiler shared between runs: the tampers' way, as a compiler's start and first
 * compilation cost seconds each. The untouched repositories and the tests below run the built bin as a user does.
 */
async function validateWith(compiler: BicepServer, dir: string, extra: readonly string[]) {
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) =>
    new Writable({
      write: (chunk, _encoding, done) => {
        append(String(chunk));
        done();
      },
    });
  const io = {
    stdin: Readable.from([]),
    stdout: sink((text) => (stdout += text)),
    stderr: sink((text) => (stderr += text)),
    env: { BICEP_PATH: bicep },
    cwd: dirname(dir),
  };
  const exitCode = await runValidate(parseCommandLine(['validate', dir, ...extra]), io, { compiler });
  return { exitCode, stdout, stderr };
}

describe.skipIf(!bicep)('secure-ai-landing validate', () => {
  let work: string;
  const runs = new Map<string, { exitCode: number | undefined; stdout: string; stderr: string; report?: ValidationReport }>();
  const before = new Map<string, Record<string, string>>();
  const after = new Map<string, Record<string, string>>();

  beforeAll(async () => {
    work = await tempDir('sail-validate-');
    for (const [name, args] of Object.entries(REPOSITORIES)) {
      const created = await execa(process.execPath, [BIN, name, ...args, '--yes', '--no-git'], {
        cwd: work,
        reject: false,
        env: { ...ISOLATED_GIT_ENV, CI: 'true' },
      });
      if (created.exitCode !== 0) throw new Error(`create ${name} failed: ${created.stderr}`);
    }
    // Each job gets one of the shared compilers; the untouched repositories' runs start their own, as a user's do.
    const jobs: ((compiler: BicepServer) => Promise<void>)[] = [];
    for (const name of Object.keys(REPOSITORIES)) {
      jobs.push(async () => {
        const dir = join(work, name);
        before.set(name, await snapshotTree(dir));
        const run = await validate(dir, ['--json', '--sarif', join(work, `${name}.sarif`)]);
        if (!run.stdout.startsWith('{')) throw new Error(`validate ${name} printed no report (exit ${run.exitCode}): ${run.stderr}`);
        runs.set(name, { ...run, report: JSON.parse(run.stdout) });
        after.set(name, await snapshotTree(dir));
      });
    }
    for (const [id, tamper] of [...Object.entries(ALL_TAMPERS), ...Object.entries(HAND_EDITS)]) {
      jobs.push(async (compiler) => {
        // A hand edit's description, in a folder name.
        const slug = id.replace(/\W+/g, '-');
        const dir = join(work, `tampered-${slug}`);
        await cp(join(work, tamper.repository), dir, { recursive: true });
        const path = join(dir, tamper.file);
        const source = await readFile(path, 'utf8');
        const edited = source.replace(tamper.from, tamper.to);
        if (edited === source) throw new Error(`${id}: the tamper of ${tamper.file} matched nothing`);
        await writeFile(path, edited);
        before.set(id, await snapshotTree(dir));
        const run = await validateWith(compiler, dir, ['--json', '--sarif', join(work, `${slug}.sarif`)]);
        runs.set(id, { ...run, report: run.stdout.startsWith('{') ? JSON.parse(run.stdout) : undefined });
        after.set(id, await snapshotTree(dir));
      });
    }
    await withCompilers(bicep, jobs, { cwd: work, env: SHARED_COMPILER_ENVIRONMENT });
  }, 1_800_000);

  it.each(Object.keys(REPOSITORIES))('%s: the untouched repository passes every IaC recommendation that applies, exit 0', (name) => {
    const run = runs.get(name)!;
    expect(run.stderr).toBe('');
    expect(run.report!.results.filter((result) => result.status === 'fail')).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.report!.ok).toBe(true);
  });

  it('one tamper per IaC recommendation', () => {
    expect(Object.keys(TAMPERS).sort()).toEqual([...CHECKED_IDS].sort());
  });

  it('between them, the untouched repositories check every IaC recommendation', () => {
    const checked = new Set(
      Object.keys(REPOSITORIES).flatMap((name) =>
        runs
          .get(name)!
          .report!.results.filter((result) => result.status === 'pass')
          .map((result) => result.id),
      ),
    );
    expect([...checked].sort()).toEqual([...CHECKED_IDS].sort());
  });

  it.each(Object.keys(ALL_TAMPERS))('%s: an edit that breaks it fails validate, naming the ID and the resource', (name) => {
    const run = runs.get(name)!;
    const { id, ...tamper } = ALL_TAMPERS[name]!;
    expect(run.report, run.stderr).toBeDefined();
    expect(run.exitCode).toBe(1);
    expect(run.report!.ok).toBe(false);
    const failed = run.report!.results.filter((result) => result.status === 'fail');
    expect(failed.map((result) => result.id)).toEqual(tamper.fails);
    expect(failed.find((result) => result.id === id)!.problems).toContainEqual(expect.stringMatching(tamper.names));
  });

  it.each(Object.keys(HAND_EDITS))('%s: fails validate, naming the ID and the resource', (edit) => {
    const run = runs.get(edit)!;
    const tamper = HAND_EDITS[edit]!;
    expect(run.report, run.stderr).toBeDefined();
    expect(run.exitCode).toBe(1);
    const failed = run.report!.results.filter((result) => result.status === 'fail');
    expect(failed.map((result) => result.id)).toEqual(tamper.fails);
    expect(failed.flatMap((result) => result.problems)).toContainEqual(expect.stringMatching(tamper.names));
  });

  it.each([...Object.keys(REPOSITORIES), ...Object.keys(ALL_TAMPERS), ...Object.keys(HAND_EDITS)])('%s: validate changed nothing in the repository', (name) => {
    expect(after.get(name)).toEqual(before.get(name));
  });

  it(
    'the text report: a row per IaC ID with its evidence or reason, the figures, and the failure named at its file and line',
    async () => {
      const dir = join(work, 'tampered-SEC-06');
      const run = await validate(dir);
      expect(run.exitCode).toBe(1);
      for (const id of CHECKED_IDS) expect(run.stdout).toMatch(new RegExp(`^${id} +(pass|FAIL|n/a) `, 'm'));
      expect(run.stdout).toMatch(/^NET-01 +pass .*\n +infra\/main\.bicep \(.*keyVault.*\); .*infra\/modules\/data\/key-vault\.bicep \(keyVault\)/m);
      expect(run.stdout).toMatch(/^NET-10 +n\/a .*\n +topology=single-vnet: /m);
      const line =
        (await readFile(join(dir, 'infra/modules/ai/search-service.bicep'), 'utf8'))
          .split('\n')
          .findIndex((text) => text.includes("'Microsoft.Search/searchServices@")) + 1;
      expect(run.stdout).toContain(
        `✗ search: Microsoft.Search/searchServices: API keys are not disabled (SEC-06) (disableLocalAuth is false)  [infra/modules/ai/search-service.bicep:${line}]`,
      );
      expect(run.stdout).toMatch(/compiled template +\d+\.\d KB of the 4 MB limit/);
      expect(run.stdout).toMatch(/resources +\d+ of 800/);
      expect(run.stdout).toMatch(/critical path +\d+\.\d min; slowest resource api-management > Microsoft\.ApiManagement\/service 40 min/);
      expect(run.stdout).toMatch(/2 of \d+ applicable IaC recommendations fail: FDY-05, SEC-06\.$/);
    },
    VALIDATE_TIMEOUT,
  );

  it('--sarif writes SARIF 2.1.0 for code scanning: a rule per IaC ID, a result per problem at its Bicep file and line', async () => {
    const sarif = JSON.parse(await readFile(join(work, 'SEC-06.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    const [run] = sarif.runs;
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(CHECKED_IDS);
    const result = run.results.find((candidate: { ruleId: string }) => candidate.ruleId === 'SEC-06');
    expect(run.tool.driver.rules[result.ruleIndex].id).toBe('SEC-06');
    expect(result.level).toBe('error');
    expect(result.message.text).toContain('search: Microsoft.Search/searchServices: API keys are not disabled');
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('infra/modules/ai/search-service.bicep');
    expect(result.locations[0].physicalLocation.region.startLine).toBeGreaterThan(1);
    const clean = JSON.parse(await readFile(join(work, 'hub.sarif'), 'utf8'));
    expect(clean.runs[0].results).toEqual([]);
  });

  it('--json: the figures against the limits and the critical path beside the slowest resource', () => {
    const { figures } = runs.get('project')!.report!;
    expect(figures.bytes).toBeGreaterThan(100_000);
    expect(figures.bytes).toBeLessThan(figures.limitBytes);
    expect(figures.limitBytes).toBe(4 * 1024 * 1024);
    expect([figures.parameters.limit, figures.variables.limit, figures.resources.limit, figures.outputs.limit]).toEqual([256, 256, 800, 64]);
    expect(figures.resources.count).toBeGreaterThan(30);
    expect(figures.criticalPath.slowest).toEqual({ name: 'vpn-gateway > Microsoft.Network/virtualNetworkGateways', minutes: 45 });
    expect(figures.criticalPath.minutes).toBeGreaterThanOrEqual(figures.criticalPath.slowest.minutes);
    // API Management waits for the VPN gateway: the figure names the dependency, and why it is needed.
    expect(figures.criticalPath.waits).toContainEqual(
      expect.stringMatching(
        /^api-management > Microsoft\.ApiManagement\/service \(40 min\) starts after \d+(\.\d)? min, waiting for vpn-gateway > Microsoft\.Network\/virtualNetworkGateways \(45 min\): needed, as .*peering/,
      ),
    );
  });

  it(
    'finds the compiler on PATH, and through az bicep',
    async () => {
      const bin = join(work, 'bin-bicep');
      await mkdir(bin, { recursive: true });
      await symlink(bicep, join(bin, 'bicep'));
      const onPath = await validate(join(work, 'hub'), [], { PATH: `${bin}:/usr/bin:/bin` });
      expect(onPath.exitCode, onPath.stderr).toBe(0);
      expect(onPath.stdout).toContain('compiled with bicep (PATH)');
      // A stand-in az that runs the real compiler the way `az bicep` does.
      const az = join(work, 'bin-az');
      await mkdir(az, { recursive: true });
      await writeFile(
        join(az, 'az'),
        `#!/bin/sh\n[ "$1" = bicep ] || exit 2\nshift\ncase "$1" in\n  version) exec "${bicep}" --version ;;\n  build-params) exec "${bicep}" build-params "$3" --stdout ;;\nesac\nexit 2\n`,
      );
      await chmod(join(az, 'az'), 0o755);
      const throughAz = await validate(join(work, 'hub'), [], { PATH: `${az}:/usr/bin:/bin` });
      expect(throughAz.exitCode, throughAz.stderr).toBe(0);
      expect(throughAz.stdout).toContain('compiled with az bicep');
    },
    VALIDATE_TIMEOUT,
  );

  it(
    'starts the compiler once for every environment, and falls back to one process per environment for a compiler without a server mode',
    async () => {
      const bin = join(work, 'bin-counting');
      await mkdir(bin, { recursive: true });
      const log = join(bin, 'starts.log');
      // Records each start; with OLD=1 it answers like a release before `bicep jsonrpc`, which it does not know.
      await writeFile(
        join(bin, 'bicep'),
        `#!/bin/sh\necho "$1" >> '${log}'\n[ "$OLD" = 1 ] && [ "$1" = jsonrpc ] && { echo "Unrecognized command" >&2; exit 1; }\nexec '${bicep}' "$@"\n`,
      );
      await chmod(join(bin, 'bicep'), 0o755);
      const starts = async () => (await readFile(log, 'utf8')).split('\n').filter(Boolean);
      const served = await validate(join(work, 'hub'), [], { BICEP_PATH: join(bin, 'bicep') });
      expect(served.exitCode, served.stderr).toBe(0);
      expect(await starts()).toEqual(['jsonrpc']);
      await writeFile(log, '');
      const old = await validate(join(work, 'hub'), [], { BICEP_PATH: join(bin, 'bicep'), OLD: '1' });
      expect(old.exitCode, old.stderr).toBe(0);
      expect(old.stdout).toBe(served.stdout);
      const environments = (await readdir(join(work, 'hub/infra/params'))).filter((file) => file.endsWith('.bicepparam'));
      expect((await starts()).sort()).toEqual(['--version', ...environments.map(() => 'build-params'), 'jsonrpc']);
    },
    VALIDATE_TIMEOUT,
  );

  it('without a compiler, or with a BICEP_PATH that is none, says what to install and exits 2', async () => {
    const none = await validate(join(work, 'hub'), [], { PATH: '/nonexistent' });
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain('no Bicep compiler found; nothing was checked');
    expect(none.stderr).toContain('BICEP_PATH');
    const wrong = await validate(join(work, 'hub'), [], { BICEP_PATH: '/bin/false' });
    expect(wrong.exitCode).toBe(2);
    expect(wrong.stderr).toContain('BICEP_PATH is /bin/false, which is not a Bicep compiler that runs');
  });

  it(
    "a repository that does not compile fails with the compiler's error, exit 1",
    async () => {
      const dir = join(work, 'broken');
      await cp(join(work, 'hub'), dir, { recursive: true });
      await writeFile(join(dir, 'infra/main.bicep'), `${await readFile(join(dir, 'infra/main.bicep'), 'utf8')}\noutput broken string = notDeclared\n`);
      const run = await validate(dir);
      expect(run.exitCode).toBe(1);
      expect(run.stderr).toMatch(/does not compile with bicep \(BICEP_PATH=.*\); nothing was checked/);
      expect(run.stderr).toMatch(/main\.bicep\(\d+,\d+\) : Error BCP057: The name "notDeclared" does not exist/);
    },
    VALIDATE_TIMEOUT,
  );

  it('a folder that create did not make is refused with exit 2', async () => {
    const dir = join(work, 'not-a-landing-zone');
    await mkdir(dirname(join(dir, 'x')), { recursive: true });
    const run = await validate(dir);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('holds no landing zone made by create-secure-ai-landing (no .secure-ai-landing/state.json)');
    expect(run.stderr).toContain('Run validate in the folder that create generated');
    await rm(dir, { recursive: true });
  });
});
