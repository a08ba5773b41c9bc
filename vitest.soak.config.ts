import { defineConfig } from 'vitest/config';

// `npm run test:soak`: the sync simulator's properties with 10,000 seeded runs each (SIM_RUNS to change,
// SIM_SEED/SIM_PATH to replay a failure printed by an earlier run).
export default defineConfig({
  test: {
    name: 'soak',
    environment: 'node',
    include: ['tests/sim/**/*.test.ts'],
    env: {
      SIM_RUNS: process.env.SIM_RUNS ?? '10000',
      SIM_SEED: process.env.SIM_SEED ?? String(Date.now() % 2_147_483_647),
    },
    testTimeout: 24 * 60 * 60 * 1000,
  },
});
