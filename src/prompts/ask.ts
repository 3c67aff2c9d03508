import type { Readable, Writable } from 'node:stream';
import * as clack from '@clack/prompts';
import { nameKey } from '../answers/field-types.js';
import { allFields, defaultLabel, type FieldInfo, fieldInfo, parseList } from '../answers/fields.js';
import { conditionallyRequired, deriveDefaults, issuesWith, unsettledKeys } from '../answers/resolve.js';
import { answerFields, type PartialAnswers } from '../answers/schema.js';
import { closest } from '../did-you-mean.js';
import { CancelledError } from '../errors.js';

export interface PromptStreams {
  readonly input: Readable;
  readonly output: Writable;
}

/** Resolves a prompt's answer, or throws when the user pressed Ctrl-C or Escape. */
export async function answered<T>(pending: Promise<T>): Promise<Exclude<T, symbol>> {
  const value = await pending;
  if (clack.isCancel(value)) throw new CancelledError();
  return value as Exclude<T, symbol>;
}

/** The rules' objection to a value of the question being asked, given the answers so far; undefined when there is none. */
type Check = (value: unknown) => string | undefined;

/**
 * Asks, in schema order, every answer that neither a flag nor the answers file gave. Each question
 * offers a default derived from the answers so far (valid with them) and refuses in place what the
 * schema or the rules between answers refuse. A conflict only a later answer could reveal takes the
 * person back to the questions involved, with their answers kept, instead of failing at the end.
 * Returns every answer the conversation settled, including a flag's that it had to ask again.
 */
export async function askMissing(given: PartialAnswers, folderName: string, streams: PromptStreams): Promise<PartialAnswers> {
  const answers: Record<string, unknown> = { ...given };
  const prompted: Record<string, unknown> = {};
  const ask = async (field: FieldInfo, initial: unknown) => {
    const requiredBy = conditionallyRequired(answers).find(({ key }) => key === field.key)?.because;
    const check: Check = (value) => issuesWith(field.key, { ...answers, [field.key]: value }, folderName)[0];
    answers[field.key] = prompted[field.key] = await askChecked(field, initial, streams, check, requiredBy);
  };
  const offered = (field: FieldInfo) => deriveDefaults(answers, folderName)[field.key] ?? field.defaultValue;
  for (const field of allFields()) {
    if (given[field.key] !== undefined) continue;
    if (field.ui.askWhen && !field.ui.askWhen(answers)) continue;
    await ask(field, offered(field));
  }
  // Until every rule between the answers holds: a conversation never ends in a list of errors. Each round says what
  // is wrong and offers the answers given; the person can always leave with Ctrl-C.
  for (let unsettled = unsettledKeys(answers, folderName); unsettled.length > 0; unsettled = unsettledKeys(answers, folderName)) {
    for (const key of unsettled) {
      const field = fieldInfo(key);
      const problem = issuesWith(key, answers, folderName)[0];
      clack.log.warn(`${field.ui.question} ${problem ?? 'needs an answer'}; asking again.`, { output: streams.output });
      await ask(field, answers[key] ?? offered(field));
    }
  }
  return prompted as PartialAnswers;
}

/** Asks until the rules accept the answer: a text question refuses in place; a choice says why and asks again. */
async function askChecked(field: FieldInfo, initial: unknown, streams: PromptStreams, check: Check, requiredBy?: string): Promise<unknown> {
  for (;;) {
    const value = await askField(field, initial, streams, check, requiredBy);
    if (field.kind === 'text' || field.kind === 'list') return value;
    const problem = check(value);
    if (problem === undefined) return value;
    clack.log.warn(`${JSON.stringify(value)} ${problem}`, { output: streams.output });
    initial = value;
  }
}

/** `requiredBy` names the earlier answer that makes an answer without a default necessary; others may stay empty. */
async function askField(field: FieldInfo, initial: unknown, streams: PromptStreams, check: Check, requiredBy?: string): Promise<unknown> {
  const message = field.ui.question;
  // A fixed set of names: the regions are too many to scroll, so they are filtered as the person types.
  if (field.suggestions.length > 12) return askByTyping(field, initial as string | undefined, streams);
  if (field.suggestions.length > 0) {
    const options = field.suggestions.map((value) => ({ value }));
    return answered(clack.select({ ...streams, message, options, initialValue: initial as string | undefined }));
  }
  if (field.kind === 'text' && field.ui.choices) {
    const options = field.ui.choices.map((value) => ({ value }));
    return answered(clack.select({ ...streams, message, options, initialValue: initial as string | undefined }));
  }
  switch (field.kind) {
    case 'choice':
      return answered(clack.select({ ...streams, message, options: choiceOptions(field), initialValue: initial as string | undefined }));
    case 'multi': {
      return answered(clack.multiselect({ ...streams, message, required: false, options: choiceOptions(field), initialValues: initial as string[] }));
    }
    case 'boolean':
      return answered(clack.confirm({ ...streams, message, initialValue: initial === true }));
    case 'list': {
      const items = parseList(await askText(field, (initial as string[] | undefined)?.join(','), streams, check, requiredBy));
      // An empty answer to a list without a default leaves it unset, like an empty text.
      return items.length === 0 && field.defaultValue === undefined ? undefined : items;
    }
    case 'text': {
      const text = await askText(field, initial as string | undefined, streams, check, requiredBy);
      return text === '' ? undefined : text;
    }
  }
}

function askText(field: FieldInfo, initial: string | undefined, streams: PromptStreams, check: Check, requiredBy?: string): Promise<string> {
  const schema = answerFields[field.key];
  return answered(
    clack.text({
      ...streams,
      message: field.ui.question,
      initialValue: initial,
      placeholder: defaultLabel(field),
      validate: (raw) => {
        const value = field.kind === 'list' ? parseList(raw) : (raw ?? '');
        const empty = value === '' || (Array.isArray(value) && value.length === 0);
        if (empty && requiredBy) return `is required with ${requiredBy}`;
        // An answer without a default may stay empty: it is optional, or a later rule says what it needs.
        if (empty && field.defaultValue === undefined) return undefined;
        const result = schema.safeParse(value);
        if (!result.success) return result.error.issues[0]?.message;
        return check(empty ? undefined : value);
      },
    }),
  );
}

/**
 * A type-ahead over the names: `Sweden Central` and `SwedenCentral` find `swedencentral` (matched as the
 * schema matches them), and a typo that matches nothing shows the name meant instead of an empty list.
 */
function askByTyping(field: FieldInfo, initial: string | undefined, streams: PromptStreams): Promise<string> {
  const names = field.suggestions;
  const matching = (search: string) => {
    const found = names.filter((name) => nameKey(name).includes(nameKey(search)));
    const meant = closest(nameKey(search), names);
    return found.length > 0 || meant === undefined ? found : [meant];
  };
  return answered(
    clack.autocomplete({
      ...streams,
      message: field.ui.question,
      options: names.map((value) => ({ value })),
      initialValue: initial,
      placeholder: 'type to filter, e.g. sweden',
      filter: (search, option) => matching(search).includes(option.value),
    }),
  );
}

function choiceOptions(field: FieldInfo) {
  return field.choices.map((value) => ({ value, hint: field.ui.hints?.[value] }));
}

export function askTarget(streams: PromptStreams): Promise<string> {
  // A default that is also a valid workload name, so it can name the resources too.
  return answered(clack.text({ ...streams, message: 'Where should the landing zone go?', placeholder: 'ai-lz', defaultValue: 'ai-lz' }));
}

export function askYesNo(message: string, initialValue: boolean, streams: PromptStreams): Promise<boolean> {
  return answered(clack.confirm({ ...streams, message, initialValue }));
}
