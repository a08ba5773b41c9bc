/**
 * Named points of a replication step. Tests stop the step at one of them (by throwing from `at`)
 * to leave the files exactly as a kill -9 there would, then reopen the seat and check it recovers.
 */
export type ReplicaPoint =
  | { stage: 'chunkStored'; index: number }
  | { stage: 'decompressed' }
  | { stage: 'movedIntoPlace' }
  | { stage: 'swapped' }
  /** Inside the transaction that applies a delta page, before it commits. */
  | { stage: 'deltaPageApplying'; since: number };

export type ReplicaHooks = { at?: (point: ReplicaPoint) => void };
