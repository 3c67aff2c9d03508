metadata description = 'Azure Firewall Standard policy: threat intelligence in deny mode, DNS proxy, and HTTPS egress only to an FQDN allow-list (NET-07).'

@description('Name of the firewall policy (lower case).')
@minLength(1)
@maxLength(80)
param name string

@description('Azure region of the firewall policy; must be the region of its firewall.')
param location string = resourceGroup().location

@description('Address ranges whose HTTPS traffic may leave through the firewall: the workload virtual network.')
@minLength(1)
param sourceAddressPrefixes array

@description('Further FQDNs (wildcards like *.example.com allowed) that the workload may reach over HTTPS; may be empty.')
param allowedFqdns array

@description('Address range of the agent subnet, whose containers get their managed identities\' tokens from more hosts than the workload.')
param agentSubnetPrefix string

@description('Tags applied to the firewall policy.')
param tags object

// What every workload needs: Microsoft Entra ID sign-in and Azure Resource Manager, as the host names of this
// cloud (e.g. https://login.microsoftonline.com/ becomes login.microsoftonline.com).
var platformFqdns = map(
  [environment().authentication.loginEndpoint, environment().resourceManager],
  endpoint => split(endpoint, '/')[2]
)

var httpsRule = {
  ruleType: 'ApplicationRule'
  protocols: [{ protocolType: 'Https', port: 443 }]
  sourceAddresses: sourceAddressPrefixes
}

// No diagnostic setting: a policy publishes no logs or metrics; the firewall logs every rule hit (SEC-11).
resource policy 'Microsoft.Network/firewallPolicies@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    sku: { tier: 'Standard' }
    // Traffic to and from known malicious addresses and domains is blocked, not only alerted (PSRule Azure.Firewall.PolicyMode).
    threatIntelMode: 'Deny'
    // The firewall is the workload's DNS server. It resolves with Azure DNS from its own virtual network, which is
    // linked to every private DNS zone, so private endpoint names still resolve to private addresses; and the names
    // the application rules match are the very names the workload resolved.
    dnsSettings: { enableProxy: true }
  }
}

// Application rules: nothing
// in the workload itself needs raw IP egress, and DNS never leaves through a rule but is answered by the proxy.
// Everything not allowed here is denied.
resource egressRules 'Microsoft.Network/firewallPolicies/ruleCollectionGroups@2025-05-01' = {
  parent: policy
  name: 'egress'
  properties: {
    priority: 1000
    ruleCollections: [
      {
        ruleCollectionType: 'FirewallPolicyFilterRuleCollection'
        name: 'allow-https-outbound'
        priority: 100
        action: { type: 'Allow' }
        // The user's list (the generator's --allowed-fqdns) gets a rule of its own, left out when the list is
        // empty: a rule needs at least one FQDN.
        rules: concat(
          [union(httpsRule, { name: 'allow-entra-id-and-resource-manager', targetFqdns: platformFqdns })],
          empty(allowedFqdns) ? [] : [union(httpsRule, { name: 'allow-approved-fqdns', targetFqdns: allowedFqdns })]
        )
      }
      // FDY-06: the Agent Service runs on the Container Apps platform, whose firewall requirements apply to its subnet
      // (https://learn.microsoft.com/azure/container-apps/use-azure-firewall): tokens for the containers' managed
      // identities, and the platform's own images from Microsoft Container Registry in every scenario. The tools agents
      // call are added to firewallAllowedFqdns.
      {
        ruleCollectionType: 'FirewallPolicyFilterRuleCollection'
        name: 'allow-agents-outbound'
        priority: 190
        action: { type: 'Allow' }
        rules: [
          {
            ruleType: 'ApplicationRule'
            name: 'allow-managed-identity'
            protocols: [{ protocolType: 'Https', port: 443 }]
            sourceAddresses: [agentSubnetPrefix]
            targetFqdns: [
              '*.identity.azure.net'
              '*.${platformFqdns[0]}'
              '*.login.microsoft.com'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'allow-container-platform-images'
            protocols: [{ protocolType: 'Https', port: 443 }]
            sourceAddresses: [agentSubnetPrefix]
            targetFqdns: [
              'mcr.microsoft.com'
              '*.data.mcr.microsoft.com'
            ]
          }
        ]
      }
    ]
  }
}

@description('Resource ID of the firewall policy.')
output resourceId string = policy.id

@description('Name of the firewall policy.')
output name string = policy.name
