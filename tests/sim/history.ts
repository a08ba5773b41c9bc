import fc from 'fast-check';
import { FAULTS, type Fault } from './network';

/** What an operator does to a case in one edit. */
export const EDIT_KINDS = ['answer', 'question', 'field', 'status', 'note'] as const;
export type EditKind = (typeof EDIT_KINDS)[number];

/**
 * One step of a simulated day; `pick` chooses among the seat's newest cases (so seats often work on the
 * same one and conflict), `choice` among the legal next statuses.
 */
export type Step =
  | { kind: 'create'; seat: number; killAfterCommit: boolean }
  | { kind: 'edit'; seat: number; pick: number; edit: EditKind; choice: number; killAfterCommit: boolean }
  /** Two seats edit their copies of one case at the same moment, neither having seen the other's edit (F13). */
  | { kind: 'race'; seats: [number, number]; pick: number; edit: EditKind; choice: number }
  | { kind: 'sync'; seat: number; faults: Fault[] }
  | { kind: 'offline'; seat: number; offline: boolean }
  | { kind: 'tick'; seat: number; ms: number }
  | { kind: 'clockJump'; seat: number; ms: number }
  | { kind: 'serverCrash' }
  | { kind: 'deliverDelayed' }
  | { kind: 'backup' }
  | { kind: 'restore' };

export type Scenario = {
  seats: number;
  /** Per-seat wall-clock error in ms (P11): up to a year either way. */
  clockOffsets: number[];
  steps: Step[];
};

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

function stepFor(seats: number, withRestore: boolean): fc.Arbitrary<Step> {
  const seat = fc.integer({ min: 0, max: seats - 1 });
  const rareKill = fc.integer({ min: 0, max: 9 }).map((n) => n === 0);
  const options: fc.WeightedArbitrary<Step>[] = [
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('create' as const), seat, killAfterCommit: rareKill }) },
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant('edit' as const),
        seat,
        pick: fc.nat({ max: 3 }),
        edit: fc.constantFrom(...EDIT_KINDS),
        choice: fc.nat(),
        killAfterCommit: rareKill,
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('race' as const),
        seats: fc.tuple(seat, seat),
        pick: fc.nat({ max: 3 }),
        edit: fc.constantFrom<EditKind>('answer', 'answer', 'question', 'status'),
        choice: fc.nat(),
      }),
    },
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant('sync' as const),
        seat,
        faults: fc.array(fc.constantFrom(...FAULTS), { maxLength: 4 }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('offline' as const), seat, offline: fc.boolean() }) },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('tick' as const), seat, ms: fc.integer({ min: 1_000, max: 120_000 }) }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('clockJump' as const),
        seat,
        ms: fc.integer({ min: -48 * HOUR_MS, max: 48 * HOUR_MS }),
      }),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'serverCrash' as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'deliverDelayed' as const }) },
  ];
  if (withRestore) {
    options.push(
      { weight: 1, arbitrary: fc.constant({ kind: 'backup' as const }) },
      { weight: 1, arbitrary: fc.constant({ kind: 'restore' as const }) },
    );
  }
  return fc.oneof(...options);
}

/** A seeded scenario: 2–4 seats, their clock errors and a history of up to `maxSteps` steps. */
export function scenario(maxSteps: number, withRestore = true): fc.Arbitrary<Scenario> {
  return fc.integer({ min: 2, max: 4 }).chain((seats) =>
    fc.record({
      seats: fc.constant(seats),
      clockOffsets: fc.array(fc.integer({ min: -YEAR_MS, max: YEAR_MS }), { minLength: seats, maxLength: seats }),
      steps: fc.array(stepFor(seats, withRestore), { minLength: 1, maxLength: maxSteps }),
    }),
  );
}
