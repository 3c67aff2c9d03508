import { type ArmResource, type ArmTemplate, everyResourceByModule, resolveVariables } from './arm.js';
import { type Finding, finding } from './findings.js';

/**
 * Child resources declared on their own rather than inline in their parent: a security rule as a
 * `Microsoft.Network/networkSecurityGroups/securityRules` resource, a subnet as a
 * `Microsoft.Network/virtualNetworks/subnets` resource. The generated Bicep declares neither, so the checks
 * of the rules and subnets main.bicep passes (network-checks.ts) would not see one that a person adds by hand,
 * in main.bicep's modules or any module they call.
 */

/**
 * Sources that mean "anyone": `*` matches every address, `0.0.0.0/0` and `::/0` every IPv4 and IPv6 address,
 * and the `Internet` tag the public address space. Azure documents `*` and the default tags for
 * sourceAddressPrefix: https://learn.microsoft.com/en-us/dotnet/api/microsoft.azure.management.network.models.securityrule.sourceaddressprefix
 */
const ANY_ADDRESS = new Set(['*', '0.0.0.0/0', '::/0', 'any']);
export const isAnySource = (source: string) => ANY_ADDRESS.has(source.toLowerCase());
export const isInternetSource = (source: string) => source.toLowerCase() === 'internet';

/**
 * The addresses a source names: itself, or every string literal of an expression Bicep left unresolved
 * (`[concat(createArray('0.0.0.0/0', parameters('x')), …)]`), so that a wide literal hidden in one is still found.
 */
export const sourceLiterals = (source: string): string[] => (source.startsWith('[') ? [...source.matchAll(/'([^']*)'/g)].map((match) => match[1]!) : [source]);

interface RuleProperties {
  readonly direction?: unknown;
  readonly access?: unknown;
  readonly sourceAddressPrefix?: unknown;
  readonly sourceAddressPrefixes?: unknown;
}

/** The addresses of a rule's sources: its single prefix and its list, each a literal, a list or an expression. */
function sourcesOf(properties: RuleProperties): string[] {
  const list = Array.isArray(properties.sourceAddressPrefixes) ? properties.sourceAddressPrefixes : [properties.sourceAddressPrefixes];
  return [properties.sourceAddressPrefix, ...list].filter((source): source is string => typeof source === 'string').flatMap(sourceLiterals);
}

/** The last segment of a child resource's name, `vnet/snet-x` or `[format('{0}/{1}', …, 'snet-x')]`, or the whole name. */
export function childName(name: string): string {
  const literal = /'([^'/]+)'\)\]$/.exec(name)?.[1];
  return literal ?? name.split('/').at(-1) ?? name;
}

const where = (module: string | undefined, resource: ArmResource) => `${module ? `${module}: ` : ''}${resource.type} ${childName(resource.name)}`;

/**
 * NET-12: a security rule declared on its own must not admit inbound traffic from anyone or from the
 * internet. Azure merges it into its NSG's rules, wherever the NSG's own rules are written.
 */
export function securityRuleResourceFindings(template: ArmTemplate): Finding[] {
  return everyResourceByModule(template)
    .filter(({ resource }) => resource.type.toLowerCase() === 'microsoft.network/networksecuritygroups/securityrules')
    .flatMap(({ module, resource, template: declaring }) => {
      const properties = resolveVariables(resource.properties ?? {}, declaring) as RuleProperties;
      if (properties.direction !== 'Inbound' || properties.access !== 'Allow') return [];
      const sources = sourcesOf(properties);
      const label = where(module, resource);
      return [
        ...sources.filter(isAnySource).map((source) => finding('nsg-allows-any-source', `${label} allows inbound traffic from any source (${source})`, module)),
        ...sources.filter(isInternetSource).map(() => finding('nsg-allows-internet', `${label} allows inbound traffic from the internet`, module)),
      ];
    });
}

/** Subnet names that PSRule (Azure.VNET.UseNSGs) and Azure itself exempt from NSGs. */
export const NSG_EXEMPT = new Set(['GatewaySubnet', 'AzureFirewallSubnet', 'AzureFirewallManagementSubnet', 'RouteServerSubnet']);
/** Subnets that take no route to the firewall: Azure forbids or breaks it there (Bastion, Application Gateway v2, the resolver's endpoints). */
export const NOT_ROUTED = new Set([...NSG_EXEMPT, 'AzureBastionSubnet', 'snet-appgw', 'snet-appgw-private-link', 'snet-dns-inbound', 'snet-dns-outbound']);

/**
 * NET-12 and NET-07: a subnet declared on its own gets a network security group (unless Azure exempts it), no
 * default outbound access, and, where egress goes through the firewall, the route table that sends it there.
 */
export function subnetResourceFindings(template: ArmTemplate, { egressThroughFirewall }: { egressThroughFirewall: boolean }): Finding[] {
  return everyResourceByModule(template)
    .filter(({ resource }) => resource.type.toLowerCase() === 'microsoft.network/virtualnetworks/subnets')
    .flatMap(({ module, resource }) => {
      const name = childName(resource.name);
      const properties = resource.properties ?? {};
      const label = where(module, resource);
      const problems: Finding[] = [];
      if (!NSG_EXEMPT.has(name) && properties.networkSecurityGroup === undefined)
        problems.push(finding('subnet-without-nsg', `${label} has no network security group`, module));
      if (properties.defaultOutboundAccess !== false) problems.push(finding('subnet-default-outbound', `${label} keeps default outbound access`, module));
      if (egressThroughFirewall && !NOT_ROUTED.has(name) && properties.routeTable === undefined)
        problems.push(finding('egress-bypasses-firewall', `${label} has no route table, so its egress bypasses the firewall`, module));
      return problems;
    });
}
