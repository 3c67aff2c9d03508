import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/compiler/global-setup.ts'],
    testTimeout: 20_000,
    // The compile test renders and compiles ~150 repositories in one hook: minutes on a 2-core machine.
    hookTimeout: 900_000,
  },
});
