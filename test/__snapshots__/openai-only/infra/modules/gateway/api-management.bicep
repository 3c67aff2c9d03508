metadata description = 'API Management (classic tier, internal virtual network mode) as the AI gateway in front of the Foundry models: Entra ID callers, per-caller token limits and metrics, managed identity to the backend (NET-08, NET-14, SEC-05).'

@description('Name of the API Management service; also the first label of its host names, e.g. <name>.azure-api.net. Globally unique.')
@minLength(1)
@maxLength(50)
param name string

@description('Azure region of the service (its primary location), its Application Insights component and the virtual network of subnetResourceId.')
param location string = resourceGroup().location

@description('Classic tier of the service. Only these two can be injected into a virtual network: Developer (no SLA, one unit, for dev and test) and Premium (SLA, scale-out, availability zones, extra regions).')
@allowed([
  'Developer'
  'Premium'
])
param skuName string

@description('Number of scale units in every location. Developer allows only 1. With Premium and zoneRedundant, use a multiple of 2 or 3: the units are spread evenly over 2 zones, or over 3 zones when the count divides by 3.')
@minValue(1)
@maxValue(31)
param skuCapacity int = 1

@description('Whether the region has availability zones: a Premium service then pins its units to zones 1 and 2 (or 1, 2 and 3). Ignored by the Developer tier, which has no zone support.')
param zoneRedundant bool

@description('Resource ID of the subnet (snet-apim) the gateway is injected into: no delegation, a network security group with the API Management rules, at least /29 (a /27 leaves room to scale out).')
param subnetResourceId string

@description('NET-14, Premium only: further regions that run a copy of the gateway. Each item: { location: string, subnetResourceId: string }, where subnetResourceId is a subnet prepared like snet-apim in a virtual network of that region, e.g. { location: \'swedencentral\', subnetResourceId: \'/subscriptions/.../virtualNetworks/vnet-ai-swc/subnets/snet-apim\' }. Empty for a single region.')
param additionalLocations array = []

@description('E-mail address of the publisher; API Management sends its system notifications there.')
@minLength(3)
param publisherEmail string

@description('Name of the organisation that publishes the APIs.')
@minLength(1)
param publisherName string

@description('Audience the callers\' Microsoft Entra ID access tokens must carry: the Application ID URI of the gateway\'s app registration, e.g. api://ai-gateway-contoso (the aud claim of v1 tokens; for v2 tokens use the application (client) ID).')
@minLength(1)
param gatewayAudience string

@description('App role (its value) the gateway\'s app registration defines and that a caller must hold in its token\'s roles claim, e.g. Models.Invoke.')
@minLength(1)
param callerAppRole string

@description('Endpoint of the Foundry (AI Services) account, e.g. https://ais-contoso.cognitiveservices.azure.com/ (the output endpoint of ai/foundry-account.bicep). Requests go to its /openai path.')
@minLength(1)
param backendEndpoint string

// Named without "token": PSRule Azure.Deployment.SecureParameter takes any parameter with token in its name for a secret.
@description('TPM limit per caller: the tokens (prompt plus completion) one caller may consume per minute through the gateway.')
@minValue(1)
param tpmLimitPerCaller int

@description('Resource ID of the Log Analytics workspace that receives the diagnostics and backs the Application Insights component.')
param logAnalyticsWorkspaceResourceId string

@description('Tags applied to the service and its Application Insights component.')
param tags object

// Premium spreads units evenly over the zones it is given; Developer has no zones at all.
var zones = zoneRedundant && skuName == 'Premium' ? (skuCapacity % 3 == 0 ? ['1', '2', '3'] : ['1', '2']) : []

// The token audience of Azure AI services is the parent domain of every AI Services account endpoint
// (cognitiveservices.azure.com in the public cloud, other suffixes in sovereign clouds), so it is derived
// from the backend endpoint instead of being written for one cloud; an Azure OpenAI account's endpoint
// (openai.azure.com) takes the same cognitiveservices audience. take/last instead of an index keep
// the expression valid for any string, e.g. the placeholders Template Analyzer fills in.
var backendHost = last(take(split(backendEndpoint, '/'), 3))
var backendAudience = 'https://${replace(join(skip(split(backendHost, '.'), 1), '.'), 'openai.', 'cognitiveservices.')}'
// Always https, whatever the parameter says (PSRule Azure.APIM.HTTPBackend).
var backendOpenAiUrl = 'https://${backendHost}/openai'
// The sign-in authority of this cloud without its trailing slash, e.g. https://login.microsoftonline.com.
var loginHost = 'https://${split(environment().authentication.loginEndpoint, '/')[2]}'

// Built-in role Monitoring Metrics Publisher: lets the gateway's identity write to Application Insights.
var monitoringMetricsPublisherRoleId = '3913510d-42f4-4e42-8a64-420c390055eb'

var cipherPrefix = 'Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Ciphers'
var protocolPrefix = 'Microsoft.WindowsAzure.ApiManagement.Gateway.Security'

resource apim 'Microsoft.ApiManagement/service@2024-05-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: skuName
    capacity: skuCapacity
  }
  zones: zones
  // SEC-10: the identity the gateway uses towards the models and Application Insights; no keys anywhere.
  identity: { type: 'SystemAssigned' }
  properties: {
    publisherEmail: publisherEmail
    publisherName: publisherName
    // NET-08: every endpoint gets a private address only; callers reach it from the virtual network or through
    // peering/VPN. No public IP is given: since 2024 the stv2 platform manages the one for its control plane.
    virtualNetworkType: 'Internal'
    virtualNetworkConfiguration: {
      subnetResourceId: subnetResourceId
    }
    additionalLocations: map(additionalLocations, extra => {
      location: extra.location
      sku: {
        name: skuName
        capacity: skuCapacity
      }
      zones: zones
      virtualNetworkConfiguration: {
        subnetResourceId: extra.subnetResourceId
      }
    })
    // PSRule Azure.APIM.Protocols and Azure.APIM.Ciphers: TLS 1.2 only, towards callers and backends, and
    // none of the ciphers without forward secrecy or with 3DES. Ciphers must be switched off explicitly.
    customProperties: {
      '${protocolPrefix}.Protocols.Tls10': 'False'
      '${protocolPrefix}.Protocols.Tls11': 'False'
      '${protocolPrefix}.Protocols.Ssl30': 'False'
      '${protocolPrefix}.Backend.Protocols.Tls10': 'False'
      '${protocolPrefix}.Backend.Protocols.Tls11': 'False'
      '${protocolPrefix}.Backend.Protocols.Ssl30': 'False'
      '${cipherPrefix}.TripleDes168': 'False'
      '${cipherPrefix}.TLS_RSA_WITH_AES_128_CBC_SHA': 'False'
      '${cipherPrefix}.TLS_RSA_WITH_AES_256_CBC_SHA': 'False'
      '${cipherPrefix}.TLS_RSA_WITH_AES_128_CBC_SHA256': 'False'
      '${cipherPrefix}.TLS_RSA_WITH_AES_256_CBC_SHA256': 'False'
      '${cipherPrefix}.TLS_RSA_WITH_AES_128_GCM_SHA256': 'False'
      '${cipherPrefix}.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA': 'False'
      '${cipherPrefix}.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA': 'False'
    }
    // Template Analyzer TA-000034, PSRule Azure.APIM.MinAPIVersion: management API versions older than this
    // returned secrets to read-only users.
    apiVersionConstraint: {
      minApiVersion: '2021-08-01'
    }
    // Callers authenticate with Entra ID, not subscription keys, so nobody needs the portal that hands out keys;
    // off, it is one endpoint less to secure.
    developerPortalStatus: 'Disabled'
    legacyPortalStatus: 'Disabled'
  }
}

// The custom token metrics go to Application Insights, the only sink of the emit-token-metric policies. It stores
// its data in the landing zone's workspace and accepts only Entra ID-authenticated telemetry.
resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${name}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalyticsWorkspaceResourceId
    // PSRule Azure.AppInsights.LocalAuth, SEC-06: the instrumentation key alone cannot send telemetry.
    DisableLocalAuth: true
    // Public ingestion and queries stay open: where the landing zone has an Azure Monitor Private Link Scope, its network
    // sends through it, and the component still takes Entra ID-authenticated telemetry from elsewhere (the README says
    // what remains public). Every write needs an Entra ID token.
    publicNetworkAccessForIngestion: 'Enabled'
    publicNetworkAccessForQuery: 'Enabled'
  }
}

// SEC-09: the one data-plane role the logger needs, on this component only.
resource metricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, apim.id, monitoringMetricsPublisherRoleId)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      monitoringMetricsPublisherRoleId
    )
    principalId: apim.identity.principalId
    principalType: 'ServicePrincipal'
    description: 'API Management gateway publishes request telemetry and token metrics with its managed identity.'
  }
}

// The connection string only locates the component; with identityClientId the gateway authenticates with its
// managed identity, so no named value or key is stored (SEC-10).
resource logger 'Microsoft.ApiManagement/service/loggers@2024-05-01' = {
  parent: apim
  name: 'application-insights'
  properties: {
    loggerType: 'applicationInsights'
    description: 'Application Insights with managed identity: request telemetry and token metrics.'
    resourceId: appInsights.id
    credentials: {
      connectionString: appInsights.properties.ConnectionString
      identityClientId: 'SystemAssigned'
    }
  }
  dependsOn: [metricsPublisher]
}

// Applies to every API: the retry against the backend (see the policy file for why it lives here).
resource servicePolicy 'Microsoft.ApiManagement/service/policies@2024-05-01' = {
  parent: apim
  name: 'policy'
  properties: {
    format: 'xml'
    value: loadTextContent('policies/service.xml')
  }
}

// The Azure OpenAI-compatible surface of the Foundry account, under the same /openai path, so the OpenAI SDKs work
// with the gateway's host name as their endpoint. No subscription key: the Entra ID token is the caller's identity,
// and a shared key would only be a second, weaker secret (SEC-05, SEC-06).
resource api 'Microsoft.ApiManagement/service/apis@2024-05-01' = {
  parent: apim
  name: 'azure-openai'
  properties: {
    displayName: 'Azure OpenAI'
    description: 'Models of the Foundry account through the Azure OpenAI API (chat completions, responses, embeddings, v1), for Microsoft Entra ID callers.'
    apiType: 'http'
    path: 'openai'
    protocols: ['https'] // Template Analyzer TA-000029, PSRule Azure.APIM.HTTPEndpoint
    serviceUrl: backendOpenAiUrl // PSRule Azure.APIM.HTTPBackend; no backend entity, which TA-000038 would want credentials on
    subscriptionRequired: false
  }
}

// Wildcard operations instead of an imported OpenAPI document: an import by URL must reach the public internet,
// which the internal gateway cannot, and a pinned document would hide every API version and path (responses, v1)
// released after it. The policy does not depend on the operation.
resource operations 'Microsoft.ApiManagement/service/apis/operations@2024-05-01' = [
  for method in ['GET', 'POST']: {
    parent: api
    name: '${toLower(method)}-any'
    properties: {
      displayName: '${method} any path'
      description: 'Forwards every ${method} request under /openai to the Foundry account.'
      method: method
      urlTemplate: '/*'
    }
  }
]

resource apiPolicy 'Microsoft.ApiManagement/service/apis/policies@2024-05-01' = {
  parent: api
  name: 'policy'
  properties: {
    format: 'xml'
    value: replace(
      replace(
        replace(
          replace(
            replace(
              replace(loadTextContent('policies/model-api.xml'), '__TENANT_ID__', tenant().tenantId),
              '__LOGIN_ENDPOINT__',
              loginHost
            ),
            '__AUDIENCE__',
            gatewayAudience
          ),
          '__CALLER_ROLE__',
          callerAppRole
        ),
        '__TOKENS_PER_MINUTE__',
        string(tpmLimitPerCaller)
      ),
      '__BACKEND_AUDIENCE__',
      backendAudience
    )
  }
  // The token-metric policy writes through the API's Application Insights diagnostic, so that comes first.
  dependsOn: [apiDiagnostics]
}

// Custom metrics (metrics: true) are what the token-metric policy needs. Headers and bodies stay out of the
// telemetry: prompts and completions are the customer's data.
resource apiDiagnostics 'Microsoft.ApiManagement/service/apis/diagnostics@2024-05-01' = {
  parent: api
  name: 'applicationinsights'
  properties: {
    loggerId: logger.id
    alwaysLog: 'allErrors'
    httpCorrelationProtocol: 'W3C'
    verbosity: 'information'
    logClientIp: true
    metrics: true
    sampling: {
      samplingType: 'fixed'
      percentage: 100
    }
  }
}

// SEC-11: gateway, WebSocket and LLM logs plus metrics, in resource-specific tables (ApiManagementGatewayLogs, ...).
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: apim
  properties: {
    workspaceId: logAnalyticsWorkspaceResourceId
    logAnalyticsDestinationType: 'Dedicated'
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

// Metrics only: a workspace-based component already writes all its telemetry into the same workspace, so its
// log categories would be stored and billed twice.
resource appInsightsDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: appInsights
  properties: {
    workspaceId: logAnalyticsWorkspaceResourceId
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

@description('Resource ID of the API Management service.')
output resourceId string = apim.id

@description('Name of the API Management service.')
output name string = apim.name

@description('Resource ID of the gateway\'s Application Insights component, for an Azure Monitor Private Link Scope.')
output applicationInsightsResourceId string = appInsights.id

@description('Principal ID of the service\'s system-assigned identity: give it Cognitive Services OpenAI User on the Foundry account (ai/account-role-assignment.bicep).')
output principalId string = apim.identity.principalId

@description('Private IP address of the gateway in the primary location; the A records of gateway/api-management-dns.bicep point to it.')
output privateIpAddress string = apim.properties.privateIPAddresses[0]

@description('Host name of the gateway, e.g. apim-contoso.azure-api.net; callers use https://<gatewayHostName>/openai.')
output gatewayHostName string = replace(apim.properties.gatewayUrl, 'https://', '')

@description('Private IP addresses of the gateways in additionalLocations, in the same order, for their DNS records (gateway/api-management-dns.bicep).')
output additionalPrivateIpAddresses array = map(
  range(0, length(additionalLocations)),
  i => apim.properties.additionalLocations[i].privateIPAddresses[0]
)
