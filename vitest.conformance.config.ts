import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/conformance/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 400_000,
    hookTimeout: 180_000,
  },
});
