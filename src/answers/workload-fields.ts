import * as z from 'zod/mini';
import { azureRegion, unique } from './field-types.js';
import { AZURE_LOCATIONS } from './locations.js';
import { ENVIRONMENT_NAME, WORKLOAD_NAME } from './naming.js';
import { answer, type AnswerUi } from './ui.js';

/** The answers about the workload itself: its name, region, environments, people and pipeline. */

export const name = answer(
  z
    .string()
    .check(
      z.minLength(WORKLOAD_NAME.min, `must be at least ${WORKLOAD_NAME.min} characters`),
      z.maxLength(WORKLOAD_NAME.max, `must be at most ${WORKLOAD_NAME.max} characters, so that Key Vault and Storage names stay within 24`),
      z.regex(
        WORKLOAD_NAME.pattern,
        'may hold only lowercase letters, digits and single hyphens, starting with a letter and ending with a letter or digit (Azure refuses other characters in Storage and Key Vault names)',
      ),
    ),
  'Workload name: the prefix of every resource name.',
  {
    question: 'Workload name (prefix of every resource name)?',
    valueName: '<name>',
    defaultText: 'the folder name, when it is a valid name',
  },
);

export const location = answer(
  azureRegion(),
  // The enum is for the answers-file JSON schema, so that editors complete the region.
  { description: 'Azure region of the landing zone.', enum: [...AZURE_LOCATIONS] },
  {
    question: 'Azure region?',
    valueName: '<region>',
    valuesHint: `One of ${AZURE_LOCATIONS.length} public regions, written as Azure names them (swedencentral; "Sweden Central" works too). \`secure-ai-landing schema\` lists them under location; \`az account list-locations -o table\` shows every region's name.`,
  },
);

const environmentName = z
  .string()
  .check(
    z.minLength(ENVIRONMENT_NAME.min, `each environment name must be ${ENVIRONMENT_NAME.min} to ${ENVIRONMENT_NAME.max} characters`),
    z.maxLength(ENVIRONMENT_NAME.max, `each environment name must be ${ENVIRONMENT_NAME.min} to ${ENVIRONMENT_NAME.max} characters`),
    z.regex(ENVIRONMENT_NAME.pattern, 'each environment name must be lowercase letters and digits, starting with a letter (e.g. dev, test, prod)'),
  );

export const environments = answer(
  z
    ._default(z.array(environmentName).check(z.minLength(1, 'needs at least one environment, e.g. dev,prod')), ['dev', 'prod'])
    .check(z.refine(unique, 'lists an environment twice')),
  'Environments, in deployment order; each gets its own parameter file and address space.',
  { question: 'Environments (comma-separated, in deployment order)?', valueName: '<list>' },
);

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const groupIds = (who: string, ui: AnswerUi) =>
  answer(
    z
      ._default(
        z.array(
          z.string().check(z.regex(GUID, 'each entry must be the object ID (a GUID such as 00000000-0000-0000-0000-000000000000) of a Microsoft Entra group')),
        ),
        [],
      )
      .check(z.refine((ids) => unique(ids.map((id) => id.toLowerCase())), 'lists a group twice')),
    `Object IDs of the Microsoft Entra groups of the people who ${who} (SEC-09).`,
    ui,
  );

export const userGroupIds = groupIds('use the platform: call the models, build in the Foundry project, query the indexes, sign in to the jumpbox', {
  question: "Entra group object IDs of the platform's users (comma-separated, optional)?",
  valueName: '<guids>',
});

export const adminGroupIds = groupIds('administer the platform: manage projects and deployments, read the logs, sign in to the jumpbox', {
  question: "Entra group object IDs of the platform's administrators (comma-separated, optional)?",
  valueName: '<guids>',
});

export const githubRepo = answer(
  z.optional(z.string().check(z.regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/, 'must be owner/repository, e.g. contoso/ai-landing-zone'))),
  'GitHub repository (owner/name) that will deploy the landing zone with OpenID Connect.',
  { question: 'GitHub repository that will deploy it (owner/name, optional)?', valueName: '<owner/repo>' },
);
