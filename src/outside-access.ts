/**
 * What the deploying identity needs outside the landing zone's subscription, where the roles the bootstrap assigns on
 * the subscription do not reach: a custom role of exactly the actions the deployment takes there, assignable in those
 * resource groups alone. The bootstrap creates and assigns it when they are in another subscription (in this one,
 * Contributor covers it), or prints the commands for someone who may.
 */
export interface OutsideAccess {
  /** Names the role, between the workload's name and "(GitHub deployments, <subscription>)": plain words. */
  readonly name: string;
  /** The role's assignable scopes: the resource groups that hold `scopes`, each once. */
  readonly resourceGroups: readonly string[];
  /** Where the role is assigned: the resource groups themselves, or single resources in them. */
  readonly scopes: readonly string[];
  /** The role's actions. */
  readonly actions: readonly string[];
  /** An ABAC condition on the assignment, where the role's actions alone reach too far. */
  readonly condition?: string;
  /** The role's description, which says what it is for: plain words, written into the scripts' JSON as they are. */
  readonly description: string;
  /** What fails without it, completing "until someone who may runs these, …": plain words. */
  readonly withoutIt: string;
  /** Where it is assigned, for the README (Markdown). */
  readonly where: string;
  /** Why the deployment needs these actions there, for the README (Markdown). */
  readonly why: string;
}

/** The resource group of a resource ID: `/subscriptions/<id>/resourceGroups/<name>`. */
export const resourceGroupOf = (resourceId: string) => resourceId.split('/').slice(0, 5).join('/');

/** The resource groups of these scopes, each once (IDs compare without case), in first-seen order. */
export function resourceGroupsOf(scopes: readonly string[]): string[] {
  const groups = new Map<string, string>();
  for (const scope of scopes) {
    const group = resourceGroupOf(scope);
    if (!groups.has(group.toLowerCase())) groups.set(group.toLowerCase(), group);
  }
  return [...groups.values()];
}

/**
 * The hub's resource group, where main.bicep deploys the module `hubToSpokePeering`. A module is a deployment at that
 * group, so the identity needs Microsoft.Resources/deployments/* there, which a role on the VNet alone does not give
 * (https://learn.microsoft.com/azure/azure-resource-manager/bicep/deploy-to-resource-group, "Deploy to multiple
 * resource groups"; https://learn.microsoft.com/azure/azure-resource-manager/bicep/deploy-cli#required-permissions). Each side of a peering needs virtualNetworkPeerings/write on its own VNet and peer/action on the other
 * (https://learn.microsoft.com/azure/virtual-network/virtual-network-manage-peering#permissions,
 * https://learn.microsoft.com/azure/virtual-network/create-peering-different-subscriptions): the hub's side writes a
 * peering on the hub VNet, the spoke's side peers with it. `linksZones`: API Management's own zone is linked to the hub
 * VNet too, and linking a private DNS zone to a VNet joins it (virtualNetworks/join/action; a link to a VNet in another
 * subscription fails without it: https://github.com/hashicorp/terraform-provider-azurerm/issues/24724).
 */
export function hubAccessOf(hubVnetId: string, linksZones: boolean): OutsideAccess {
  const group = resourceGroupOf(hubVnetId);
  return {
    name: 'hub peering',
    resourceGroups: [group],
    scopes: [group],
    actions: [
      'Microsoft.Resources/deployments/*',
      'Microsoft.Resources/subscriptions/resourceGroups/read',
      'Microsoft.Network/virtualNetworks/read',
      'Microsoft.Network/virtualNetworks/virtualNetworkPeerings/read',
      'Microsoft.Network/virtualNetworks/virtualNetworkPeerings/write',
      'Microsoft.Network/virtualNetworks/peer/action',
      ...(linksZones ? ['Microsoft.Network/virtualNetworks/join/action'] : []),
    ],
    description: linksZones
      ? 'Peers the hub VNet with the spoke of this landing zone and links the API Management zone of the spoke to it; nothing else.'
      : 'Peers the hub VNet with the spoke of this landing zone; nothing else.',
    withoutIt: 'the deployment cannot peer the spoke with the hub',
    where: `the hub's resource group \`${group}\``,
    why:
      "the module `hubToSpokePeering` is a deployment in that resource group, which a role on the hub VNet alone does not allow (`Microsoft.Resources/deployments/*`); it writes the hub's side of the peering (`virtualNetworkPeerings/write`), and each side of a peering needs `peer/action` on the other VNet" +
      (linksZones ? "; API Management's own zone is linked to the hub VNet (`virtualNetworks/join/action`)" : ''),
  };
}

/**
 * The central private DNS zones the private endpoints' zone groups write their records into. Writing a zone group is
 * checked against each zone it names as a linked scope: Microsoft.Network/privateDnsZones/join/action, and nothing else
 * (the LinkedAuthorizationFailed of https://github.com/Azure/data-landing-zone/issues/203 and
 * https://github.com/Azure/Azure-Landing-Zones/issues/2942; the action is listed in
 * https://learn.microsoft.com/azure/role-based-access-control/permissions/networking). Private DNS Zone Contributor
 * would also let the identity change or delete every other record in the zones, so the role holds that action alone,
 * assigned on each zone rather than its resource group.
 */
export function privateDnsZoneAccessOf(zoneIds: readonly string[]): OutsideAccess {
  return {
    name: 'private DNS records',
    resourceGroups: resourceGroupsOf(zoneIds),
    scopes: zoneIds,
    actions: ['Microsoft.Network/privateDnsZones/join/action'],
    description: 'Lets the private endpoints of this landing zone register their records in the central private DNS zones; nothing else.',
    withoutIt: 'the private endpoints cannot register their names in the central zones',
    where: `each of the ${zoneIds.length} central zones in \`privateDnsZoneResourceIds\` (\`infra/params\`)`,
    why: "the private endpoints' DNS zone groups write their records there; *Private DNS Zone Contributor* would also let the identity change every other record in the zones",
  };
}
