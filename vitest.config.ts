import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/compiler/global-setup.ts'],
    testTimeout: 20_000,
    // Two files at a time on the 2-core machine CI runs on (vitest's default there is one): much of the suite waits
    // on child processes (the compiler, git, a terminal), and the compile and validate tests keep their own compilers
    // busy on both cores.
    maxWorkers: 2,
    // The compile test renders and compiles ~150 repositories in one hook: minutes on a 2-core machine.
    hookTimeout: 900_000,
  },
});
