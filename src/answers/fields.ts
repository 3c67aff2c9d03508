import * as z from 'zod/mini';
import { type AnswerKey, answerFields } from './schema.js';
import { type AnswerUi, answerUi } from './ui.js';

/** What the UI needs to know about one answer, read from its zod definition. */
export interface FieldInfo {
  readonly key: AnswerKey;
  readonly kind: 'choice' | 'multi' | 'boolean' | 'text' | 'list';
  readonly choices: readonly string[];
  /** The values a text answer must be one of (models, regions): free text for flags, a list to pick from in a conversation. */
  readonly suggestions: readonly string[];
  readonly defaultValue: unknown;
  readonly description: string;
  readonly ui: AnswerUi;
}

export function fieldInfo(key: AnswerKey): FieldInfo {
  const field = answerFields[key] as z.ZodMiniType;
  let inner = field;
  let defaultValue: unknown;
  while (inner.def.type === 'default' || inner.def.type === 'optional') {
    const def = inner.def as z.core.$ZodDefaultDef | z.core.$ZodOptionalDef;
    if (def.type === 'default') defaultValue = def.defaultValue;
    inner = def.innerType as z.ZodMiniType;
  }
  const ui = answerUi.get(field);
  if (!ui) throw new Error(`internal: answer ${key} has no UI metadata`);
  const meta = z.globalRegistry.get(field);
  const suggestions = (meta?.enum as readonly string[] | undefined) ?? [];
  const base = { key, defaultValue, description: meta?.description ?? '', ui, suggestions };
  switch (inner.def.type) {
    case 'enum':
      return { ...base, kind: 'choice', choices: (inner as z.ZodMiniEnum).options as string[] };
    case 'boolean':
      return { ...base, kind: 'boolean', choices: [] };
    case 'array': {
      const element = (inner as z.ZodMiniArray<z.ZodMiniType>).def.element as z.ZodMiniType;
      return element.def.type === 'enum'
        ? { ...base, kind: 'multi', choices: (element as z.ZodMiniEnum).options as string[] }
        : { ...base, kind: 'list', choices: [] };
    }
    default:
      return { ...base, kind: 'text', choices: [] };
  }
}

export const allFields = (): FieldInfo[] => (Object.keys(answerFields) as AnswerKey[]).map(fieldInfo);

/** The default as --help and the prompts show it. */
export function defaultLabel(info: FieldInfo): string | undefined {
  if (info.ui.defaultText) return info.ui.defaultText;
  if (info.defaultValue === undefined) return undefined;
  return Array.isArray(info.defaultValue) ? info.defaultValue.join(',') : String(info.defaultValue);
}

/** `'openai, search'` or `['openai,search', 'ml']` → `['openai', 'search', 'ml']`. */
export function parseList(text: string | readonly string[] | undefined): string[] {
  const parts = typeof text === 'string' ? [text] : (text ?? []);
  return parts
    .flatMap((part) => part.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
