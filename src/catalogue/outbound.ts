import type { Outbound } from './component.js';
import type { Shape } from './shape.js';

/**
 * What each component's subnet must reach beyond the landing zone (NET-07), one list for the firewall this landing zone
 * deploys (templates/infra/modules/network/firewall-policy.bicep.hbs allows exactly these; test/unit/outbound.test.ts
 * checks it) and for the README's table of what an existing hub's firewall must allow. Names are the public cloud's.
 */

const HTTPS = 'HTTPS 443';
const WEB = 'HTTP 80, HTTPS 443';
const PORTAL_URLS = 'https://learn.microsoft.com/azure/azure-portal/azure-portal-safelist-urls';
const CONTAINER_APPS_FIREWALL = 'https://learn.microsoft.com/azure/container-apps/use-azure-firewall';
const API_MANAGEMENT_REFERENCE = 'https://learn.microsoft.com/azure/api-management/virtual-network-reference';

export const WORKLOAD_OUTBOUND: readonly Outbound[] = [
  {
    from: 'the workload VNet',
    destinations: ['login.microsoftonline.com', 'management.azure.com'],
    kind: 'fqdn',
    ports: HTTPS,
    why: 'Microsoft Entra ID tokens and Azure Resource Manager, which every managed identity and deployment script uses',
    source: PORTAL_URLS,
  },
];

export const AGENTS_OUTBOUND: readonly Outbound[] = [
  {
    from: 'the agents subnet',
    destinations: ['*.identity.azure.net', '*.login.microsoftonline.com', '*.login.microsoft.com'],
    kind: 'fqdn',
    ports: HTTPS,
    why: "tokens for the Agent Service containers' managed identities",
    source: CONTAINER_APPS_FIREWALL,
  },
  {
    from: 'the agents subnet',
    destinations: ['mcr.microsoft.com', '*.data.mcr.microsoft.com'],
    kind: 'fqdn',
    ports: HTTPS,
    why: "the Container Apps platform's own images, from Microsoft Container Registry, in every scenario",
    source: CONTAINER_APPS_FIREWALL,
  },
];

export function jumpboxOutbound(shape: Shape): readonly Outbound[] {
  const studio = shape.platform.machineLearning || shape.platform.foundryHub;
  return [
    {
      from: 'the jumpbox subnet',
      destinations: ['enterpriseregistration.windows.net', 'pas.windows.net', 'device.login.microsoftonline.com'],
      kind: 'fqdn',
      ports: HTTPS,
      why: 'Microsoft Entra ID join, for sign-in with Entra ID accounts',
      source: 'https://learn.microsoft.com/entra/identity/devices/howto-vm-sign-in-azure-ad-windows',
    },
    {
      from: 'the jumpbox subnet',
      destinations: ['WindowsUpdate'],
      kind: 'fqdn-tag',
      ports: WEB,
      why: 'Windows updates',
      source: 'https://learn.microsoft.com/azure/firewall/fqdn-tags',
    },
    {
      from: 'the jumpbox subnet',
      destinations: [
        'ai.azure.com',
        '*.ai.azure.com',
        'portal.azure.com',
        '*.portal.azure.com',
        '*.portal.azure.net',
        '*.ext.azure.com',
        '*.aadcdn.msftauth.net',
        '*.msauth.net',
        '*.logincdn.msftauth.net',
        'login.live.com',
        'graph.microsoft.com',
        '*.graph.microsoft.com',
      ],
      kind: 'fqdn',
      ports: HTTPS,
      why: 'the Foundry and Azure portals, their sign-in pages and data',
      source: PORTAL_URLS,
    },
    ...(studio
      ? [
          {
            from: 'the jumpbox subnet',
            destinations: ['ml.azure.com', '*.ml.azure.com'],
            kind: 'fqdn' as const,
            ports: HTTPS,
            why: 'Azure Machine Learning studio, where the workspace and the hub are used',
            source: 'https://learn.microsoft.com/azure/machine-learning/how-to-access-azureml-behind-firewall',
          },
        ]
      : []),
    {
      from: 'the jumpbox subnet',
      destinations: ['azkms.core.windows.net', 'kms.core.windows.net'],
      kind: 'fqdn',
      ports: 'TCP 1688',
      why: 'Windows activation against the Azure KMS servers',
      source: 'https://learn.microsoft.com/troubleshoot/azure/virtual-machines/windows/custom-routes-enable-kms-activation',
    },
  ];
}

export const API_MANAGEMENT_OUTBOUND: readonly Outbound[] = [
  {
    from: 'the API Management subnet',
    destinations: ['Storage', 'AzureKeyVault', 'AzureActiveDirectory'],
    kind: 'service-tag',
    ports: 'TCP 443',
    why: 'its configuration and templates in Azure Storage, certificates in Key Vault, Entra ID',
    source: API_MANAGEMENT_REFERENCE,
  },
  {
    from: 'the API Management subnet',
    destinations: ['Sql'],
    kind: 'service-tag',
    ports: 'TCP 1433',
    why: 'its configuration database',
    source: API_MANAGEMENT_REFERENCE,
  },
  {
    from: 'the API Management subnet',
    destinations: ['AzureMonitor'],
    kind: 'service-tag',
    ports: 'TCP 443, 1886',
    why: 'diagnostics, metrics and health monitoring',
    source: API_MANAGEMENT_REFERENCE,
  },
  { from: 'the API Management subnet', destinations: ['time.windows.com'], kind: 'fqdn', ports: 'UDP 123', why: 'time', source: API_MANAGEMENT_REFERENCE },
  {
    from: 'the API Management subnet',
    destinations: [
      'mscrl.microsoft.com',
      'crl.microsoft.com',
      'oneocsp.microsoft.com',
      'cacerts.digicert.com',
      'crl3.digicert.com',
      'csp.digicert.com',
      'issuer.pki.azure.com',
      'go.microsoft.com',
    ],
    kind: 'fqdn',
    ports: WEB,
    why: 'certificate chains and revocation lists',
    source: API_MANAGEMENT_REFERENCE,
  },
  {
    from: 'the API Management subnet',
    destinations: [
      'azurewatsonanalysis-prod.core.windows.net',
      '*.data.microsoft.com',
      'shavamanifestazurecdnprod1.azureedge.net',
      'shavamanifestcdnprod1.azureedge.net',
      'wdcp.microsoft.com',
      'wdcpalt.microsoft.com',
    ],
    kind: 'fqdn',
    ports: HTTPS,
    why: "the platform's diagnostics",
    source: API_MANAGEMENT_REFERENCE,
  },
  {
    from: 'the API Management subnet',
    destinations: ['WindowsUpdate'],
    kind: 'fqdn-tag',
    ports: WEB,
    why: "the platform's updates, which API Management installs for itself",
    source: API_MANAGEMENT_REFERENCE,
  },
];
