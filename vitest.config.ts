import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/*/src/**/*.test.ts',
      'test/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // One fast-check seed per run, printed once and applied to every property (FC_SEED replays it).
    globalSetup: ['test/support/property-seed-global.ts'],
    setupFiles: ['test/support/property-seed-setup.ts'],
  },
});
