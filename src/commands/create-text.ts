import type { Answers } from '../answers/schema.js';
import type { ViewModel } from '../model.js';

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

export function nextSteps(model: ViewModel, shownTarget: string): string[] {
  const first = model.environments[0]!;
  return [
    ...(shownTarget === '.' ? [] : [`cd ${shownTarget}`]),
    `Review infra/params/${first.name}.bicepparam (model, capacity, address space).`,
    'az login',
    `az deployment sub create --name ${model.answers.name}-${first.name} --location ${model.answers.location} --parameters infra/params/${first.name}.bicepparam`,
    'README.md explains the rest: what was built, and how to reach the private endpoints.',
  ];
}
