import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The renderer loads English lazily; tests translate in both languages synchronously.
    setupFiles: ['tests/helpers/dictionaries.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
