import * as z from 'zod/mini';
import { privateCidr, unique } from './field-types.js';
import { answer } from './ui.js';

/** The answers about the network: topology, access from outside, egress and the address ranges. */

export const topology = answer(z._default(z.enum(['hub-spoke', 'single-vnet', 'existing-hub']), 'hub-spoke'), 'Network topology (NET-10).', {
  question: 'Which network topology?',
  hints: {
    'hub-spoke': 'hub for connectivity, spoke for the workload — recommended',
    'single-vnet': 'one virtual network holds everything',
    'existing-hub': 'a spoke peered to the hub your platform team already runs',
  },
});

export const vpn = answer(z._default(z.enum(['none', 'p2s']), 'none'), 'Point-to-site VPN for people outside Azure (NET-11).', {
  question: 'Point-to-site VPN?',
  hints: { none: 'no VPN: reach private endpoints through Bastion', p2s: 'OpenVPN with Microsoft Entra ID sign-in' },
  // An existing hub's VPN gateway is the platform team's.
  askWhen: (answers) => answers.topology !== 'existing-hub',
});

export const firewall = answer(z.optional(z.boolean()), 'Egress through Azure Firewall with an FQDN allow-list (NET-07).', {
  question: 'Route egress through Azure Firewall?',
  defaultText: 'true with hub-spoke, and with single-vnet when there is a jumpbox, API Management or the agents',
  // An existing hub brings its own firewall (--hub-firewall-ip).
  askWhen: (answers) => answers.topology !== 'existing-hub',
});

/** A host name, or `*.` and a domain: the forms an Azure Firewall application rule accepts. */
const FQDN = /^(\*\.)?([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/i;

export const allowedFqdns = answer(
  z._default(z.array(z.string().check(z.regex(FQDN, 'each entry must be a host name such as pypi.org, or *. and a domain such as *.example.com'))), []).check(
    // Host names are case-insensitive: PyPI.org and pypi.org are the same host.
    z.refine((hosts) => unique(hosts.map((host) => host.toLowerCase())), 'lists a host twice'),
  ),
  'Extra hosts the workload may reach over HTTPS through the firewall, beyond Microsoft Entra ID and Azure Resource Manager.',
  {
    question: 'Extra hosts the workload may reach through the firewall (comma-separated, optional)?',
    valueName: '<list>',
    askWhen: (answers) => (answers.firewall ?? (answers.topology ?? 'hub-spoke') === 'hub-spoke') === true,
  },
);

export const jumpbox = answer(z._default(z.boolean(), true), 'Azure Bastion and a jumpbox VM without a public IP (NET-06).', {
  question: 'Bastion and a jumpbox VM?',
});

export const addressSpace = answer(
  z._default(privateCidr(), '10.60.0.0/22'),
  "Address space of the first environment's workload VNet; later environments take the blocks of the same size that follow.",
  { question: 'Workload VNet address space (first environment)?', valueName: '<cidr>' },
);

export const hubAddressSpace = answer(
  z.optional(privateCidr()),
  "Address space of the first environment's hub VNet (hub-spoke only); later environments take the blocks of the same size that follow.",
  {
    question: 'Hub VNet address space (first environment)?',
    valueName: '<cidr>',
    defaultText: '10.50.0.0/23 with hub-spoke',
    askWhen: (answers) => (answers.topology ?? 'hub-spoke') === 'hub-spoke',
  },
);

export const vpnClientAddressPool = answer(
  z.optional(privateCidr()),
  'Addresses VPN clients get (vpn p2s only); later environments take the blocks of the same size that follow. Must not overlap any VNet.',
  {
    question: 'VPN client address pool (first environment)?',
    valueName: '<cidr>',
    defaultText: '172.16.200.0/24 with --vpn p2s',
    askWhen: (answers) => answers.vpn === 'p2s',
  },
);

export const agentAddressSpace = answer(
  z.optional(privateCidr()),
  "Address range of the first environment's agent subnet (agents only), added to the workload VNet; inside 172.16.0.0/12 or 192.168.0.0/16, a /27 or larger. Later environments take the blocks of the same size that follow.",
  {
    question: 'Agent subnet range (first environment)?',
    valueName: '<cidr>',
    defaultText: '192.168.0.0/24 with --agents',
    askWhen: (answers) => answers.agents === true,
  },
);
