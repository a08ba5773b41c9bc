/**
 * What the runs of this process actually exercised, so a generator that stopped producing conflicts,
 * crashes or restores fails the test instead of passing vacuously.
 */
export const coverage = {
  runs: 0,
  seatKills: 0,
  serverCrashes: 0,
  restores: 0,
  conflicts: 0,
  openIssues: 0,
};

export type Coverage = typeof coverage;
