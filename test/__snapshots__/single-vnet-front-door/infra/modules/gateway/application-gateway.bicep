metadata description = 'Application Gateway WAF_v2 that Azure Front Door Premium reaches only over Private Link, in front of the internal-mode API Management gateway (NET-09).'

// Why an Application Gateway sits between Front Door and API Management: Front Door Premium reaches a private origin
// only through a private endpoint that it creates itself, and an API Management instance injected in a virtual network
// (the internal mode of NET-08) accepts no inbound private endpoint. Application Gateway is a supported Front Door
// Private Link origin: its Private Link configuration publishes its private frontend, and it forwards to the private
// IP of API Management inside the virtual network.

@description('Name of the Application Gateway; its public IP is named pip-<name> and its WAF policy waf-<name>. At most 60 characters, because Azure limits the gateway name and its Private Link configuration name (front-door) to 70 together.')
@minLength(1)
@maxLength(60)
param name string

@description('Host name Front Door asks for, e.g. ai.contoso.com: the name on the certificate. The listener answers for it alone.')
@minLength(4)
param listenerHostName string

@description('Azure region of the gateway, its WAF policy and its public IP; must be the region of its virtual network.')
param location string = resourceGroup().location

@description('Whether the region has availability zones: the gateway and its public IP then span zones 1, 2 and 3.')
param zoneRedundant bool

@description('Resource ID of the subnet dedicated to Application Gateway (nothing else may be deployed to it).')
param subnetResourceId string

@description('Static private IP address of the gateway\'s private frontend, inside the Application Gateway subnet and outside the addresses its instances take from the start of the subnet (e.g. the last usable address).')
param privateIpAddress string

@description('Resource ID of the subnet, separate from the gateway\'s, from which the Private Link configuration takes its source-NAT addresses; it must have privateLinkServiceNetworkPolicies set to Disabled.')
param privateLinkSubnetResourceId string

@description('Versionless URI of the Key Vault secret that holds the listener certificate (PFX), e.g. https://<vault>.vault.azure.net/secrets/<name>. The certificate must be issued by a public CA that Front Door trusts, for the host name Front Door sends as origin host header.')
param certificateKeyVaultUri string

@description('Host name of the API Management gateway, e.g. <apim>.azure-api.net, which resolves to its private IP through a private DNS zone linked to this virtual network.')
param backendHostName string

@description('Resource ID of the user-assigned managed identity the gateway reads the certificate with; it must already hold Key Vault Secrets User on that secret.')
param userAssignedIdentityResourceId string

@description('Resource ID of the Log Analytics workspace that receives the gateway and public IP diagnostics.')
param logAnalyticsWorkspaceResourceId string

@description('Tags applied to the gateway, its WAF policy and its public IP.')
param tags object

var zones = zoneRedundant ? ['1', '2', '3'] : []

// Two instances at all times (PSRule Azure.AppGw.MinInstance), so one can be patched while the other serves; ten at
// most, which a /24 subnet holds many times over (each instance takes one address of the subnet).
var minCapacity = 2
var maxCapacity = 10

// Model calls can run for minutes; the default of 20 seconds would cut long completions off. Front Door waits at most
// 240 seconds for its origin, so waiting longer here would gain nothing.
var requestTimeoutSeconds = 240

// API Management answers this path itself, without calling any API, so the probe tests the gateway and nothing else.
var apiManagementStatusPath = '/status-0123456789abcdef'

// Front Door's WAF inspects every request first; this policy is the second line, and PSRule (Azure.AppGw.UseWAF,
// Azure.AppGw.WAFEnabled) asks for it on every gateway that has a public frontend, as this one must (see below).
resource wafPolicy 'Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies@2025-05-01' = {
  name: 'waf-${name}'
  location: location
  tags: tags
  properties: {
    policySettings: {
      state: 'Enabled'
      mode: 'Prevention'
      requestBodyCheck: true
      // Prompts with long context exceed the classic 128 KB limit: up to 2 MB is accepted, the first 128 KB inspected.
      requestBodyEnforcement: true
      maxRequestBodySizeInKb: 2000
      requestBodyInspectLimitInKB: 128
      fileUploadLimitInMb: 100
    }
    // NET-09: only the model API is forwarded (API Management serves it under /openai); every other path is blocked
    // before it reaches the gateway, so the rest of API Management (its other APIs, the sample echo-api) stays internal.
    // Custom rules run before the managed rule sets and a Block ends the evaluation (Azure WAF documentation, "Custom
    // rules for Web Application Firewall v2 on Azure Application Gateway",
    // https://learn.microsoft.com/azure/web-application-firewall/ag/custom-waf-rules-overview).
    customRules: [
      {
        name: 'BlockAllButModelApi'
        priority: 10
        ruleType: 'MatchRule'
        action: 'Block'
        state: 'Enabled'
        matchConditions: [
          {
            matchVariables: [{ variableName: 'RequestUri' }]
            operator: 'BeginsWith'
            negationConditon: true
            transforms: ['Lowercase']
            // The model API's path in API Management; and its status path, which Front Door's health probe asks for
            // through this listener.
            matchValues: [
              '/openai/'
              apiManagementStatusPath
            ]
          }
        ]
      }
    ]
    managedRules: {
      // No exclusions (PSRule Azure.AppGwWAF.Exclusions). Order matters to PSRule Azure.AppGwWAF.RuleGroups: the
      // Default Rule Set first (2.2 is the newest, and what Microsoft recommends), then Bot Manager (1.1 is the newest).
      managedRuleSets: [
        {
          ruleSetType: 'Microsoft_DefaultRuleSet'
          ruleSetVersion: '2.2'
        }
        {
          ruleSetType: 'Microsoft_BotManagerRuleSet'
          ruleSetVersion: '1.1'
        }
      ]
    }
  }
}

// Application Gateway v2 needs a public frontend for its own management traffic unless the subscription is registered
// for network isolation (EnableApplicationGatewayNetworkIsolation), which a template cannot count on. No listener uses
// this address, so it serves no client; every request arrives on the private frontend through Private Link.
resource publicIp 'Microsoft.Network/publicIPAddresses@2025-05-01' = {
  name: 'pip-${name}'
  location: location
  tags: tags
  zones: zones
  sku: { name: 'Standard', tier: 'Regional' }
  properties: {
    publicIPAllocationMethod: 'Static'
    publicIPAddressVersion: 'IPv4'
  }
}

// Names of the gateway's own sub-resources, which its properties refer to by ID. The private frontend's name is what
// Front Door asks for as the Private Link group ID.
var publicFrontendIpName = 'public'
var privateFrontendIpName = 'private'
var privateLinkConfigurationName = 'front-door'
var httpsPortName = 'https'
var certificateName = 'listener'
var httpsListenerName = 'https'
var backendPoolName = 'api-management'
var backendSettingsName = 'api-management-https'
var probeName = 'api-management-status'

resource applicationGateway 'Microsoft.Network/applicationGateways@2025-05-01' = {
  name: name
  location: location
  tags: tags
  zones: zones
  // SEC-10: the certificate is read with a managed identity, never uploaded as a password-protected file. Application
  // Gateway accepts only user-assigned identities for Key Vault.
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${userAssignedIdentityResourceId}': {}
    }
  }
  properties: {
    sku: { name: 'WAF_v2', tier: 'WAF_v2' }
    autoscaleConfiguration: {
      minCapacity: minCapacity
      maxCapacity: maxCapacity
    }
    firewallPolicy: { id: wafPolicy.id }
    enableHttp2: true
    // TLS 1.2 and later with strong ciphers only (PSRule Azure.AppGw.SSLPolicy).
    sslPolicy: {
      policyType: 'Predefined'
      policyName: 'AppGwSslPolicy20220101S'
    }
    gatewayIPConfigurations: [
      {
        name: 'gateway'
        properties: {
          subnet: { id: subnetResourceId }
        }
      }
    ]
    // Front Door's private endpoint connects to this configuration, which source-NATs its traffic to addresses of the
    // Private Link subnet; the gateway's network security group admits that subnet on 443.
    privateLinkConfigurations: [
      {
        name: privateLinkConfigurationName
        properties: {
          ipConfigurations: [
            {
              name: 'nat'
              properties: {
                // Azure supports only dynamic addresses here.
                privateIPAllocationMethod: 'Dynamic'
                primary: true
                subnet: { id: privateLinkSubnetResourceId }
              }
            }
          ]
        }
      }
    ]
    frontendIPConfigurations: [
      {
        name: publicFrontendIpName
        properties: {
          publicIPAddress: { id: publicIp.id }
        }
      }
      {
        name: privateFrontendIpName
        properties: {
          // v2 requires a static address on a private frontend.
          privateIPAllocationMethod: 'Static'
          privateIPAddress: privateIpAddress
          subnet: { id: subnetResourceId }
          privateLinkConfiguration: {
            id: resourceId(
              'Microsoft.Network/applicationGateways/privateLinkConfigurations',
              name,
              privateLinkConfigurationName
            )
          }
        }
      }
    ]
    frontendPorts: [
      {
        name: httpsPortName
        properties: { port: 443 }
      }
    ]
    sslCertificates: [
      {
        name: certificateName
        properties: {
          keyVaultSecretId: certificateKeyVaultUri
        }
      }
    ]
    // HTTPS only: Front Door forwards over HTTPS and redirects HTTP itself, so no HTTP listener exists here.
    httpListeners: [
      {
        name: httpsListenerName
        properties: {
          protocol: 'Https'
          hostName: listenerHostName
          frontendIPConfiguration: {
            id: resourceId(
              'Microsoft.Network/applicationGateways/frontendIPConfigurations',
              name,
              privateFrontendIpName
            )
          }
          frontendPort: { id: resourceId('Microsoft.Network/applicationGateways/frontendPorts', name, httpsPortName) }
          sslCertificate: {
            id: resourceId('Microsoft.Network/applicationGateways/sslCertificates', name, certificateName)
          }
        }
      }
    ]
    backendAddressPools: [
      {
        name: backendPoolName
        properties: {
          backendAddresses: [
            { fqdn: backendHostName }
          ]
        }
      }
    ]
    // TLS again to API Management. Its default certificate for *.azure-api.net chains to a public root that v2 trusts
    // already, so no trusted root certificate is needed; the host name is the one in that certificate.
    backendHttpSettingsCollection: [
      {
        name: backendSettingsName
        properties: {
          port: 443
          protocol: 'Https'
          cookieBasedAffinity: 'Disabled'
          pickHostNameFromBackendAddress: true
          requestTimeout: requestTimeoutSeconds
          probe: { id: resourceId('Microsoft.Network/applicationGateways/probes', name, probeName) }
        }
      }
    ]
    probes: [
      {
        name: probeName
        properties: {
          protocol: 'Https'
          path: apiManagementStatusPath
          pickHostNameFromBackendHttpSettings: true
          interval: 30
          timeout: 30
          unhealthyThreshold: 3
          match: {
            statusCodes: ['200-399']
          }
        }
      }
    ]
    requestRoutingRules: [
      {
        name: 'https-to-api-management'
        properties: {
          ruleType: 'Basic'
          priority: 100
          httpListener: {
            id: resourceId('Microsoft.Network/applicationGateways/httpListeners', name, httpsListenerName)
          }
          backendAddressPool: {
            id: resourceId('Microsoft.Network/applicationGateways/backendAddressPools', name, backendPoolName)
          }
          backendHttpSettings: {
            id: resourceId(
              'Microsoft.Network/applicationGateways/backendHttpSettingsCollection',
              name,
              backendSettingsName
            )
          }
        }
      }
    ]
  }
}

// SEC-11: access, performance and firewall logs in their resource-specific tables (AGWAccessLogs, AGWFirewallLogs, ...).
resource applicationGatewayDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: applicationGateway
  properties: {
    workspaceId: logAnalyticsWorkspaceResourceId
    logAnalyticsDestinationType: 'Dedicated'
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

// The public IP logs DDoS mitigation events.
resource publicIpDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: publicIp
  properties: {
    workspaceId: logAnalyticsWorkspaceResourceId
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

@description('Resource ID of the Application Gateway, the Private Link resource of the Front Door origin.')
output resourceId string = applicationGateway.id

@description('Name of the Application Gateway.')
output name string = applicationGateway.name

@description('Name of the private frontend IP configuration, the group ID Front Door\'s private endpoint targets.')
output privateLinkGroupId string = privateFrontendIpName
