/**
 * Every user value reaches a generated file through one of these functions, never raw, so that a
 * value such as `o'brien ${x}` stays one literal string in Bicep, YAML and Markdown.
 */

/** A Bicep single-quoted string literal. Bicep's lexer knows only these escapes, plus \u{…}. */
export function bicepString(value: string): string {
  const escaped = value.replace(/[\\'\n\r\t]|\$\{|[\u0000-\u001f]/g, (match) => {
    switch (match) {
      case '\\':
        return '\\\\';
      case "'":
        return "\\'";
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      case '${':
        return '\\${';
      default:
        return `\\u{${match.charCodeAt(0).toString(16)}}`;
    }
  });
  return `'${escaped}'`;
}

/**
 * A YAML double-quoted scalar (JSON strings are valid YAML). GitHub Actions evaluates `${{` inside
 * any string, and YAML has no escape for it, so a value holding one is refused rather than written.
 */
export function yamlString(value: string): string {
  if (value.includes('${{')) throw new Error(`refusing to write ${JSON.stringify(value)} into a workflow: GitHub would evaluate its \${{ … }} expression`);
  return JSON.stringify(value);
}

/** Inline Markdown text: punctuation that Markdown or HTML would interpret is backslash-escaped. */
export function markdownText(value: string): string {
  return value.replace(/[\\`*_{}[\]<>()#+!|~]/g, (match) => `\\${match}`).replace(/\s*[\r\n]+\s*/g, ' ');
}

/** An inline Markdown code span: nothing inside is interpreted, so only backticks and newlines need care. */
export function markdownCode(value: string): string {
  const text = value.replace(/\s*[\r\n]+\s*/g, ' ');
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const padding = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${padding}${text}${padding}${fence}`;
}

/** A POSIX shell word: single-quoted, so nothing inside is expanded; a quote ends, is escaped and restarts. */
export function shellWord(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A PowerShell verbatim string: single-quoted, where only a doubled quote stands for a quote. */
export function powerShellString(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201a\u201b]/g, (quote) => quote + quote)}'`;
}
