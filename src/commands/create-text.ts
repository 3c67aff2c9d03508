import { fieldInfo } from '../answers/fields.js';
import type { AnswerSource } from '../answers/resolve.js';
import { ANSWER_KEYS, type AnswerKey, type Answers } from '../answers/schema.js';
import { flagOf } from '../cli/flags.js';
import type { ViewModel } from '../model.js';
import type { Placement } from '../state.js';

/** Every answer before "Write it?", grouped as the questions were; an answer a choice does not use is not shown. */
export function summaryLines(answers: Answers, target: string): string[] {
  const list = (items: readonly string[], none = 'none') => (items.length > 0 ? items.join(', ') : none);
  const openai = answers.services.includes('openai');
  const edge = answers.gateway === 'apim-appgw' || answers.gateway === 'apim-frontdoor';
  const lines: [string, string | false][] = [
    ['folder', target],
    ['workload', `${answers.name} in ${answers.location}`],
    ['environments', `${answers.environments.join(', ')} (address space from ${answers.addressSpace})`],
    ['foundry', `${answers.foundry}; services: ${list(answers.services)}; agents ${answers.agents ? 'yes' : 'no'}`],
    [
      'model',
      openai && `${answers.model}, ${answers.modelCapacity === undefined ? '10k tokens/min (50k in production)' : `${answers.modelCapacity}k tokens/min`}`,
    ],
    ['users', list(answers.userGroupIds)],
    ['admins', list(answers.adminGroupIds)],
    ['network', `${answers.topology}; vpn ${answers.vpn}; gateway ${answers.gateway}`],
    ['hub', answers.hubAddressSpace !== undefined && `address space from ${answers.hubAddressSpace}`],
    ['existing hub', answers.hubVnetId !== undefined && `${answers.hubVnetId}; DNS ${list(answers.hubDnsServers ?? [])}`],
    ['hub egress', answers.topology === 'existing-hub' && (answers.hubFirewallIp ? `through ${answers.hubFirewallIp}` : 'not routed to a firewall')],
    [
      'dns zones',
      answers.topology === 'existing-hub' &&
        `${answers.dnsZonesByPolicy ? 'records by Azure Policy' : 'records written here'}; ${list(answers.privateDnsZoneIds ?? [], 'no central zone IDs')}`,
    ],
    ['vpn clients', answers.vpnClientAddressPool !== undefined && `from ${answers.vpnClientAddressPool}`],
    ['agent subnet', answers.agentAddressSpace !== undefined && `from ${answers.agentAddressSpace}`],
    [
      'egress',
      `${answers.firewall ? `through Azure Firewall; extra hosts: ${list(answers.allowedFqdns)}` : 'no firewall'}; jumpbox ${answers.jumpbox ? 'yes' : 'no'}`,
    ],
    ['publisher', answers.publisherEmail !== undefined && answers.publisherEmail],
    ['apim regions', answers.apimRegions.length > 0 && list(answers.apimRegions)],
    ['host name', edge && `${answers.gatewayHostName}`],
    ['certificate', edge && `${answers.certificateUri} in ${answers.certificateKeyVaultId}`],
    ['github', answers.githubRepo ?? 'not named (scripts/bootstrap.sh asks for it)'],
  ];
  return lines.filter((line): line is [string, string] => line[1] !== false).map(([label, text]) => `${label.padEnd(14)}${text}`);
}

/**
 * The command that makes the same landing zone without a conversation: every answer a person gave
 * (by flag, file or prompt) that differs from its schema default, as the flag they would pass.
 */
export function equivalentCommand(answers: Answers, sources: Readonly<Record<AnswerKey, AnswerSource>>, shownTarget: string): string {
  const words = ['npm', 'create', 'secure-ai-landing@latest', shownTarget, '--', '--yes'];
  for (const key of ANSWER_KEYS) {
    const value = answers[key];
    const given = sources[key] === 'flag' || sources[key] === 'file' || sources[key] === 'prompt';
    if (!given || value === undefined || JSON.stringify(value) === JSON.stringify(fieldInfo(key).defaultValue)) continue;
    if (typeof value === 'boolean') words.push(value ? flagOf(key) : `--no-${flagOf(key).slice(2)}`);
    else words.push(flagOf(key), Array.isArray(value) ? value.join(',') : String(value));
  }
  return words.map(shellWord).join(' ');
}

/** A word as a POSIX shell reads it back unchanged: quoted only when it has to be. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

export function nextSteps(model: ViewModel, shownTarget: string, placement: Placement = {}): string[] {
  const first = model.environments[0]!;
  return [
    ...(shownTarget === '.' ? [] : [`cd ${shellQuoted(shownTarget)}`]),
    `Review infra/params/${first.name}.bicepparam (model, capacity, address space).`,
    `az login && scripts/bootstrap.sh${model.answers.githubRepo ? '' : ' --repository <owner>/<name>'}   # the pipeline's identities (OpenID Connect)`,
    `Or deploy from here: scripts/what-if.sh ${first.name} && scripts/deploy.sh ${first.name}`,
    `${placement.readme ?? 'README.md'} explains the rest: the pipeline, how to reach and verify the private endpoints.`,
  ];
}

/**
 * A path as a POSIX shell reads it back unchanged when pasted: as is when it holds only characters no
 * shell treats specially, else in single quotes (a quote inside as '\''), which also keeps spaces and
 * non-ASCII letters together.
 */
export function shellQuoted(path: string): string {
  // `cd -lz` would read an option: a relative path that starts with '-' is given as ./-lz.
  const safe = path.startsWith('-') ? `./${path}` : path;
  return /^[A-Za-z0-9_./:@%+=,-]+$/.test(safe) ? safe : `'${safe.replace(/'/g, "'\\''")}'`;
}
