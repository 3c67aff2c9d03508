/**
 * The Bicep module files of the generated repository, by what they deploy: the catalogue's table. The
 * guidance rules name them as evidence, which docs/guidance.md prints and validate checks.
 */
export { MODULE_FILES as FILES } from '../catalogue/modules.js';
