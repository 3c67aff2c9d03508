import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ANSWER_KEYS, type AnswerKey, type Answers, type PartialAnswers } from '../../src/answers/schema.js';
import { GUIDANCE_CATALOGUE } from '../../src/docs/guidance-catalogue.js';
import { type GuidanceStatus, guidanceStatusOf } from '../../src/docs/guidance-status.js';
import { buildModel } from '../../src/model.js';
import type { RenderedTree } from '../../src/render/render.js';
import { STATE_PATH } from '../../src/state.js';
import { optionMatrix, platformMatrix, renderScenario, SCENARIOS, scenarioAnswers } from '../scenarios.js';

/**
 * GUIDANCE.md is the source of the IDs; it lives beside the repository in the team's shared folder
 * (GUIDANCE_MD overrides the place), which a clone of the repository alone does not have. Where it is,
 * the catalogue is compared with it; everywhere, every status list is checked against the catalogue.
 */
const GUIDANCE_MD = process.env.GUIDANCE_MD ?? fileURLToPath(new URL('../../../shared/GUIDANCE.md', import.meta.url));
const haveGuidance = existsSync(GUIDANCE_MD);
if (!haveGuidance) {
  console.warn(
    `\n${'!'.repeat(100)}\nSKIPPING the comparison of the guidance catalogue with ${GUIDANCE_MD}: not found (set GUIDANCE_MD)\n${'!'.repeat(100)}\n`,
  );
}

interface GuidanceRow {
  readonly id: string;
  /** The first word of the Kind column: "Doc + script" is Doc, "IaC (option)" is IaC. */
  readonly kind: string;
}

/** The rows of the table in GUIDANCE.md: `| ID | Recommendation | Source | Kind |`. */
function parseGuidanceTable(markdown: string): GuidanceRow[] {
  return markdown
    .split('\n')
    .map((line) => /^\|\s*([A-Z]{3}-\d{2})\s*\|.*\|\s*([^|]+?)\s*\|\s*$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ id: match[1]!, kind: match[2]!.split(/\s/)[0]! }));
}

const TABLE = haveGuidance ? parseGuidanceTable(readFileSync(GUIDANCE_MD, 'utf8')) : [];
const TABLE_IDS = haveGuidance ? TABLE.map((row) => row.id) : GUIDANCE_CATALOGUE.map((entry) => entry.id as string);

/** Written by the create command beside the plan's files (it records the answers), so not in the rendered tree. */
const PENDING_FILES = new Set([STATE_PATH]);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether the rendered file declares or names the cited thing, in the way its kind of file does. */
function declares(file: string, content: string, resource: string): boolean {
  if (file.endsWith('.bicep')) return new RegExp(`^(module|resource|output) ${escape(resource)} `, 'm').test(content);
  if (file.endsWith('.yml')) return new RegExp(`^ {2}${escape(resource)}:\\s*$`, 'm').test(content);
  if (file === STATE_PATH)
    return resource.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], JSON.parse(content)) !== undefined;
  // The verification scripts read main.bicep's output of that name.
  return content.includes(resource);
}

/** An answer as the statuses write it in `key=value`. */
function answerValue(answers: Answers, key: AnswerKey): string {
  const value: unknown = answers[key];
  return Array.isArray(value) ? value.join(',') || 'none' : value === undefined ? 'none' : String(value);
}

const byId = (statuses: readonly GuidanceStatus[]) => new Map(statuses.map((status) => [status.id as string, status]));

const ALL_SCENARIOS: Record<string, PartialAnswers> = {
  ...SCENARIOS,
  ...optionMatrix(['none', 'apim', 'apim-appgw', 'apim-frontdoor']),
  ...platformMatrix(),
};

describe.skipIf(!haveGuidance)('the guidance catalogue', () => {
  it('lists exactly the IDs of GUIDANCE.md, in its order, with its kinds', () => {
    expect(TABLE.length).toBeGreaterThan(30);
    expect(GUIDANCE_CATALOGUE.map((entry) => entry.id)).toEqual(TABLE_IDS);
    for (const row of TABLE) expect(GUIDANCE_CATALOGUE.find((entry) => entry.id === row.id)?.kind, row.id).toBe(row.kind);
  });

  it('has a short title of its own for every ID', () => {
    for (const entry of GUIDANCE_CATALOGUE) {
      expect(entry.title.length, entry.id).toBeGreaterThan(10);
      expect(entry.title.length, entry.id).toBeLessThanOrEqual(80);
    }
  });
});

describe.each(Object.entries(ALL_SCENARIOS))('guidance status: %s', (_name, partial) => {
  const answers = scenarioAnswers(partial);
  const model = buildModel(answers);
  const statuses = guidanceStatusOf(model);
  const status = (id: string) => byId(statuses).get(id)!;
  const rendered = (() => {
    let tree: Promise<RenderedTree> | undefined;
    return () => (tree ??= renderScenario(partial));
  })();

  it('names every ID of GUIDANCE.md exactly once, and no other', () => {
    const ids = statuses.map((entry) => entry.id as string);
    expect(ids).toEqual(TABLE_IDS);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('cites only files it generates, each declaring the cited symbol', async () => {
    const tree = await rendered();
    for (const entry of statuses) {
      if (entry.status !== 'satisfied') continue;
      expect(entry.evidence.length, entry.id).toBeGreaterThan(0);
      for (const { file, resource } of entry.evidence) {
        const content = tree.get(file);
        if (content === undefined) {
          // Only the files being written by other generators may be missing, and never a Bicep file.
          expect(!file.startsWith('infra/') && PENDING_FILES.has(file), `${entry.id}: ${file} is not generated`).toBe(true);
          continue;
        }
        expect(declares(file, content, resource), `${entry.id}: ${file} declares ${resource}`).toBe(true);
      }
    }
  });

  it('gives for every not-applicable ID the answer, as chosen, that turned it off', () => {
    for (const entry of statuses) {
      if (entry.status !== 'not-applicable') continue;
      const named = [...entry.because.matchAll(/\b([a-zA-Z]+)=([\w.-]+(?:,[\w.-]+)*)/g)].filter(([, key]) => (ANSWER_KEYS as readonly string[]).includes(key!));
      expect(named.length, `${entry.id}: ${entry.because}`).toBeGreaterThan(0);
      for (const [text, key, value] of named) expect(value, `${entry.id}: ${text}`).toBe(answerValue(answers, key as AnswerKey));
    }
  });

  it('gives concrete steps for every manual ID', () => {
    for (const entry of statuses) {
      if (entry.status !== 'manual') continue;
      expect(entry.steps.length, entry.id).toBeGreaterThan(0);
      for (const step of entry.steps) expect(step.length, entry.id).toBeGreaterThan(40);
    }
  });

  // The AI account's data loss prevention (NET-07): any account but the Foundry one with agents, whose tools' hosts are unknown.
  const aiAccount = answers.foundry !== 'none' || answers.services.includes('openai') || answers.services.includes('aiservices');
  const outboundAllowList = aiAccount && !(answers.foundry === 'project' && answers.agents);

  it('satisfies each optional control exactly when its answer asks for it', () => {
    const edge = answers.gateway === 'apim-appgw' || answers.gateway === 'apim-frontdoor';
    const expectations: Record<string, boolean> = {
      'NET-06': answers.jumpbox,
      'NET-07': answers.firewall || answers.hubFirewallIp !== undefined || answers.foundry === 'hub' || answers.services.includes('ml') || outboundAllowList,
      'NET-08': answers.gateway !== 'none',
      'NET-09': edge,
      'NET-10': answers.topology !== 'single-vnet',
      'NET-11': answers.vpn === 'p2s',
      'NET-13': true,
      'NET-14': answers.gateway !== 'none' && answers.apimRegions.length > 0,
      'FDY-02': answers.foundry === 'hub',
      'FDY-03': answers.foundry === 'hub',
      'FDY-04': answers.foundry === 'hub',
      'FDY-05': answers.foundry === 'hub',
      'FDY-06': answers.foundry === 'project',
      'SEC-03': answers.services.includes('openai'),
      'SEC-05': answers.gateway !== 'none',
    };
    for (const [id, expected] of Object.entries(expectations)) expect(status(id).status === 'satisfied', id).toBe(expected);
  });

  it('cites the chosen door for internet callers (NET-09)', () => {
    const cited = (id: string) => {
      const entry = status(id);
      return entry.status === 'satisfied' ? entry.evidence.map((evidence) => `${evidence.file}#${evidence.resource}`) : [];
    };
    expect(cited('NET-09').includes('infra/main.bicep#frontDoor')).toBe(answers.gateway === 'apim-frontdoor');
    expect(cited('NET-09').includes('infra/main.bicep#applicationGateway')).toBe(answers.gateway === 'apim-appgw' || answers.gateway === 'apim-frontdoor');
    expect(cited('NET-07').includes('infra/main.bicep#firewall')).toBe(answers.firewall);
    expect(cited('NET-07').some((place) => /^infra\/modules\/ai\/(foundry|ai-services)-account\.bicep#account$/.test(place))).toBe(outboundAllowList);
    expect(cited('NET-04').includes('infra/main.bicep#dnsResolver')).toBe(model.dnsResolver);
  });

  it('leaves the controls outside IaC to people, never claiming them', () => {
    for (const id of ['SEC-04', 'SEC-07', 'SEC-08', 'SEC-12']) expect(status(id).status, id).not.toBe('satisfied');
    expect(status('SEC-08').status).toBe('manual');
    expect(status('SEC-07').status).toBe(answers.agents ? 'manual' : 'not-applicable');
    expect(status('SEC-12').status).toBe(answers.agents ? 'manual' : 'not-applicable');
    const sec08 = status('SEC-08');
    if (sec08.status === 'manual') {
      // The groups of the parameter files are named, so the policies can be scoped to them.
      for (const id of [...answers.userGroupIds, ...answers.adminGroupIds]) expect(sec08.steps.join('\n')).toContain(id);
    }
  });

  it('satisfies the pipeline IDs with the workflow jobs, one deploy job per environment', () => {
    const evidence = (id: string) => {
      const entry = status(id);
      return entry.status === 'satisfied' ? entry.evidence : [];
    };
    expect(evidence('SEC-01')).toContainEqual({ file: '.github/workflows/pull-request.yml', resource: 'psrule' });
    expect(evidence('OPS-01')).toEqual(
      expect.arrayContaining([
        { file: '.github/workflows/pull-request.yml', resource: 'build' },
        { file: '.github/workflows/pull-request.yml', resource: 'what-if' },
        ...answers.environments.map((environment) => ({ file: '.github/workflows/deploy.yml', resource: `deploy-${environment}` })),
      ]),
    );
  });

  it('cites a generated Bicep file for every satisfied IaC ID', () => {
    for (const entry of statuses) {
      if (entry.kind !== 'IaC' || entry.status !== 'satisfied') continue;
      expect(
        entry.evidence.some((evidence) => evidence.file.startsWith('infra/')),
        entry.id,
      ).toBe(true);
    }
  });
});

describe('guidance status of hub-spoke-app-gateway', () => {
  it('is, ID by ID, what those answers make it', () => {
    const statuses = guidanceStatusOf(buildModel(scenarioAnswers(SCENARIOS['hub-spoke-app-gateway']!)));
    const notApplicable = ['FDY-02', 'FDY-03', 'FDY-04', 'FDY-05', 'SEC-07', 'SEC-12'];
    const manual = ['SEC-04', 'SEC-08'];
    for (const entry of statuses) {
      const expected = notApplicable.includes(entry.id) ? 'not-applicable' : manual.includes(entry.id) ? 'manual' : 'satisfied';
      expect(entry.status, entry.id).toBe(expected);
    }
  });
});
