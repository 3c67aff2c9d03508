import { fileURLToPath } from 'node:url';

/**
 * templates/ next to the package root, read from source only (tests, development): the bundle carries every
 * template built in (src/render/template-specs.ts), and the package ships no templates/. This file sits one
 * level below the root both as source (src/paths.ts) and in the bundle (dist/index.cjs), so one relative URL
 * serves both.
 */
export const TEMPLATES_DIR = fileURLToPath(new URL('../templates/', import.meta.url));

/** The CHANGELOG the package ships beside dist/: upgrade names what each release changed from it. */
export const CHANGELOG_PATH = fileURLToPath(new URL('../CHANGELOG.md', import.meta.url));
