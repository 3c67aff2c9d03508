import * as z from 'zod/mini';
import { azureRegion, resourceIdOf, unique } from './field-types.js';
import { answer, type AnswersSoFar } from './ui.js';

/** The answers about the AI gateway (API Management) and the door for internet callers in front of it. */

export const gateway = answer(
  z._default(z.enum(['none', 'apim', 'apim-appgw', 'apim-frontdoor']), 'apim'),
  'The AI gateway and the door for internet callers (NET-08, NET-09).',
  {
    question: 'Which AI gateway?',
    hints: {
      none: 'no gateway: callers reach the model endpoints privately',
      apim: 'API Management in internal mode, private callers only — recommended',
      'apim-appgw': 'API Management behind Application Gateway WAF v2 for internet callers',
      'apim-frontdoor': 'API Management behind Front Door Premium with WAF and Private Link',
    },
  },
);

export const publisherEmail = answer(
  z.optional(z.email('must be an email address, e.g. platform-team@contoso.com')),
  'Email address of the API Management publisher, which receives its system notifications (gateway apim, apim-appgw and apim-frontdoor).',
  {
    question: "Email for API Management's system notifications?",
    valueName: '<email>',
    askWhen: (answers) => (answers.gateway ?? 'apim') !== 'none',
  },
);

export const apimRegions = answer(
  z._default(z.array(azureRegion()), []).check(z.refine(unique, 'lists a region twice')),
  'Further regions where API Management runs a copy of the gateway in production, each in a network of its own peered with the workload (NET-14; Premium only).',
  {
    question: 'Further regions for the AI gateway in production (comma-separated, optional)?',
    valueName: '<list>',
    askWhen: (answers) => (answers.gateway ?? 'apim') !== 'none' && answers.topology !== 'existing-hub',
  },
);

const withEdgeGateway = (answers: AnswersSoFar) => answers.gateway === 'apim-appgw' || answers.gateway === 'apim-frontdoor';

/** A versionless Key Vault secret URI: Application Gateway then picks up a renewed certificate by itself. */
export const KEY_VAULT_SECRET_URI = /^https:\/\/([a-z0-9](?:[a-z0-9-]{1,22}[a-z0-9]))\.vault\.azure\.net\/secrets\/([A-Za-z0-9-]{1,127})\/?$/;

export const certificateUri = answer(
  z.optional(
    z
      .string()
      .check(
        z.regex(
          KEY_VAULT_SECRET_URI,
          'must be the versionless Key Vault secret URI of the TLS certificate, e.g. https://kv-certs.vault.azure.net/secrets/ai-gateway (without a version, renewals are picked up automatically)',
        ),
      ),
  ),
  "Key Vault secret URI of the TLS certificate of the gateway's host name (apim-appgw and apim-frontdoor).",
  { question: "Key Vault secret URI of the gateway's TLS certificate?", valueName: '<uri>', askWhen: withEdgeGateway },
);

export const certificateKeyVaultId = answer(
  z.optional(
    resourceIdOf(
      'Microsoft.KeyVault/vaults',
      '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-certs/providers/Microsoft.KeyVault/vaults/kv-certs',
    ),
  ),
  "Resource ID of the Key Vault that holds the certificate (apim-appgw and apim-frontdoor): the gateway's identity is allowed to read that one certificate there.",
  { question: 'Resource ID of that Key Vault?', valueName: '<resource-id>', askWhen: withEdgeGateway },
);

/**
 * How the certificate's vault grants access. Bicep cannot read the vault's permission model before deploying (a
 * condition must be known when the deployment starts), so it is an answer: an RBAC role assignment does nothing in a
 * vault that uses access policies, and an access policy does nothing in an RBAC vault.
 */
export const certificateKeyVaultPermissionModel = answer(
  z.optional(z.enum(['rbac', 'access-policy'])),
  "How the certificate's Key Vault grants access (apim-appgw and apim-frontdoor): rbac reads that one certificate; access-policy adds an access policy with get on the vault's secrets, as access policies cannot name one secret.",
  {
    question: 'How does that Key Vault grant access?',
    hints: {
      rbac: 'Azure RBAC (enableRbacAuthorization): the gateway may read that one certificate — recommended',
      'access-policy': 'vault access policies: the gateway may read every secret of the vault',
    },
    defaultText: 'rbac with --gateway apim-appgw or apim-frontdoor',
    askWhen: withEdgeGateway,
  },
);

export const gatewayHostName = answer(
  z.optional(
    z.string().check(z.regex(/^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a lower-case host name such as ai.contoso.com')),
  ),
  'Host name callers use for the AI gateway, the name on the certificate (apim-appgw and apim-frontdoor).',
  { question: "Host name of the AI gateway (the certificate's name)?", valueName: '<host>', askWhen: withEdgeGateway },
);
