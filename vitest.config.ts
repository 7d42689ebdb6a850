import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'e2e/support/**/*.test.ts'],
    // Test files share their workers' module cache: the tests are of pure functions and
    // scripts in child processes, and none mocks a module, changes the environment or leaves a
    // global stubbed (handlers.test.ts unstubs after each). With a fresh module cache per
    // file the unit tests took 32 CPU-s; without, 11.
    isolate: false,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/unit.json' },
  },
});
