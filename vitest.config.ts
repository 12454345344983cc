import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// `source` makes the package.json `imports` (#errors, #irma, …) resolve to the TypeScript sources in tests.
const conditions = ['source', ...defaultServerConditions];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['source'] } },
  test: {
    include: ['apps/**/*.spec.ts', 'libs/**/*.spec.ts', 'test/**/*.e2e.spec.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
