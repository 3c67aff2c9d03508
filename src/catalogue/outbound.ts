import type { Outbound, OutboundPort, OutboundSource } from './component.js';
import type { Shape } from './shape.js';

/**
 * What each component's subnet must reach beyond the landing zone (NET-07), one list for the firewall this landing zone
 * deploys (src/network/firewall-policy.ts renders one rule of templates/infra/modules/network/firewall-policy.bicep.hbs
 * per entry) and for the README's table of what an existing hub's firewall must allow. Names are the public cloud's.
 */

/** How the README names each source. */
export const OUTBOUND_SOURCE_LABELS: Readonly<Record<OutboundSource, string>> = {
  workload: 'the workload VNet',
  agents: 'the agents subnet',
  jumpbox: 'the jumpbox subnet',
  apiManagement: 'the API Management subnet',
};

/** Ports as the README writes them, e.g. "HTTP 80, HTTPS 443" or "TCP 443, 1886". */
export function portsText(ports: readonly OutboundPort[]): string {
  const protocols = [...new Set(ports.map(({ protocol }) => protocol))];
  return protocols
    .map(
      (protocol) =>
        `${protocol} ${ports
          .filter((port) => port.protocol === protocol)
          .map(({ port }) => port)
          .join(', ')}`,
    )
    .join(', ');
}

const HTTPS: readonly OutboundPort[] = [{ protocol: 'HTTPS', port: 443 }];
const WEB: readonly OutboundPort[] = [
  { protocol: 'HTTP', port: 80 },
  { protocol: 'HTTPS', port: 443 },
];
const PORTAL_URLS = 'https://learn.microsoft.com/azure/azure-portal/azure-portal-safelist-urls';
const CONTAINER_APPS_FIREWALL = 'https://learn.microsoft.com/azure/container-apps/use-azure-firewall';
const API_MANAGEMENT_REFERENCE = 'https://learn.microsoft.com/azure/api-management/virtual-network-reference';

export const WORKLOAD_OUTBOUND: readonly Outbound[] = [
  {
    from: 'workload',
    rule: 'allow-entra-id-and-resource-manager',
    destinations: ['login.microsoftonline.com', 'management.azure.com'],
    kind: 'fqdn',
    ports: HTTPS,
    why: 'Microsoft Entra ID tokens and Azure Resource Manager, which every managed identity and deployment script uses',
    source: PORTAL_URLS,
  },
];

export const AGENTS_OUTBOUND: readonly Outbound[] = [
  {
    from: 'agents',
    rule: 'allow-managed-identity',
    destinations: ['*.identity.azure.net', '*.login.microsoftonline.com', '*.login.microsoft.com'],
    kind: 'fqdn',
    ports: HTTPS,
    why: "tokens for the Agent Service containers' managed identities",
    source: CONTAINER_APPS_FIREWALL,
  },
  {
    from: 'agents',
    rule: 'allow-container-platform-images',
    destinations: ['mcr.microsoft.com', '*.data.mcr.microsoft.com'],
    kind: 'fqdn',
    ports: HTTPS,
    why: "the Container Apps platform's own images, from Microsoft Container Registry, in every scenario",
    source: CONTAINER_APPS_FIREWALL,
  },
  {
    // The Agent Service's data proxy runs on Azure Container Apps in the delegated subnet
    // (https://learn.microsoft.com/azure/foundry/agents/concepts/agents-networking-deep-dive), so the platform's
    // "All scenarios" rows apply. Its "Azure Container Registry" row (*.blob.core.windows.net) does not: the registries
    // this landing zone deploys are reached through private endpoints, never through the firewall.
    from: 'agents',
    rule: 'allow-container-platform-binaries',
    destinations: ['packages.aks.azure.com', 'acs-mirror.azureedge.net'],
    kind: 'fqdn',
    ports: HTTPS,
    why: "the Kubernetes and Azure CNI binaries the platform's underlying AKS cluster installs, in every scenario",
    source: CONTAINER_APPS_FIREWALL,
  },
];

export function jumpboxOutbound(shape: Shape): readonly Outbound[] {
  const studio = shape.platform.machineLearning || shape.platform.foundryHub;
  return [
    {
      from: 'jumpbox',
      rule: 'allow-entra-id-join',
      destinations: ['enterpriseregistration.windows.net', 'pas.windows.net', 'device.login.microsoftonline.com'],
      kind: 'fqdn',
      ports: HTTPS,
      why: 'Microsoft Entra ID join, for sign-in with Entra ID accounts',
      source: 'https://learn.microsoft.com/entra/identity/devices/howto-vm-sign-in-azure-ad-windows',
    },
    {
      from: 'jumpbox',
      rule: 'allow-windows-update',
      destinations: ['WindowsUpdate'],
      kind: 'fqdn-tag',
      ports: WEB,
      why: 'Windows updates',
      source: 'https://learn.microsoft.com/azure/firewall/fqdn-tags',
    },
    {
      from: 'jumpbox',
      rule: 'allow-portals',
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
            from: 'jumpbox' as const,
            rule: 'allow-machine-learning-studio',
            destinations: ['ml.azure.com', '*.ml.azure.com'],
            kind: 'fqdn' as const,
            ports: HTTPS,
            why: 'Azure Machine Learning studio, where the workspace and the hub are used',
            source: 'https://learn.microsoft.com/azure/machine-learning/how-to-access-azureml-behind-firewall',
          },
        ]
      : []),
    {
      from: 'jumpbox',
      rule: 'allow-windows-activation',
      destinations: ['azkms.core.windows.net', 'kms.core.windows.net'],
      kind: 'fqdn',
      ports: [{ protocol: 'TCP', port: 1688 }],
      why: 'Windows activation against the Azure KMS servers',
      source: 'https://learn.microsoft.com/troubleshoot/azure/virtual-machines/windows/custom-routes-enable-kms-activation',
    },
  ];
}

export const API_MANAGEMENT_OUTBOUND: readonly Outbound[] = [
  {
    from: 'apiManagement',
    rule: 'allow-azure-services',
    destinations: ['Storage', 'AzureKeyVault', 'AzureActiveDirectory'],
    kind: 'service-tag',
    ports: [{ protocol: 'TCP', port: 443 }],
    why: 'its configuration and templates in Azure Storage, certificates in Key Vault, Entra ID',
    source: API_MANAGEMENT_REFERENCE,
  },
  {
    from: 'apiManagement',
    rule: 'allow-configuration-database',
    destinations: ['Sql'],
    kind: 'service-tag',
    ports: [{ protocol: 'TCP', port: 1433 }],
    why: 'its configuration database',
    source: API_MANAGEMENT_REFERENCE,
  },
  {
    from: 'apiManagement',
    rule: 'allow-azure-monitor',
    destinations: ['AzureMonitor'],
    kind: 'service-tag',
    ports: [
      { protocol: 'TCP', port: 443 },
      { protocol: 'TCP', port: 1886 },
    ],
    why: 'diagnostics, metrics and health monitoring',
    source: API_MANAGEMENT_REFERENCE,
  },
  {
    from: 'apiManagement',
    rule: 'allow-time',
    destinations: ['time.windows.com'],
    kind: 'fqdn',
    ports: [{ protocol: 'UDP', port: 123 }],
    why: 'time',
    source: API_MANAGEMENT_REFERENCE,
  },
  {
    from: 'apiManagement',
    rule: 'allow-certificate-validation',
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
    from: 'apiManagement',
    rule: 'allow-platform-diagnostics',
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
    from: 'apiManagement',
    rule: 'allow-platform-updates',
    destinations: ['WindowsUpdate'],
    kind: 'fqdn-tag',
    ports: WEB,
    why: "the platform's updates, which API Management installs for itself",
    source: API_MANAGEMENT_REFERENCE,
  },
];

/** The Container Apps platform's own hosts, which the agents need in every scenario; validate checks the firewall allows them. */
export const CONTAINER_PLATFORM_HOSTS: readonly string[] = AGENTS_OUTBOUND.filter(({ rule }) => rule.startsWith('allow-container-platform-')).flatMap(
  ({ destinations }) => destinations,
);
