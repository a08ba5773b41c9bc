import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { coverage, type Coverage } from './coverage';
import { scenario } from './history';
import { runScenario } from './runScenario';
import { removeTemplates } from './templates';

/**
 * The sync simulator (sync-research.md §5.2): 2–4 real seats and the real server in one process,
 * a scripted faulty network, seat and server kill -9, backup/restore and wrong clocks; after heal +
 * quiesce P1–P8, P10 and P11 must hold. A failure prints the command that replays it (seed and path).
 */
const RUNS = Number(process.env.SIM_RUNS ?? 100);
// A fixed seed keeps `npm test` reproducible; the soak run picks a new one each time (vitest.soak.config.ts).
const SEED = Number(process.env.SIM_SEED ?? 20261128);
const PATH = process.env.SIM_PATH;
/** About a quarter of a second per run on a busy 2-core machine, with room to spare. */
const TIMEOUT_MS = 5_000 + RUNS * 2_000;

function settings(name: string): fc.Parameters<unknown> {
  return {
    seed: SEED,
    numRuns: RUNS,
    ...(PATH === undefined ? {} : { path: PATH }),
    reporter: (details) => {
      if (details.failed) {
        throw new Error(
          `${fc.defaultReportMessage(details)}\n${String(details.errorInstance)}\n` +
            `replay: SIM_SEED=${details.seed} SIM_PATH=${details.counterexamplePath} npx vitest run --config vitest.soak.config.ts -t '${name}'`,
        );
      }
    },
  };
}

/** Not vacuous: the histories of a full-size run did crash, restore and conflict as intended. */
function expectExercised(before: Coverage, keys: (keyof Coverage)[]): void {
  if (RUNS < 50 || PATH !== undefined) return;
  for (const key of keys) expect(coverage[key] - before[key], key).toBeGreaterThan(0);
}

const FAULTS_ONLY = 'faults, crashes and clock errors: nothing lost, nothing duplicated, every seat converges';
const WITH_RESTORE = 'with server backups and restores (P10) on top';

describe('sync simulator: seats, server and a faulty network in one process', () => {
  afterAll(removeTemplates);

  it(
    FAULTS_ONLY,
    async () => {
      const before = { ...coverage };
      await fc.assert(fc.asyncProperty(scenario(24, false), runScenario), settings(FAULTS_ONLY));
      expectExercised(before, ['seatKills', 'serverCrashes', 'conflicts', 'openIssues']);
    },
    TIMEOUT_MS,
  );

  it(
    WITH_RESTORE,
    async () => {
      const before = { ...coverage };
      await fc.assert(fc.asyncProperty(scenario(24, true), runScenario), settings(WITH_RESTORE));
      expectExercised(before, ['restores', 'seatKills', 'conflicts']);
    },
    TIMEOUT_MS,
  );
});
