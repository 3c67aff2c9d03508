import { defineConfig } from 'vitest/config';

/** `npm run test:matrix`: the whole option matrix through the compiler; long, so not in the default run. */
export default defineConfig({
  test: {
    include: ['test/**/*.matrix.ts'],
    globalSetup: ['test/compiler/global-setup.ts'],
    testTimeout: 4 * 60 * 60 * 1000,
    hookTimeout: 180_000,
  },
});
