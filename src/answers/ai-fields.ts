import * as z from 'zod';
import { MODEL_NAMES } from '../ai/models.js';
import { oneOfNames, unique } from './field-types.js';
import { type AnswersSoFar, answerUi } from './ui.js';

/** The answers about the AI platform: Foundry, the services, the agents and the model. */

export const SERVICES = ['openai', 'ml', 'aiservices', 'search'] as const;
export type Service = (typeof SERVICES)[number];

export const foundry = z
  .enum(['project', 'hub', 'none'])
  .default('project')
  .describe('How Microsoft Foundry is deployed (FDY-01).')
  .register(answerUi, {
    question: 'Which Microsoft Foundry setup?',
    hints: {
      project: 'project-based: Foundry projects on an AI Services account — recommended',
      hub: 'hub-based: Azure Machine Learning hub and project with a managed network',
      none: 'no Foundry: only the services chosen below',
    },
  });

export const services = z
  .array(z.enum(SERVICES))
  .default(['openai'])
  .refine(unique, 'lists a service twice')
  .describe('AI services to deploy, each private and keyless.')
  .register(answerUi, {
    question: 'Which AI services?',
    valueName: '<list>',
    hints: {
      openai: 'Azure OpenAI model deployments',
      ml: 'Azure Machine Learning workspace with a managed network',
      aiservices: 'multi-service AI account (language, vision, speech, …)',
      search: 'Azure AI Search for retrieval',
    },
  });

export const agents = z
  .boolean()
  .default(false)
  .describe('Foundry Agent Service injected into a delegated subnet (project-based Foundry only).')
  .register(answerUi, { question: 'Foundry Agent Service with network injection?', askWhen: (answers) => (answers.foundry ?? 'project') === 'project' });

const withModels = (answers: AnswersSoFar) => ((answers.services as string[] | undefined) ?? ['openai']).includes('openai');

/** The model of the design's default (services openai): generally available in every data zone. */
export const DEFAULT_MODEL = 'gpt-4.1';

export const model = oneOfNames(
  MODEL_NAMES,
  'a model this generator knows',
  ' (for another model, generate with one of these and edit modelDeployments in infra/params)',
)
  .default(DEFAULT_MODEL)
  .meta({ description: 'The model deployed in every environment (services openai), at a version that is generally available.', enum: [...MODEL_NAMES] })
  .register(answerUi, { question: 'Which model?', valueName: '<model>', askWhen: withModels });

export const modelCapacity = z.coerce
  .number({ error: 'must be a whole number of thousands of tokens per minute, e.g. 50' })
  .int('must be a whole number of thousands of tokens per minute, e.g. 50')
  .min(1, 'must be at least 1 (thousand tokens per minute)')
  .max(100000, 'must be at most 100000 (thousand tokens per minute); ask for a quota increase and edit the parameter files beyond that')
  .optional()
  .describe('Capacity of the model deployment in every environment, in thousands of tokens per minute (services openai).')
  .register(answerUi, {
    question: 'Model capacity (thousands of tokens per minute)?',
    valueName: '<ktpm>',
    defaultText: '10, and 50 in production',
    askWhen: withModels,
  });
