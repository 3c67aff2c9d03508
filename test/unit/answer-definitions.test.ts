import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { OFFERED_MODEL_NAMES } from '../../src/ai/models.js';
import { fieldInfo } from '../../src/answers/fields.js';
import { AZURE_LOCATIONS } from '../../src/answers/locations.js';
import { ENVIRONMENT_NAME, WORKLOAD_NAME } from '../../src/answers/naming.js';
import { ANSWER_KEYS, PartialAnswersSchema } from '../../src/answers/schema.js';

/**
 * The answers are zod/mini schemas whose metadata is registered beside them (./src/answers/ui.ts, `answer`): what
 * the answers-file JSON schema, --help and the conversation read from them must come from each answer's own definition.
 */
const properties = (z.toJSONSchema(PartialAnswersSchema, { io: 'input' }) as { properties: Record<string, Record<string, unknown>> }).properties;

describe('answer definitions', () => {
  it.each(ANSWER_KEYS)('%s has a description, shown alike in --help and the answers-file schema, and a question', (key) => {
    const info = fieldInfo(key);
    expect(info.description).toMatch(/^[A-Z].{20,}\.\)?$/);
    expect(properties[key]?.description).toBe(info.description);
    expect(info.ui.question).toMatch(/\?$/);
  });

  it('the answers-file schema carries each answer’s limits, defaults and values', () => {
    expect(properties.modelCapacity).toMatchObject({ type: 'integer', minimum: 1, maximum: 100000 });
    expect(properties.name).toMatchObject({
      type: 'string',
      minLength: WORKLOAD_NAME.min,
      maxLength: WORKLOAD_NAME.max,
      pattern: WORKLOAD_NAME.pattern.source,
    });
    expect(properties.environments).toMatchObject({
      type: 'array',
      minItems: 1,
      default: ['dev', 'prod'],
      items: { type: 'string', minLength: ENVIRONMENT_NAME.min, maxLength: ENVIRONMENT_NAME.max, pattern: ENVIRONMENT_NAME.pattern.source },
    });
    expect(properties.publisherEmail).toMatchObject({ type: 'string', format: 'email' });
    expect(properties.foundry).toMatchObject({ type: 'string', enum: ['project', 'hub', 'none'], default: 'project' });
    expect(properties.model).toMatchObject({ enum: OFFERED_MODEL_NAMES });
    expect(properties.location).toMatchObject({ enum: AZURE_LOCATIONS });
    expect(fieldInfo('location').suggestions).toEqual(AZURE_LOCATIONS);
  });

  it('the kinds the UI reads from the definitions', () => {
    expect(fieldInfo('services')).toMatchObject({ kind: 'multi', choices: ['openai', 'ml', 'aiservices', 'search'], defaultValue: ['openai'] });
    expect(fieldInfo('topology')).toMatchObject({ kind: 'choice', choices: ['hub-spoke', 'single-vnet', 'existing-hub'] });
    expect(fieldInfo('certificateKeyVaultPermissionModel')).toMatchObject({ kind: 'choice', choices: ['rbac', 'access-policy'], defaultValue: undefined });
    expect(fieldInfo('jumpbox')).toMatchObject({ kind: 'boolean', defaultValue: true });
    expect(fieldInfo('hubDnsServers')).toMatchObject({ kind: 'list', choices: [] });
    expect(fieldInfo('modelCapacity')).toMatchObject({ kind: 'text', defaultValue: undefined });
  });

  it("zod's own messages are in English (zod/mini configures no locale by itself)", () => {
    const result = PartialAnswersSchema.safeParse({ jumpbox: 'yes', environments: 'dev' });
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      'Invalid input: expected boolean, received string',
      'Invalid input: expected array, received string',
    ]);
  });
});
