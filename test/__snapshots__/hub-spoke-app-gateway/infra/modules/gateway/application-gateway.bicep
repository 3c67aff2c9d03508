metadata description = 'Application Gateway WAF_v2 in prevention mode: the HTTPS door from the internet to the internal-mode API Management gateway (NET-09).'

@description('Name of the Application Gateway; its public IP is named pip-<name> and its WAF policy waf-<name>.')
@minLength(1)
@maxLength(76)
param name string

@description('Host name callers use, e.g. ai.contoso.com: the name on the certificate. The listeners answer for it alone, so requests for any other name (or the bare IP address) are refused.')
@minLength(4)
param listenerHostName string

@description('Azure region of the gateway, its WAF policy and its public IP; must be the region of its virtual network.')
param location string = resourceGroup().location

@description('Whether the region has availability zones: the gateway and its public IP then span zones 1, 2 and 3.')
param zoneRedundant bool

@description('Resource ID of the subnet dedicated to Application Gateway (nothing else may be deployed to it).')
param subnetResourceId string

@description('Versionless URI of the Key Vault secret that holds the listener certificate (PFX), e.g. https://<vault>.vault.azure.net/secrets/<name>; without a version the gateway picks up renewed certificates by itself.')
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

// Model calls can run for minutes; the default of 20 seconds would cut long completions off.
var requestTimeoutSeconds = 240

// API Management answers this path itself, without calling any API, so the probe tests the gateway and nothing else.
var apiManagementStatusPath = '/status-0123456789abcdef'

// NET-09: a policy resource, not the inline configuration (PSRule Azure.AppGw.MigrateWAFPolicy), so the rule sets
// can be reviewed and changed on their own.
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
            matchValues: ['/openai/'] // the model API's path in API Management
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

// Standard and static, as v2 requires; zone-redundant like the gateway, so one zone failing cannot take the address.
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

// Names of the gateway's own sub-resources, which its properties refer to by ID.
var frontendIpName = 'public'
var httpsPortName = 'https'
var httpPortName = 'http'
var certificateName = 'listener'
var httpsListenerName = 'https'
var httpListenerName = 'http'
var backendPoolName = 'api-management'
var backendSettingsName = 'api-management-https'
var probeName = 'api-management-status'
var redirectName = 'http-to-https'

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
    frontendIPConfigurations: [
      {
        name: frontendIpName
        properties: {
          publicIPAddress: { id: publicIp.id }
        }
      }
    ]
    frontendPorts: [
      {
        name: httpsPortName
        properties: { port: 443 }
      }
      {
        name: httpPortName
        properties: { port: 80 }
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
    httpListeners: [
      {
        name: httpsListenerName
        properties: {
          protocol: 'Https'
          hostName: listenerHostName
          frontendIPConfiguration: {
            id: resourceId('Microsoft.Network/applicationGateways/frontendIPConfigurations', name, frontendIpName)
          }
          frontendPort: { id: resourceId('Microsoft.Network/applicationGateways/frontendPorts', name, httpsPortName) }
          sslCertificate: {
            id: resourceId('Microsoft.Network/applicationGateways/sslCertificates', name, certificateName)
          }
        }
      }
      // Only there to send clients to HTTPS; no request is ever forwarded over HTTP (PSRule Azure.AppGw.UseHTTPS).
      {
        name: httpListenerName
        properties: {
          protocol: 'Http'
          hostName: listenerHostName
          frontendIPConfiguration: {
            id: resourceId('Microsoft.Network/applicationGateways/frontendIPConfigurations', name, frontendIpName)
          }
          frontendPort: { id: resourceId('Microsoft.Network/applicationGateways/frontendPorts', name, httpPortName) }
        }
      }
    ]
    redirectConfigurations: [
      {
        name: redirectName
        properties: {
          redirectType: 'Permanent'
          targetListener: {
            id: resourceId('Microsoft.Network/applicationGateways/httpListeners', name, httpsListenerName)
          }
          includePath: true
          includeQueryString: true
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
      {
        name: 'http-to-https'
        properties: {
          ruleType: 'Basic'
          priority: 200
          httpListener: {
            id: resourceId('Microsoft.Network/applicationGateways/httpListeners', name, httpListenerName)
          }
          redirectConfiguration: {
            id: resourceId('Microsoft.Network/applicationGateways/redirectConfigurations', name, redirectName)
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

@description('Resource ID of the Application Gateway.')
output resourceId string = applicationGateway.id

@description('Name of the Application Gateway.')
output name string = applicationGateway.name

@description('Public IP address of the gateway, the target of the DNS record that callers use.')
output publicIpAddress string = publicIp.properties.ipAddress
