/** Mermaid flowchart syntax: nodes, subgraphs, comments and edges, with labels escaped the way Mermaid reads them. */

/** A node: its id and the lines of its label. */
export interface Box {
  readonly id: string;
  readonly lines: readonly string[];
}

/**
 * Label text as Mermaid reads it inside double quotes: characters that would end the string, start an
 * entity or an HTML tag, or turn the label into a Markdown string become Mermaid entity codes. `#`
 * goes first, so that the codes themselves are not escaped again.
 */
function escapeLabel(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/&/g, '#amp;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/`/g, '#96;');
}

/** Node ids may hold letters, digits and underscores only. */
export const idOf = (text: string) => text.replace(/[^A-Za-z0-9_]/g, '_');

const label = (lines: readonly string[]) => `["${lines.map(escapeLabel).join('<br/>')}"]`;
export const node = (box: Box) => `${box.id}${label(box.lines)}`;
export const subgraph = (id: string, title: string, body: readonly string[]) => [`subgraph ${id}${label([title])}`, ...body.map((line) => `  ${line}`), 'end'];

/** A comment must stay on one line, and `%%{` anywhere would start a directive that reconfigures Mermaid. */
export const comment = (text: string) => `%% ${text.replace(/[\r\n]+/g, ' ').replace(/%+/g, '%')}`;
export const section = (title: string, statements: readonly string[]) => (statements.length === 0 ? [] : ['', comment(title), ...statements]);

type Arrow = '-->' | '-.->' | '-.-' | '<-->';
export const edge = (from: string, arrow: Arrow, to: string, text?: string) => `${from} ${arrow}${text === undefined ? '' : `|"${escapeLabel(text)}"|`} ${to}`;
