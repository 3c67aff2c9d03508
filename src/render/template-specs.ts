import COMPILE_OPTIONS_JSON from './compile-options.json' with { type: 'json' };

/**
 * Options every template is compiled with, here and in build.mjs (which reads the same file). `noEscape`
 * because the output is Bicep, YAML and Markdown, not HTML (HTML escaping would turn o'brien into o&#x27;brien);
 * `strict` so that a misspelt field or a stray `${{ … }}` fails the render instead of silently printing nothing;
 * `knownHelpers` (every helper of src/render/handlebars.ts; a test keeps the two lists equal) with
 * `knownHelpersOnly`, so that the compiled code calls a helper directly, reads a field without asking first whether a
 * helper has its name, and a misspelt helper fails the compilation (the build) instead of the render of its branch.
 */
export const COMPILE_OPTIONS: CompileOptions = COMPILE_OPTIONS_JSON;

/**
 * The one seam between the templates and the files under templates/. From source (tests, development) a
 * template is read with `source` and compiled on first use. In the published bundle build.mjs replaces this
 * module with every template built in (each .hbs file precompiled, each other file as its text), so that the
 * CLI reads no template file, ships without templates/ and starts without the Handlebars compiler.
 */
export async function templateSpec(name: string, source: () => Promise<string>): Promise<TemplateSpecification> {
  const { default: Handlebars } = await import('handlebars');
  try {
    // Typed as a spec, but precompile returns the spec's JavaScript source. A copy: precompile writes into its options.
    return specFromCode(Handlebars.precompile(await source(), { ...COMPILE_OPTIONS }) as unknown as string);
  } catch (error) {
    throw new Error(`template ${name}: ${(error as Error).message}`);
  }
}

/** The text of a template that is copied as it is (not a .hbs file): read from source, built into the bundle. */
export function staticTemplate(_name: string, source: () => Promise<string>): Promise<string> {
  return source();
}

/** `Handlebars.precompile` returns JavaScript source of an object literal; this evaluates it. */
export function specFromCode(code: string): TemplateSpecification {
  return new Function(`return ${code};`)() as TemplateSpecification;
}
