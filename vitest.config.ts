import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS, chromiumPath } from './test/chromium.ts';

export default defineConfig({
  test: {
    testTimeout: 60000,
    // Browser flows wait on workers and animation; a slow CI machine gets five seconds, not one.
    expect: { poll: { timeout: 5000 } },
    // `npm test` reports how much of the engine, the command line and the app the tests run.
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts', 'web/**/*.ts'],
      reporter: ['text-summary', 'json-summary'],
    },
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/web/**/*.browser.test.ts'],
        },
      },
      {
        extends: true,
        optimizeDeps: { include: ['lit', 'd3', 'axe-core', 'seedrandom'] },
        test: {
          name: 'browser',
          include: ['test/web/**/*.browser.test.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
