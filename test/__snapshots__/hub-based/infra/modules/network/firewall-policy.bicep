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

@description('Address ranges of API Management\'s subnets, in every region it runs in, whose platform dependencies (Azure Storage, SQL, Key Vault, Monitor, Entra ID, certificate revocation lists, time) leave through the firewall.')
@minLength(1)
param apiManagementSubnetPrefixes array

@description('Tags applied to the firewall policy.')
param tags object

// Microsoft Entra ID's host name in this cloud (login.microsoftonline.com in the public cloud).
var loginHost = split(environment().authentication.loginEndpoint, '/')[2]

// Azure Resource Manager's host name in this cloud (management.azure.com in the public cloud).
var resourceManagerHost = split(environment().resourceManager, '/')[2]

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

// One rule per destination of the catalogue (src/catalogue/outbound.ts), grouped by source: application rules for
// HTTP and HTTPS, network rules where only they can allow the port or the service tag. DNS never leaves through a rule
// but is answered by the proxy. Everything not allowed here is denied.
resource egressRules 'Microsoft.Network/firewallPolicies/ruleCollectionGroups@2025-05-01' = {
  parent: policy
  name: 'egress'
  properties: {
    priority: 1000
    ruleCollections: [
      // NET-07: what every workload needs, from the whole workload VNet. The user's list (the generator's
      // --allowed-fqdns) gets a rule of its own, left out when the list is empty: a rule needs at least one FQDN.
      {
        ruleCollectionType: 'FirewallPolicyFilterRuleCollection'
        name: 'allow-https-outbound'
        priority: 100
        action: { type: 'Allow' }
        rules: [
          // Microsoft Entra ID tokens and Azure Resource Manager, which every managed identity and deployment script
          // uses (https://learn.microsoft.com/azure/azure-portal/azure-portal-safelist-urls).
          {
            ruleType: 'ApplicationRule'
            name: 'allow-entra-id-and-resource-manager'
            protocols: [{ protocolType: 'Https', port: 443 }]
            sourceAddresses: sourceAddressPrefixes
            targetFqdns: [
              loginHost
              resourceManagerHost
            ]
          }
          // The user's list, when there is one.
          ...(empty(allowedFqdns)
            ? []
            : [
                {
                  ruleType: 'ApplicationRule'
                  name: 'allow-approved-fqdns'
                  protocols: [{ protocolType: 'Https', port: 443 }]
                  sourceAddresses: sourceAddressPrefixes
                  targetFqdns: allowedFqdns
                }
              ])
        ]
      }
      // NET-07, NET-08: ports other than HTTP and HTTPS, and service tags, which only a network rule can allow; the DNS
      // proxy resolves the names.
      {
        ruleCollectionType: 'FirewallPolicyFilterRuleCollection'
        name: 'allow-api-management-platform'
        priority: 400
        action: { type: 'Allow' }
        rules: [
          // Its configuration and templates in Azure Storage, certificates in Key Vault, Entra ID
          // (https://learn.microsoft.com/azure/api-management/virtual-network-reference).
          {
            ruleType: 'NetworkRule'
            name: 'allow-azure-services'
            ipProtocols: ['TCP']
            sourceAddresses: apiManagementSubnetPrefixes
            destinationAddresses: [
              'Storage'
              'AzureKeyVault'
              'AzureActiveDirectory'
            ]
            destinationPorts: ['443']
          }
          // Its configuration database (https://learn.microsoft.com/azure/api-management/virtual-network-reference).
          {
            ruleType: 'NetworkRule'
            name: 'allow-configuration-database'
            ipProtocols: ['TCP']
            sourceAddresses: apiManagementSubnetPrefixes
            destinationAddresses: ['Sql']
            destinationPorts: ['1433']
          }
          // Diagnostics, metrics and health monitoring
          // (https://learn.microsoft.com/azure/api-management/virtual-network-reference).
          {
            ruleType: 'NetworkRule'
            name: 'allow-azure-monitor'
            ipProtocols: ['TCP']
            sourceAddresses: apiManagementSubnetPrefixes
            destinationAddresses: ['AzureMonitor']
            destinationPorts: [
              '443'
              '1886'
            ]
          }
          // Time (https://learn.microsoft.com/azure/api-management/virtual-network-reference).
          {
            ruleType: 'NetworkRule'
            name: 'allow-time'
            ipProtocols: ['UDP']
            sourceAddresses: apiManagementSubnetPrefixes
            destinationFqdns: ['time.windows.com']
            destinationPorts: ['123']
          }
        ]
      }
      // NET-07, NET-08: API Management's own dependencies, which it checks and installs for itself; Azure's control
      // plane reaches it directly, by a route of its own.
      {
        ruleCollectionType: 'FirewallPolicyFilterRuleCollection'
        name: 'allow-api-management-web'
        priority: 500
        action: { type: 'Allow' }
        rules: [
          // Certificate chains and revocation lists
          // (https://learn.microsoft.com/azure/api-management/virtual-network-reference).
          {
            ruleType: 'ApplicationRule'
            name: 'allow-certificate-validation'
            protocols: [
              { protocolType: 'Http', port: 80 }
              { protocolType: 'Https', port: 443 }
            ]
            sourceAddresses: apiManagementSubnetPrefixes
            targetFqdns: [
              'mscrl.microsoft.com'
              'crl.microsoft.com'
              'oneocsp.microsoft.com'
              'cacerts.digicert.com'
              'crl3.digicert.com'
              'csp.digicert.com'
              'issuer.pki.azure.com'
              'go.microsoft.com'
            ]
          }
          // The platform's diagnostics (https://learn.microsoft.com/azure/api-management/virtual-network-reference).
          {
            ruleType: 'ApplicationRule'
            name: 'allow-platform-diagnostics'
            protocols: [{ protocolType: 'Https', port: 443 }]
            sourceAddresses: apiManagementSubnetPrefixes
            targetFqdns: [
              'azurewatsonanalysis-prod.${environment().suffixes.storage}'
              '*.data.microsoft.com'
              'shavamanifestazurecdnprod1.azureedge.net'
              'shavamanifestcdnprod1.azureedge.net'
              'wdcp.microsoft.com'
              'wdcpalt.microsoft.com'
            ]
          }
          // The platform's updates, which API Management installs for itself
          // (https://learn.microsoft.com/azure/api-management/virtual-network-reference).
          {
            ruleType: 'ApplicationRule'
            name: 'allow-platform-updates'
            protocols: [
              { protocolType: 'Http', port: 80 }
              { protocolType: 'Https', port: 443 }
            ]
            sourceAddresses: apiManagementSubnetPrefixes
            fqdnTags: ['WindowsUpdate']
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
