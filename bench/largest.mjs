// The largest configuration this version generates: hub-spoke with the firewall, a point-to-site VPN,
// the jumpbox, API Management behind Application Gateway with a further region, project-based Foundry with
// every service and the agents (Cosmos DB, AI Search, Machine Learning and its registry), four environments.
export const LARGEST = [
  '--yes', '--location', 'swedencentral', '--topology', 'hub-spoke', '--vpn', 'p2s', '--jumpbox', '--allowed-fqdns', 'pypi.org',
  '--gateway', 'apim-appgw', '--publisher-email', 'ops@contoso.com', '--apim-regions', 'westeurope', '--gateway-host-name', 'ai.contoso.com',
  '--certificate-uri', 'https://kv-certs.vault.azure.net/secrets/ai-gateway',
  '--certificate-key-vault-id', '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-certs/providers/Microsoft.KeyVault/vaults/kv-certs',
  '--services', 'openai,ml,aiservices,search', '--agents',
  '--environments', 'dev,test,stage,prod',
];
