import type { Answers } from '../src/answers/schema.js';
import type { ViewModel } from '../src/model.js';

/**
 * Where a generated file's content comes from: a file under templates/ (rendered with Handlebars
 * when it ends in .hbs, copied as it is otherwise) or a serializer for data such as parameters.
 */
export type FileSource =
  | {
      readonly kind: 'template';
      readonly template: string;
      /** What the template sees, when more than the model. */
      readonly view?: (model: ViewModel) => object;
      /** The templates/ paths of the partials it calls. */
      readonly partials?: readonly string[];
    }
  | { readonly kind: 'data'; readonly render: (model: ViewModel) => string };

export interface PlannedFile {
  /** POSIX path inside the generated repository. */
  readonly path: string;
  readonly source: FileSource;
  /** Written with the executable bit (a script run as it is, e.g. `scripts/build.sh`), so that git records it so. */
  readonly executable?: boolean;
}

/** One concern of the landing zone: when it applies, and which files it adds. */
export interface Generator {
  readonly id: string;
  readonly when: (answers: Answers) => boolean;
  readonly files: (model: ViewModel) => readonly PlannedFile[];
}

const RENAMES: Readonly<Record<string, string>> = {
  // npm drops .gitignore from published packages, so the template is stored under another name.
  _gitignore: '.gitignore',
  _gitattributes: '.gitattributes',
};

/**
 * A file copied or rendered from templates/, at the matching output path; `view` adds to what the
 * template sees, `partials` are the templates/ paths of the partials it calls (by file name up to the first dot).
 */
/** The same file, written executable. */
export const executable = (file: PlannedFile): PlannedFile => ({ ...file, executable: true });

export function fromTemplate(template: string, view?: (model: ViewModel) => object, partials?: readonly string[]): PlannedFile {
  const segments = template.replace(/\.hbs$/, '').split('/');
  const path = segments.map((segment) => RENAMES[segment] ?? segment).join('/');
  return { path, source: { kind: 'template', template, ...(view && { view }), ...(partials && { partials }) } };
}
