import type { Answers } from '../answers/schema.js';
import type { ViewModel } from '../model.js';
import type { Placement } from '../state.js';

export function summaryLines(answers: Answers, target: string): string[] {
  return [
    `folder        ${target}`,
    `workload      ${answers.name} in ${answers.location}`,
    `environments  ${answers.environments.join(', ')} (address space from ${answers.addressSpace})`,
    `foundry       ${answers.foundry}; services: ${answers.services.join(', ') || 'none'}`,
    `network       ${answers.topology}; vpn ${answers.vpn}; gateway ${answers.gateway}`,
    `egress        ${answers.firewall ? 'through Azure Firewall' : 'no firewall'}; jumpbox ${answers.jumpbox ? 'yes' : 'no'}`,
  ];
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
