metadata description = 'Azure Front Door Premium with a WAF in prevention mode, HTTPS only, reaching its origin (an Application Gateway in front of internal API Management) only over Private Link (NET-09).'

// The origin is the private frontend of an Application Gateway (see application-gateway-private-origin.bicep), not
// API Management itself: an API Management instance injected in a virtual network accepts no inbound private
// endpoint, while Application Gateway is a supported Front Door Private Link origin. Front Door creates the private
// endpoint in a network it manages; the connection stays Pending until someone approves it on the Application Gateway.

@description('Name of the Front Door profile, also given to its endpoint (letters, digits and hyphens, starting and ending with a letter or digit). Its WAF policy is named waf<name> without hyphens.')
@minLength(1)
@maxLength(46)
param name string

@description('Resource ID of the Application Gateway that Front Door reaches over Private Link.')
param applicationGatewayResourceId string

@description('Name of the Application Gateway frontend IP configuration that carries its Private Link configuration; Front Door uses it as the Private Link group ID.')
param privateLinkGroupId string

@description('Region of the Application Gateway, where Front Door places its private endpoint; it must be a region where Front Door supports Private Link.')
param privateLinkLocation string = resourceGroup().location

@description('Host name callers use, e.g. api.contoso.com: Front Door serves it as a custom domain with a certificate it manages, and sends it to the Application Gateway as host header and TLS server name, so the gateway\'s listener certificate must be issued for it by a public CA that Front Door trusts.')
param hostName string

@description('Resource ID of the Log Analytics workspace that receives the Front Door access, WAF and health probe logs.')
param logAnalyticsWorkspaceResourceId string

@description('Tags applied to the profile, its endpoint and its WAF policy.')
param tags object

// Model calls can run for minutes; Front Door waits at most 240 seconds for an origin, instead of 60 by default.
var originResponseTimeoutSeconds = 240

// API Management answers this path itself, without calling any API, so the probe tests the whole chain (Private Link,
// Application Gateway, API Management) and nothing else.
var apiManagementStatusPath = '/status-0123456789abcdef'

// NET-09: Premium, the only tier with managed WAF rule sets and Private Link origins.
resource profile 'Microsoft.Cdn/profiles@2024-09-01' = {
  name: name
  location: 'global'
  tags: tags
  sku: { name: 'Premium_AzureFrontDoor' }
  // SEC-10, PSRule Azure.FrontDoor.ManagedIdentity: any later access to Azure resources (e.g. a custom domain's
  // certificate in Key Vault) goes through this identity, never a stored credential.
  identity: { type: 'SystemAssigned' }
  properties: {
    originResponseTimeoutSeconds: originResponseTimeoutSeconds
  }
}

// Letters and digits only (PSRule Azure.FrontDoor.WAF.Name), hence no hyphens.
resource wafPolicy 'Microsoft.Network/FrontDoorWebApplicationFirewallPolicies@2024-02-01' = {
  name: 'waf${replace(name, '-', '')}'
  location: 'global'
  tags: tags
  sku: { name: 'Premium_AzureFrontDoor' }
  properties: {
    policySettings: {
      enabledState: 'Enabled'
      mode: 'Prevention'
      requestBodyCheck: 'Enabled'
    }
    managedRules: {
      // No exclusions (PSRule Azure.FrontDoorWAF.Exclusions). Order matters to PSRule Azure.FrontDoorWAF.RuleGroups:
      // the Default Rule Set first (2.2 is the newest), then Bot Manager (1.1 is the newest).
      managedRuleSets: [
        {
          ruleSetType: 'Microsoft_DefaultRuleSet'
          ruleSetVersion: '2.2'
          ruleSetAction: 'Block'
        }
        {
          ruleSetType: 'Microsoft_BotManagerRuleSet'
          ruleSetVersion: '1.1'
        }
      ]
    }
  }
}

resource endpoint 'Microsoft.Cdn/profiles/afdEndpoints@2024-09-01' = {
  parent: profile
  name: name
  location: 'global'
  tags: tags
  properties: {
    enabledState: 'Enabled'
  }
}

// The callers' host name. Front Door proves its ownership by a TXT record _dnsauth.<host name> holding the validation
// token (output below), then issues and renews the certificate itself (Azure Front Door documentation, "Domains in Azure
// Front Door", https://learn.microsoft.com/azure/frontdoor/domain).
resource customDomain 'Microsoft.Cdn/profiles/customDomains@2024-09-01' = {
  parent: profile
  name: replace(hostName, '.', '-')
  properties: {
    hostName: hostName
    tlsSettings: {
      certificateType: 'ManagedCertificate'
      minimumTlsVersion: 'TLS12'
    }
  }
}

// NET-09: the WAF inspects every request before any route applies, on the custom domain as on the endpoint's own
// azurefd.net name: a security policy guards only the domains it lists (Azure WAF documentation, "Azure Web Application
// Firewall on Azure Front Door", https://learn.microsoft.com/azure/web-application-firewall/afds/afds-overview).
resource securityPolicy 'Microsoft.Cdn/profiles/securityPolicies@2024-09-01' = {
  parent: profile
  name: 'waf'
  properties: {
    parameters: {
      type: 'WebApplicationFirewall'
      wafPolicy: { id: wafPolicy.id }
      associations: [
        {
          domains: [
            { id: endpoint.id }
            { id: customDomain.id }
          ]
          patternsToMatch: ['/*']
        }
      ]
    }
  }
}

resource originGroup 'Microsoft.Cdn/profiles/originGroups@2024-09-01' = {
  parent: profile
  name: 'api-management'
  properties: {
    loadBalancingSettings: {
      sampleSize: 4
      successfulSamplesRequired: 3
      additionalLatencyInMilliseconds: 50
    }
    // Probes take the same Private Link path as requests. Every 100 seconds, the longest interval, because each Front
    // Door site probes on its own and all of it lands on one gateway.
    healthProbeSettings: {
      probePath: apiManagementStatusPath
      probeRequestType: 'GET'
      probeProtocol: 'Https'
      probeIntervalInSeconds: 100
    }
    sessionAffinityState: 'Disabled'
  }
}

resource origin 'Microsoft.Cdn/profiles/originGroups/origins@2024-09-01' = {
  parent: originGroup
  name: 'application-gateway'
  properties: {
    // With Private Link, the host name is not resolved: it is the host header and TLS server name only.
    hostName: hostName
    originHostHeader: hostName
    httpPort: 80
    httpsPort: 443
    priority: 1
    weight: 1000
    enabledState: 'Enabled'
    // Azure refuses a Private Link origin without the certificate name check.
    enforceCertificateNameCheck: true
    sharedPrivateLinkResource: {
      privateLink: { id: applicationGatewayResourceId }
      groupId: privateLinkGroupId
      privateLinkLocation: privateLinkLocation
      // Names this profile, so whoever approves the pending connection on the gateway can tell it from any other request.
      requestMessage: 'Azure Front Door ${profile.properties.frontDoorId}'
    }
  }
}

// NET-09: HTTPS only towards the origin; HTTP from clients is accepted only to be redirected to HTTPS. No caching:
// every API call reaches API Management.
resource route 'Microsoft.Cdn/profiles/afdEndpoints/routes@2024-09-01' = {
  parent: endpoint
  name: 'api-management'
  properties: {
    originGroup: { id: originGroup.id }
    supportedProtocols: ['Http', 'Https']
    httpsRedirect: 'Enabled'
    forwardingProtocol: 'HttpsOnly'
    // Only the model API (API Management's /openai) is forwarded; Front Door answers every other path itself.
    patternsToMatch: ['/openai/*']
    customDomains: [{ id: customDomain.id }]
    linkToDefaultDomain: 'Enabled'
    enabledState: 'Enabled'
  }
  // Azure rejects a route to an origin group that has no origin yet; and the route goes live only once the WAF guards
  // the endpoint, so no request is ever forwarded uninspected.
  dependsOn: [
    origin
    securityPolicy
  ]
}

// SEC-11, PSRule Azure.FrontDoor.Logs: access, WAF and health probe logs (FrontDoorAccessLog,
// FrontDoorWebApplicationFirewallLog, FrontDoorHealthProbeLog) and the metrics.
resource profileDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: profile
  properties: {
    workspaceId: logAnalyticsWorkspaceResourceId
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

@description('Resource ID of the Front Door profile.')
output resourceId string = profile.id

@description('Name of the Front Door profile.')
output name string = profile.name

@description('Host name of the endpoint (<name>-<hash>.z01.azurefd.net) that internet callers use, or that a custom domain\'s CNAME points to.')
output endpointHostName string = endpoint.properties.hostName

@description('Value of the TXT record _dnsauth.<hostName> that proves to Front Door that the custom domain is yours; until it exists, Front Door serves only the endpoint\'s own host name.')
output customDomainValidationToken string = customDomain.properties.validationProperties.validationToken

@description('ID of this Front Door (also sent to the origin as the X-Azure-FDID header); the pending Private Link connection on the Application Gateway carries it in its request message.')
output frontDoorId string = profile.properties.frontDoorId
