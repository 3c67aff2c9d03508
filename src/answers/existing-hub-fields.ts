import * as z from 'zod/mini';
import { privateIp, resourceIdOf, unique } from './field-types.js';
import { answer, type AnswersSoFar } from './ui.js';

/** The answers that describe the platform team's hub a spoke joins (`--topology existing-hub`). */

const onExistingHub = (answers: AnswersSoFar) => answers.topology === 'existing-hub';

export const HUB_VNET_EXAMPLE =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub';

export const hubVnetId = answer(
  z.optional(resourceIdOf('Microsoft.Network/virtualNetworks', HUB_VNET_EXAMPLE)),
  'Resource ID of the existing hub VNet to peer with (existing-hub only); it may be in another subscription.',
  { question: 'Resource ID of the existing hub VNet?', valueName: '<resource-id>', askWhen: onExistingHub },
);

export const hubFirewallIp = answer(
  z.optional(privateIp()),
  "Private IP of the existing hub's firewall (existing-hub only, optional): the workload subnets send their egress to it (NET-07).",
  { question: "Private IP of the hub's firewall (optional; egress is routed to it)?", valueName: '<ip>', askWhen: onExistingHub },
);

export const hubDnsServers = answer(
  z.optional(z.array(privateIp())).check(z.refine((servers) => servers === undefined || unique(servers), 'lists a server twice')),
  "DNS servers of the spoke (existing-hub only): the hub's DNS Private Resolver inbound endpoint or firewall DNS proxy, which resolve the central private DNS zones (NET-04).",
  {
    question: 'DNS servers of the hub that resolve private endpoint names (comma-separated IPs)?',
    valueName: '<list>',
    askWhen: onExistingHub,
  },
);

const ZONE_EXAMPLE =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.openai.azure.com';

export const privateDnsZoneIds = answer(
  z.optional(z.array(resourceIdOf('Microsoft.Network/privateDnsZones', ZONE_EXAMPLE))),
  'Resource IDs of the central private DNS zones the private endpoints register in (existing-hub only); each zone the chosen services need must be among them.',
  {
    question: 'Resource IDs of the central private DNS zones (comma-separated)?',
    valueName: '<list>',
    // Asked with --dns-zones-by-policy too: the AI account's endpoint registers its openai and services.ai names itself.
    askWhen: onExistingHub,
  },
);

export const dnsZonesByPolicy = answer(
  z.optional(z.boolean()),
  "Azure Policy in your tenant creates the private endpoints' DNS zone groups (existing-hub only), except the AI account's: no built-in definition registers its openai and services.ai names, so that endpoint keeps its own zone group (NET-05).",
  {
    question: "Does Azure Policy create the private endpoints' DNS records in your tenant?",
    defaultText: 'false with --topology existing-hub',
    askWhen: onExistingHub,
  },
);
