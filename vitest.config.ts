import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { datasetModules } from './scripts/dataset-modules';

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest(), datasetModules()],
        test: {
          name: 'unit',
          // Some tests run the CLIs in a child process, or render every dataset entry: generous on a loaded 2-core machine.
          testTimeout: 30_000,
          include: ['tests/**/*.test.ts', 'core/**/*.test.ts', 'lib/**/*.test.ts', 'components/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'entrypoints/**/*.test.ts'], environment: 'node' },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 90_000,
          // Two files at a time: the tests mostly wait on the browsers (no timing is asserted), and two workers on
          // two cores keep the whole of npm test under 15 minutes.
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'security',
          include: ['tests/security/**/*.security.ts'],
          exclude: ['tests/security/exhaustion.security.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 180_000,
          // Two files at a time, as e2e: the attacks wait on the browsers and assert no timing.
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'exhaustion',
          include: ['tests/security/exhaustion.security.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 180_000,
          // Alone, after the rest: it measures the extension's main-thread time, which another browser would skew.
          fileParallelism: false,
        },
      },
    ],
  },
});
