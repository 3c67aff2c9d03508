import type { ViewModel } from '../model.js';
import { API_MANAGEMENT_ZONE } from '../network/private-dns-zones.js';
import { apiManagementRegionId, ID } from './diagram-ids.js';
import { type Box, node } from './diagram-mermaid.js';

/** The shared services outside the VNets: the platform team's hub, further gateway regions, DNS zones, logs and the internet. */

export function sharedServices(model: ViewModel): string[] {
  return [
    ...(model.existingHub ? [node(platformHubBox(model))] : []),
    ...apiManagementRegions(model),
    node({ id: ID.dnsZones, lines: dnsZoneLines(model) }),
    node({ id: ID.logAnalytics, lines: ['Log Analytics workspace', `diagnostics, ${model.firstEnvironment.logRetentionInDays} days`] }),
    ...(model.egressThroughFirewall ? [node({ id: ID.internet, lines: internetLines(model) })] : []),
  ];
}

function platformHubBox(model: ViewModel): Box {
  const answers = model.answers;
  const hubName = answers.hubVnetId?.split('/').pop();
  return {
    id: ID.platformHub,
    lines: [
      "Platform team's hub",
      ...(hubName ? [hubName] : []),
      ...(answers.hubFirewallIp ? [`firewall ${answers.hubFirewallIp}`] : []),
      ...(answers.hubDnsServers && answers.hubDnsServers.length > 0 ? [`DNS ${answers.hubDnsServers.join(', ')}`] : []),
    ],
  };
}

/** NET-14: production runs copies of the gateway in further regions, each in a small VNet of its own. */
function apiManagementRegions(model: ViewModel): string[] {
  if (!model.apiManagementRegions) return [];
  const production = model.environments.find((candidate) => (candidate.apiManagement?.regions.length ?? 0) > 0);
  return model.answers.apimRegions.map((location, index) => {
    const network = production?.apiManagement?.regions.find((candidate) => candidate.location === location);
    return node({
      id: apiManagementRegionId(index),
      lines: [
        `API Management in ${location}`,
        production && network ? `${production.name} only, VNet ${network.vnetAddressPrefix}` : 'production only, own VNet',
      ],
    });
  });
}

function dnsZoneLines(model: ViewModel): string[] {
  if (model.existingHub) {
    return [
      'Central private DNS zones of the platform team',
      model.dnsZoneGroups
        ? 'the endpoints register in them'
        : model.someDnsZoneGroups
          ? "Azure Policy registers the endpoints, the AI account's its own"
          : 'Azure Policy registers the endpoints',
    ];
  }
  // API Management in internal mode has no private endpoint: its gateway's host name is a zone of its own (not the whole
  // service domain, which would hide every other organisation's gateway), and so is each further region's host.
  const gateway = model.apiManagement ? [`${model.firstEnvironment.names.apiManagement}.${API_MANAGEMENT_ZONE.name}`] : [];
  const regions = model.apiManagementRegions ? ['and one per further region in production'] : [];
  const names = [...model.privateDnsZones.map((zone) => zone.name), ...gateway, ...regions];
  return ['Private DNS zones', ...names];
}

/** A few of the extra hosts say what the allow-list is about; all of them would not fit at a glance. */
function internetLines(model: ViewModel): string[] {
  const shown = 3;
  const extra = model.firewall ? model.answers.allowedFqdns : [];
  const hosts = extra.length > shown ? [...extra.slice(0, shown), `and ${extra.length - shown} more`] : extra;
  return ['Internet', 'approved FQDNs only', ...(hosts.length > 0 ? [`incl. ${hosts.join(', ')}`] : [])];
}
