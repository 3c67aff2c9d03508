import { architectureDiagram } from '../src/docs/architecture-diagram.js';
import { evidenceByFile, guidanceStatusOf } from '../src/docs/guidance-status.js';
import type { ViewModel } from '../src/model.js';
import { fromTemplate, type Generator } from './types.js';

/** The model, with the diagram of what it deploys (docs/architecture.md and the README show it). */
export const withDiagram = (model: ViewModel) => ({ ...model, diagram: architectureDiagram(model) });

/** Always: the architecture diagram and the guidance map (every GUIDANCE ID: satisfied where, why not, or by whom). */
export const docs: Generator = {
  id: 'docs',
  when: () => true,
  files: () => [
    fromTemplate('docs/architecture.md.hbs', withDiagram),
    fromTemplate('docs/guidance.md.hbs', (model) => ({ ...model, guidance: guidanceViewOf(model) })),
  ],
};

function guidanceViewOf(model: ViewModel) {
  const statuses = guidanceStatusOf(model);
  const count = (status: string) => statuses.filter((entry) => entry.status === status).length;
  return {
    statuses: statuses.map((entry) => ({
      ...entry,
      evidenceByFile: entry.status === 'satisfied' ? evidenceByFile(entry.evidence) : [],
    })),
    satisfied: count('satisfied'),
    notApplicable: count('not-applicable'),
    manual: count('manual'),
  };
}

/** One line per file, its symbols in the order cited. */
