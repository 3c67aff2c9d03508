import { contains, parseCidr, type Cidr } from '../network/cidr.js';
import { type Finding, finding } from './findings.js';

type EnvironmentParameters = Readonly<Record<string, Readonly<Record<string, { readonly value?: unknown }>>>>;

/**
 * NET-12: who may reach the private endpoints is a parameter (privateEndpointClientAddressPrefixes), so a
 * connected network can be added without editing the Bicep. Each built parameter file must keep it a list of
 * CIDR ranges (no service tag, no `*`, nothing public that the NSG would admit), and keep the workload's own
 * VNet and the VPN clients' pool in it: without them the workload and the VPN users lose their endpoints.
 */
export function endpointClientFindings(environments: EnvironmentParameters): Finding[] {
  return Object.entries(environments).flatMap(([environment, parameters]) => {
    const clients = parameters.privateEndpointClientAddressPrefixes?.value;
    if (clients === undefined) return [];
    const where = `${environment}.privateEndpointClientAddressPrefixes`;
    if (!Array.isArray(clients) || clients.length === 0) return [finding('endpoint-clients-invalid', `${where} is not a non-empty list of CIDR ranges`)];
    const ranges: Cidr[] = [];
    const problems: Finding[] = [];
    for (const client of clients) {
      const range = parseCidr(String(client));
      if ('error' in range) problems.push(finding('endpoint-clients-invalid', `${where}: ${JSON.stringify(client)} ${range.error}`));
      else ranges.push(range);
    }
    for (const key of ['vnetAddressPrefix', 'vpnClientAddressPool']) {
      const required = parameters[key]?.value;
      if (typeof required !== 'string') continue;
      const range = parseCidr(required);
      if (!('error' in range) && !ranges.some((client) => contains(client, range)))
        problems.push(finding('endpoint-clients-incomplete', `${where} leaves out ${key} ${required}, whose clients then cannot reach the private endpoints`));
    }
    return problems;
  });
}
