import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { agents, cosmosZoneRedundant, foundry, model, modelCapacity, services } from './ai-fields.js';
import { dnsZonesByPolicy, hubDnsServers, hubFirewallIp, hubVnetId, privateDnsZoneIds } from './existing-hub-fields.js';
import {
  apimRegions,
  certificateKeyVaultId,
  certificateKeyVaultPermissionModel,
  certificateUri,
  gateway,
  gatewayHostName,
  publisherEmail,
} from './gateway-fields.js';
import { addressSpace, agentAddressSpace, allowedFqdns, firewall, hubAddressSpace, jumpbox, topology, vpn, vpnClientAddressPool } from './network-fields.js';
import { adminGroupIds, environments, githubRepo, location, name, userGroupIds } from './workload-fields.js';

// zod compiles an object schema's parser with new Function() on its first use, which V8's code cache (bin/load-bundle.cjs)
// cannot keep: a run that parses its answers once pays that compilation every time. Without it, `create` took 0.97x
// the time (21 pairs, farm-bench).
// The answers are zod/mini schemas: building them at every start took 3.5 ms against 8 ms with classic zod's chainable
// schemas (a fresh process with the code cache), and the same core parses them. Mini sets no locale of its own, so
// zod's English messages are configured here.
z.config({ jitless: true, ...en() });

/**
 * The shape of the answers: one zod definition per answer is the single source of truth for flags,
 * prompts, --help, defaults and the answers-file JSON schema (the `answerUi` registry of ./ui.ts holds
 * what the UI needs beyond validation). This module imports no planner, so that the network and AI
 * modules can take their types from it: the rules between answers live in ./cross-field-rules.ts, the
 * ones that need the network plan in ./planned-rules.ts, and `finalize` (./resolve.ts) applies both.
 */
export const answerFields = {
  name,
  location,
  foundry,
  services,
  agents,
  cosmosZoneRedundant,
  model,
  modelCapacity,
  userGroupIds,
  adminGroupIds,
  topology,
  addressSpace,
  hubAddressSpace,
  hubVnetId,
  hubFirewallIp,
  hubDnsServers,
  dnsZonesByPolicy,
  privateDnsZoneIds,
  vpn,
  vpnClientAddressPool,
  agentAddressSpace,
  gateway,
  firewall,
  allowedFqdns,
  jumpbox,
  publisherEmail,
  apimRegions,
  gatewayHostName,
  certificateUri,
  certificateKeyVaultId,
  certificateKeyVaultPermissionModel,
  environments,
  githubRepo,
} as const;

export type AnswerKey = keyof typeof answerFields;
export const ANSWER_KEYS = Object.keys(answerFields) as AnswerKey[];

/** Answers as a user or a file gives them: every key optional, unknown keys refused. */
export const PartialAnswersSchema = z.partial(z.strictObject(answerFields));
export type PartialAnswers = z.input<typeof PartialAnswersSchema>;

/**
 * Complete answers, each valid on its own (the firewall's default is derived, so it is required here).
 * Only with the cross-field and planned rules are they valid together: see `finalize`.
 */
export const CompleteAnswersSchema = z.strictObject({ ...answerFields, firewall: z.boolean() });

/** Complete, valid answers: the input of planning and rendering. */
export type Answers = z.output<typeof CompleteAnswersSchema>;
