import { defineConfig } from 'vitest/config';

// Browser-mode end-to-end tests (Playwright driving Debian Chromium) and Electron e2e tests.
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
