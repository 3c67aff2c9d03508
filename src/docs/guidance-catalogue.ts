/**
 * Who or what carries out a recommendation (GUIDANCE.md, column Kind): the generated Bicep, the generated
 * GitHub Actions, a person or tenant setting outside infrastructure-as-code, or the generator's own questions.
 * GUIDANCE.md qualifies some kinds ("Doc + script", "IaC (option)"); the first word is the kind.
 */
export type GuidanceKind = 'IaC' | 'Pipeline' | 'Doc' | 'Generator';

/**
 * Every recommendation of GUIDANCE.md, in its order, with a short title of our own. The IDs are the
 * vocabulary of the whole project (templates, validate, docs/guidance.md), so the list must stay in step
 * with GUIDANCE.md: test/unit/guidance-status.test.ts compares the two.
 */
export const GUIDANCE_CATALOGUE = [
  { id: 'NET-01', title: 'No public network access to AI and PaaS services', kind: 'IaC' },
  { id: 'NET-02', title: 'A private endpoint for every service, in a dedicated subnet', kind: 'IaC' },
  { id: 'NET-03', title: 'Private endpoints registered in linked private DNS zones', kind: 'IaC' },
  { id: 'NET-04', title: 'Centralised private DNS and a DNS Private Resolver', kind: 'IaC' },
  { id: 'NET-05', title: 'Azure Policy guards public access and DNS zone groups', kind: 'IaC' },
  { id: 'NET-06', title: 'Jumpbox VM reached through Azure Bastion', kind: 'IaC' },
  { id: 'NET-07', title: 'Egress only to approved destinations', kind: 'IaC' },
  { id: 'NET-08', title: 'API Management as an internal AI gateway', kind: 'IaC' },
  { id: 'NET-09', title: 'Internet callers over HTTPS through a WAF', kind: 'IaC' },
  { id: 'NET-10', title: 'Hub-spoke connectivity with two-way peering', kind: 'IaC' },
  { id: 'NET-11', title: 'Point-to-site VPN with Entra ID sign-in', kind: 'IaC' },
  { id: 'NET-12', title: 'NSGs on every subnet, deny by default', kind: 'IaC' },
  { id: 'NET-13', title: 'Private name resolution and reachability can be tested', kind: 'Doc' },
  { id: 'NET-14', title: 'API Management in several regions', kind: 'IaC' },
  { id: 'FDY-01', title: 'Hub- or project-based Foundry is a choice', kind: 'Generator' },
  { id: 'FDY-02', title: 'Hub: private hub workspace with a private endpoint', kind: 'IaC' },
  { id: 'FDY-03', title: 'Hub: managed network, approved outbound only, provisioned at deployment', kind: 'IaC' },
  { id: 'FDY-04', title: 'Hub: private endpoint outbound rules to your own services', kind: 'IaC' },
  { id: 'FDY-05', title: 'Hub: each associated service locked down on its own', kind: 'IaC' },
  { id: 'FDY-06', title: 'Project: private AI Services account with projects and injected agents', kind: 'IaC' },
  { id: 'SEC-01', title: 'Security baselines checked by a rules engine in the pipeline', kind: 'Pipeline' },
  { id: 'SEC-02', title: 'Defender for Cloud threat protection for AI', kind: 'IaC' },
  { id: 'SEC-03', title: 'Content filters with prompt shields on every model deployment', kind: 'IaC' },
  { id: 'SEC-04', title: 'Verification of open-source models', kind: 'Doc' },
  { id: 'SEC-05', title: 'AI gateway: Entra ID callers, managed identity to the models', kind: 'IaC' },
  { id: 'SEC-06', title: 'Microsoft Entra ID instead of keys', kind: 'IaC' },
  { id: 'SEC-07', title: 'Inventory of agent identities', kind: 'Doc' },
  { id: 'SEC-08', title: 'MFA, just-in-time access and Conditional Access for people', kind: 'Doc' },
  { id: 'SEC-09', title: 'Least-privilege role assignments to groups', kind: 'IaC' },
  { id: 'SEC-10', title: 'Managed identities between services', kind: 'IaC' },
  { id: 'SEC-11', title: 'Diagnostics to one Log Analytics workspace', kind: 'IaC' },
  { id: 'SEC-12', title: 'Isolated, resource-limited execution of agent code', kind: 'Doc' },
  { id: 'OPS-01', title: 'Keyless, reviewed, least-privilege deployment pipeline', kind: 'Pipeline' },
] as const satisfies readonly { readonly id: string; readonly title: string; readonly kind: GuidanceKind }[];

export type GuidanceId = (typeof GUIDANCE_CATALOGUE)[number]['id'];

export interface GuidanceEntry {
  readonly id: GuidanceId;
  readonly title: string;
  readonly kind: GuidanceKind;
}
