import * as z from 'zod/mini';
import { RELEASE_DATE } from '../ai/model-lifecycle.js';
import { MODEL_NAMES, OFFERED_MODEL_NAMES } from '../ai/models.js';
import { oneOfNames, unique } from './field-types.js';
import { answer, type AnswersSoFar } from './ui.js';

/** The answers about the AI platform: Foundry, the services, the agents and the model. */

export const SERVICES = ['openai', 'ml', 'aiservices', 'search'] as const;
export type Service = (typeof SERVICES)[number];

export const foundry = answer(z._default(z.enum(['project', 'hub', 'none']), 'project'), 'How Microsoft Foundry is deployed (FDY-01).', {
  question: 'Which Microsoft Foundry setup?',
  hints: {
    project: 'project-based: Foundry projects on an AI Services account — recommended',
    hub: 'hub-based: Azure Machine Learning hub and project with a managed network',
    none: 'no Foundry: only the services chosen below',
  },
});

export const services = answer(
  z._default(z.array(z.enum(SERVICES)), ['openai']).check(z.refine(unique, 'lists a service twice')),
  'AI services to deploy, each private and keyless.',
  {
    question: 'Which AI services?',
    valueName: '<list>',
    hints: {
      openai: 'Azure OpenAI model deployments',
      ml: 'Azure Machine Learning workspace with a managed network',
      aiservices: 'multi-service AI account (language, vision, speech, …)',
      search: 'Azure AI Search for retrieval',
    },
  },
);

export const agents = answer(z._default(z.boolean(), false), 'Foundry Agent Service injected into a delegated subnet (project-based Foundry only).', {
  question: 'Foundry Agent Service with network injection?',
  askWhen: (answers) => (answers.foundry ?? 'project') === 'project',
});

/**
 * Off by default, as the Foundry baseline ships it (Azure-Samples/microsoft-foundry-baseline,
 * infra-as-code/bicep/cosmos-db.bicep: `isZoneRedundant: false`, because some subscriptions lack the quota for
 * zone redundancy in their region): creating a zone-redundant account fails with ServiceUnavailable "high demand
 * in <region> for the zonal redundant (Availability Zones) accounts" until the subscription is granted access
 * (https://aka.ms/cosmosdbquota; reported in microsoft/Multi-Agent-Custom-Automation-Engine-Solution-Accelerator#248
 * and Azure/terraform-azurerm-avm-ptn-aiml-landing-zone#17). Turn it on once capacity is confirmed.
 */
export const cosmosZoneRedundant = answer(
  z._default(z.boolean(), false),
  "Spread the agents' Cosmos DB account over the region's availability zones (--agents; needs a region with zones and Cosmos DB zone-redundant capacity for the subscription).",
  { question: "Zone-redundant Cosmos DB for the agents' threads?", askWhen: (answers) => answers.agents === true },
);

const withModels = (answers: AnswersSoFar) => ((answers.services as string[] | undefined) ?? ['openai']).includes('openai');

/**
 * The model of the design's default (services openai): generally available, neither deprecated nor within 90 days
 * of retirement on the release date (test/unit/model-lifecycle.test.ts holds it to that).
 */
export const DEFAULT_MODEL = 'gpt-5.5';

/**
 * Any model the catalogue knows is a valid answer, so that a repository generated with a model that has since
 * been retired still validates and upgrades; `create` refuses a retired one on the day it runs (create-model.ts).
 * --help, the conversation, the JSON schema and the error's list offer only those deployable on the release date.
 */
export const model = answer(
  z._default(
    oneOfNames(
      MODEL_NAMES,
      'a model this generator knows',
      ' (for another model, generate with one of these and edit modelDeployments in infra/params)',
      OFFERED_MODEL_NAMES,
    ),
    DEFAULT_MODEL,
  ),
  {
    description: `The model deployed in every environment (services openai): ${OFFERED_MODEL_NAMES.join(', ')}, each at a version neither deprecated nor retired on ${RELEASE_DATE}.`,
    enum: [...OFFERED_MODEL_NAMES],
  },
  { question: 'Which model?', valueName: '<model>', choices: OFFERED_MODEL_NAMES, askWhen: withModels },
);

export const modelCapacity = answer(
  z.optional(
    z.coerce
      .number({ error: 'must be a whole number of thousands of tokens per minute, e.g. 50' })
      .check(
        z.int('must be a whole number of thousands of tokens per minute, e.g. 50'),
        z.gte(1, 'must be at least 1 (thousand tokens per minute)'),
        z.lte(100000, 'must be at most 100000 (thousand tokens per minute); ask for a quota increase and edit the parameter files beyond that'),
      ),
  ),
  'Capacity of the model deployment in every environment, in thousands of tokens per minute (services openai).',
  {
    question: 'Model capacity (thousands of tokens per minute)?',
    valueName: '<ktpm>',
    defaultText: '10, and 50 in production',
    askWhen: withModels,
  },
);
