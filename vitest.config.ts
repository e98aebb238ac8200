import { defineConfig } from 'vitest/config';

// Three projects so a developer can run the fast ones alone:
//   unit        pure core (cards/, srs/), no I/O
//   integration real SQLite files in temp folders, HTTP host on loopback
//   e2e         Playwright driving Chromium against browser mode (needs `npm run build`)
export default defineConfig({
  test: {
    reporters: ['default', './tests/summary-reporter.ts'],
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
