import { type ArmTemplate, allResources, ownResources, resourcesByModule } from './arm.js';
import { type Finding, type FindingCode, finding } from './findings.js';
import { isFlowLogStore } from './control-checks.js';
import { privateServiceOf } from './platform.js';

const ofType = (template: ArmTemplate, type: string) => allResources(template).filter((resource) => resource.type.toLowerCase() === type.toLowerCase());

/** Only these modules may give a resource a public endpoint: the doors and the egress (NET-01, NET-06, NET-09, NET-11). */
const PUBLIC_ENDPOINT_MODULES = new Set(['bastion', 'vpn-gateway', 'firewall', 'application-gateway', 'front-door']);

/**
 * NET-01 and the doors: public IP addresses exist only on Bastion, the VPN gateway, the firewall and the
 * Application Gateway, Front Door profiles only as Front Door, and every resource that has the switch
 * has public network access disabled.
 */
export function publicEndpointFindings(template: ArmTemplate): Finding[] {
  return resourcesByModule(template).flatMap(({ module, resource, template: declaring }) => {
    const type = resource.type.toLowerCase();
    // The flow logs' storage can be reached by trusted Azure services alone (flowLogStoreFindings).
    if (isFlowLogStore(resource, declaring)) return [];
    if ((type === 'microsoft.network/publicipaddresses' || type === 'microsoft.cdn/profiles') && !PUBLIC_ENDPOINT_MODULES.has(module)) {
      return [finding('public-endpoint-outside-doors', `${module}: ${resource.type} is a public endpoint outside the doors`, module)];
    }
    // Azure's default is Enabled for these, so the switch must be there and off, not merely not on.
    const access = resource.properties?.publicNetworkAccess;
    const mustDisable = privateServiceOf(type) !== undefined;
    return (mustDisable || access !== undefined) && String(access).toLowerCase() !== 'disabled'
      ? [
          finding(
            'public-network-access-enabled',
            `${module}: ${resource.type} has public network access ${JSON.stringify(access ?? 'unset (Enabled)')}`,
            module,
          ),
        ]
      : [];
  });
}

/** NET-06: the jumpbox has no public IP, signs people in with Microsoft Entra ID and boots trusted. */
export function jumpboxFindings(template: ArmTemplate): Finding[] {
  const problems: Finding[] = [];
  for (const nic of ofType(template, 'Microsoft.Network/networkInterfaces')) {
    const configurations = (nic.properties?.ipConfigurations ?? []) as { properties?: Record<string, unknown> }[];
    if (configurations.some((configuration) => configuration.properties?.publicIPAddress !== undefined))
      problems.push(finding('jumpbox-public-ip', `${nic.name}: the jumpbox's network interface has a public IP`));
  }
  const vms = ofType(template, 'Microsoft.Compute/virtualMachines');
  if (vms.length !== 1) problems.push(finding('jumpbox-count', `expected one jumpbox VM, found ${vms.length}`));
  for (const vm of vms) {
    const security = vm.properties?.securityProfile as
      { securityType?: string; uefiSettings?: { secureBootEnabled?: boolean; vTpmEnabled?: boolean } } | undefined;
    if (security?.securityType !== 'TrustedLaunch' || !security.uefiSettings?.secureBootEnabled || !security.uefiSettings.vTpmEnabled)
      problems.push(finding('jumpbox-untrusted-boot', 'the jumpbox does not boot with trusted launch'));
  }
  const extensions = ofType(template, 'Microsoft.Compute/virtualMachines/extensions');
  if (!extensions.some((extension) => extension.properties?.type === 'AADLoginForWindows'))
    problems.push(finding('jumpbox-without-entra-sign-in', 'the jumpbox has no Microsoft Entra ID sign-in'));
  return problems;
}

/** NET-11: the VPN gateway speaks OpenVPN only and signs people in with Microsoft Entra ID of this tenant. */
export function vpnFindings(template: ArmTemplate): Finding[] {
  const gateways = ofType(template, 'Microsoft.Network/virtualNetworkGateways');
  if (gateways.length !== 1) return [finding('vpn-gateway-count', `expected one VPN gateway, found ${gateways.length}`)];
  const client = gateways[0]!.properties?.vpnClientConfiguration as Record<string, unknown> | undefined;
  const problems: Finding[] = [];
  if (JSON.stringify(client?.vpnClientProtocols) !== '["OpenVPN"]')
    problems.push(finding('vpn-protocols', `the VPN protocols are ${JSON.stringify(client?.vpnClientProtocols)}, not OpenVPN alone`));
  if (JSON.stringify(client?.vpnAuthenticationTypes) !== '["AAD"]')
    problems.push(finding('vpn-authentication', `the VPN authentication is ${JSON.stringify(client?.vpnAuthenticationTypes)}, not Microsoft Entra ID alone`));
  for (const key of ['aadTenant', 'aadIssuer']) {
    if (!String(client?.[key]).includes('tenant().tenantId')) problems.push(finding('vpn-foreign-tenant', `${key} is not this tenant's`));
  }
  if (client?.aadAudience === undefined) problems.push(finding('vpn-audience-missing', 'the VPN gateway names no Entra ID audience'));
  return problems;
}

/** SEC-05: the roles that let an identity call model deployments and nothing more (Cognitive Services OpenAI User, Azure AI User). */
const INFERENCE_ROLES = new Set(['5e0bd9bd-7b93-4f28-af87-19fc36ad61bd', '53ca6127-db72-4b80-b1b0-d0d8b2ab54f5']);

/**
 * NET-08, SEC-05: API Management is internal; the model API's policy validates Microsoft Entra ID tokens,
 * limits tokens per caller and calls the backend with the managed identity; every section keeps `<base />`.
 */
export function apiManagementFindings(template: ArmTemplate): Finding[] {
  const entries = resourcesByModule(template).filter(({ module }) => module === 'api-management');
  const service = entries.find(({ resource }) => resource.type === 'Microsoft.ApiManagement/service');
  if (!service) return [finding('api-management-missing', 'api-management: no API Management service (NET-08, SEC-05)', 'api-management')];
  const problems: Finding[] = [];
  if (service.resource.properties?.virtualNetworkType !== 'Internal')
    problems.push(finding('api-management-external', 'api-management: Microsoft.ApiManagement/service is not in internal mode', 'api-management'));
  const policy = entries.find(({ resource }) => resource.type === 'Microsoft.ApiManagement/service/apis/policies');
  // The XML is loaded into a variable of the module; the policy's value replaces placeholders in it.
  const variable = /variables\('(\$fxv#\d+)'\)/.exec(String(policy?.resource.properties?.value))?.[1];
  const xml = String(variable ? policy?.template.variables?.[variable] : policy?.resource.properties?.value);
  // SEC-05: callers prove who they are with Entra ID; the gateway calls the models as itself.
  const required: readonly [string, FindingCode, string][] = [
    ['<validate-azure-ad-token', 'model-policy-without-identity', ' (SEC-05)'],
    ['<authentication-managed-identity', 'model-policy-without-identity', ' (SEC-05)'],
    ['-token-limit', 'model-policy-without-token-limits', ''],
    ['-emit-token-metric', 'model-policy-without-token-limits', ''],
  ];
  for (const [element, code, tag] of required) {
    if (!xml.includes(element)) problems.push(finding(code, `api-management: the model API's policy lacks ${element}${tag}`, 'api-management'));
  }
  const modelAccess = ownResources(template).find((resource) => resource.name === 'api-management-model-access');
  if (!JSON.stringify(modelAccess?.properties?.parameters?.principalId ?? null).includes("'Microsoft.Resources/deployments', 'api-management')")) {
    problems.push(
      finding(
        'gateway-model-role-missing',
        "api-management-model-access: the gateway's managed identity holds no role on the model account (SEC-05)",
        'api-management-model-access',
      ),
    );
  } else if (!INFERENCE_ROLES.has(String(modelAccess?.properties?.parameters?.roleDefinitionId?.value))) {
    const role = String(modelAccess?.properties?.parameters?.roleDefinitionId?.value);
    problems.push(
      finding(
        'gateway-model-role-too-broad',
        `api-management-model-access: the gateway's managed identity holds role ${role}, more than calling the models needs (SEC-05)`,
        'api-management-model-access',
      ),
    );
  }
  // NET-14: with further regions, the service's additional locations come from the parameter and use the regional subnets.
  const deployment = ownResources(template).find((resource) => resource.name === 'api-management');
  const extra = JSON.stringify(deployment?.properties?.parameters?.additionalLocations?.value ?? null);
  if (
    template.parameters?.apiManagementRegions !== undefined &&
    !(extra.includes("parameters('apiManagementRegions')") && extra.includes('/subnets/snet-apim'))
  ) {
    problems.push(
      finding(
        'api-management-regions-missing',
        'api-management: API Management does not run in the further regions of apiManagementRegions (NET-14)',
        'api-management',
      ),
    );
  }
  for (const section of ['inbound', 'backend', 'outbound', 'on-error']) {
    if (!new RegExp(`<${section}>\\s*<base />`).test(xml))
      problems.push(finding('model-policy-skips-base', `api-management: the model API's policy does not start <${section}> with <base />`, 'api-management'));
  }
  return problems;
}

/**
 * NET-09: the WAF policies block (prevention mode) and are attached; listeners and routes serve HTTPS
 * and only redirect HTTP; Front Door reaches its origin over Private Link. What the gateway choice
 * brings must be there: an empty template passes nothing.
 */
export function edgeFindings(template: ArmTemplate, gateway: string): Finding[] {
  const problems: Finding[] = [];
  const count = (type: string) => ofType(template, type).length;
  const edge = gateway === 'apim-appgw' || gateway === 'apim-frontdoor';
  if (
    count('Microsoft.Network/applicationGateways') !== (edge ? 1 : 0) ||
    count('Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies') !== (edge ? 1 : 0)
  ) {
    problems.push(finding('edge-resources-unexpected', `expected ${edge ? 'one Application Gateway with one WAF policy' : 'no Application Gateway'}`));
  }
  const frontDoor = gateway === 'apim-frontdoor';
  for (const type of [
    'Microsoft.Network/FrontDoorWebApplicationFirewallPolicies',
    'Microsoft.Cdn/profiles/securityPolicies',
    'Microsoft.Cdn/profiles/afdEndpoints/routes',
    'Microsoft.Cdn/profiles/originGroups/origins',
  ]) {
    if (count(type) !== (frontDoor ? 1 : 0)) problems.push(finding('edge-resources-unexpected', `expected ${frontDoor ? 'one' : 'no'} ${type}`));
  }
  for (const waf of ofType(template, 'Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies')) {
    const settings = waf.properties?.policySettings as { state?: string; mode?: string } | undefined;
    if (settings?.state !== 'Enabled' || settings.mode !== 'Prevention')
      problems.push(finding('waf-not-blocking', 'the Application Gateway WAF is not enabled in prevention mode'));
  }
  for (const waf of ofType(template, 'Microsoft.Network/FrontDoorWebApplicationFirewallPolicies')) {
    const settings = waf.properties?.policySettings as { enabledState?: string; mode?: string } | undefined;
    if (settings?.enabledState !== 'Enabled' || settings.mode !== 'Prevention')
      problems.push(finding('waf-not-blocking', 'the Front Door WAF is not enabled in prevention mode'));
  }
  for (const gateway of ofType(template, 'Microsoft.Network/applicationGateways')) {
    const properties = gateway.properties ?? {};
    if (properties.firewallPolicy === undefined) problems.push(finding('waf-policy-detached', `${gateway.name}: no WAF policy`));
    const listeners = (properties.httpListeners ?? []) as { name: string; properties: { protocol: string } }[];
    const rules = JSON.stringify(properties.requestRoutingRules ?? []);
    for (const listener of listeners.filter((candidate) => candidate.properties.protocol !== 'Https')) {
      const rule = ((properties.requestRoutingRules ?? []) as { properties: { httpListener: { id: string }; redirectConfiguration?: unknown } }[]).find(
        (candidate) => JSON.stringify(candidate.properties.httpListener).includes(listener.name.replace(/^\[(.*)\]$/, '$1')),
      );
      if (!rule?.properties.redirectConfiguration)
        problems.push(finding('http-not-redirected', `${gateway.name}: HTTP listener ${listener.name} is not redirected to HTTPS`));
    }
    if (!listeners.some((listener) => listener.properties.protocol === 'Https') || !rules.includes('backendAddressPool'))
      problems.push(finding('https-listener-missing', `${gateway.name}: no HTTPS listener forwards to the backend`));
  }
  for (const route of ofType(template, 'Microsoft.Cdn/profiles/afdEndpoints/routes')) {
    if (route.properties?.forwardingProtocol !== 'HttpsOnly' || route.properties?.httpsRedirect !== 'Enabled')
      problems.push(finding('front-door-route-insecure', 'a Front Door route does not keep to HTTPS'));
  }
  problems.push(...edgePathFindings(template));
  for (const origin of ofType(template, 'Microsoft.Cdn/profiles/originGroups/origins')) {
    if ((origin.properties as { sharedPrivateLinkResource?: unknown } | undefined)?.sharedPrivateLinkResource === undefined)
      problems.push(finding('front-door-origin-public', 'a Front Door origin is not reached over Private Link'));
  }
  return problems;
}

/**
 * NET-09: the Front Door WAF guards every domain callers can use (a security policy covers only the domains it
 * lists, so a custom domain left out would pass uninspected), and neither door forwards more than the model API:
 * no Front Door route matches every path, and the Application Gateway's WAF blocks what is not under /openai/.
 */
function edgePathFindings(template: ArmTemplate): Finding[] {
  const problems: Finding[] = [];
  const guarded = JSON.stringify(ofType(template, 'Microsoft.Cdn/profiles/securityPolicies').map((policy) => policy.properties?.parameters));
  const guardedDomains = guarded.split("'Microsoft.Cdn/profiles/customDomains'").length - 1;
  if (ofType(template, 'Microsoft.Cdn/profiles/customDomains').length > guardedDomains)
    problems.push(finding('waf-domain-unguarded', "the Front Door WAF does not guard every custom domain (the security policy's domains)"));
  for (const route of ofType(template, 'Microsoft.Cdn/profiles/afdEndpoints/routes')) {
    if (((route.properties?.patternsToMatch ?? []) as string[]).includes('/*'))
      problems.push(finding('edge-forwards-every-path', 'a Front Door route forwards every path, not only the model API'));
  }
  for (const waf of ofType(template, 'Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies')) {
    const rules = (waf.properties?.customRules ?? []) as { action?: string; matchConditions?: { negationConditon?: boolean; matchValues?: unknown }[] }[];
    const blocksOtherPaths = rules.some(
      (rule) =>
        rule.action === 'Block' &&
        rule.matchConditions?.some((condition) => condition.negationConditon === true && JSON.stringify(condition.matchValues ?? '').includes('openai')),
    );
    if (!blocksOtherPaths) problems.push(finding('edge-forwards-every-path', 'the Application Gateway WAF does not block paths outside the model API'));
  }
  return problems;
}

/**
 * NET-14: each further region of API Management gets its own VNet (a loop over apiManagementRegions),
 * peered with the workload VNet in both directions, one peering at a time; with the firewall in a hub,
 * with the hub too.
 */
export function regionalNetworkFindings(template: ArmTemplate, { firewallInHub = false } = {}): Finding[] {
  const looped = (prefix: string) =>
    ownResources(template).find(
      (resource) =>
        resource.name.includes(prefix) && JSON.stringify((resource as { copy?: unknown }).copy ?? '').includes("parameters('apiManagementRegions')"),
    );
  const problems: Finding[] = [];
  if (!looped('apim-virtual-network-')) problems.push(finding('regional-vnets-missing', 'no VNet per further region of API Management'));
  // NET-07: a firewall in the hub is reachable from a region's network only through a peering of their own (peering is not transitive).
  const hubPeerings = firewallInHub
    ? [
        ['peering-hub-to-apim-', 'from the hub to the regions'],
        ['-to-hub', 'from the regions to the hub'],
      ]
    : [];
  for (const [prefix, direction] of [
    ['-to-workload', 'from the regions to the workload'],
    ['peering-workload-to-apim-', 'from the workload to the regions'],
    ...hubPeerings,
  ]) {
    const peering = looped(prefix!) as { copy?: { mode?: string; batchSize?: number } } | undefined;
    if (!peering) problems.push(finding('regional-peerings-missing', `no peering ${direction}`));
    else if (peering.copy?.mode !== 'serial' || peering.copy.batchSize !== 1)
      problems.push(finding('regional-peerings-parallel', `the peerings ${direction} are not made one at a time`));
  }
  return problems;
}

/** NET-06: Bastion is the way to the jumpbox. */
export function bastionFindings(template: ArmTemplate): Finding[] {
  return allResources(template).some((resource) => resource.type === 'Microsoft.Network/bastionHosts')
    ? []
    : [finding('bastion-missing', 'bastion: no Azure Bastion in front of the jumpbox')];
}

// The text of the checks above, for test/compile/compile.test.ts, which asserts on messages; validate reads the findings.
