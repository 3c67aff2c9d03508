import * as z from 'zod/mini';

/**
 * What the UI needs to know about an answer beyond validation (the question, one-line hints in the
 * guidance's terms, how --help shows the value): registered next to each answer's zod definition.
 */
export interface AnswerUi {
  /** The question asked interactively. */
  readonly question: string;
  /** One line per choice, in the guidance's terms (enum and multi-select answers). */
  readonly hints?: Readonly<Record<string, string>>;
  /** The values offered in the conversation for a text answer that also accepts others (e.g. a stored, since retired model). */
  readonly choices?: readonly string[];
  /** Placeholder for the value in --help, e.g. `<cidr>`. */
  readonly valueName?: string;
  /** What --help says about the valid values instead of listing them, when there are too many to list. */
  readonly valuesHint?: string;
  /** How the default is derived when it depends on other answers. */
  readonly defaultText?: string;
  /** Asked only when the answers so far make it matter (e.g. the hub's range only with hub-spoke). */
  readonly askWhen?: (answers: AnswersSoFar) => boolean;
}

/** The answers given before a question, unvalidated: what `askWhen` decides on. */
export type AnswersSoFar = Readonly<Record<string, unknown>>;

export const answerUi = z.registry<AnswerUi>();

/**
 * Registers an answer's definition: its description (or JSON-schema metadata such as an `enum` for editors) in zod's
 * global registry, which --help and `secure-ai-landing schema` read, and what the UI needs in `answerUi`.
 */
export function answer<T extends z.ZodMiniType>(schema: T, meta: string | z.core.GlobalMeta, ui: AnswerUi): T {
  z.globalRegistry.add(schema, typeof meta === 'string' ? { description: meta } : meta);
  answerUi.add(schema, ui);
  return schema;
}
