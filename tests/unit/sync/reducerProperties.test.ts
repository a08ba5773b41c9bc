import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkTransition } from '../../../shared/domain/status';
import { applyMutation, type ApplyResult, type ServerRow } from '../../../shared/sync/reducer';
import { historyArb, runHistory, type Clock, type Delivery, type Run } from './history';

/**
 * Properties of the sync rules over random multi-seat histories (sync-research.md §5.2). A failure
 * prints fast-check's seed and path; `SYNC_RULES_SEED=<seed>` replays it.
 */
const SEED = Number(process.env.SYNC_RULES_SEED ?? 20261128);
const NUM_RUNS = 300;

function check<T>(arb: fc.Arbitrary<T>, predicate: (value: T) => void): void {
  try {
    fc.assert(
      fc.property(arb, (value) => {
        predicate(value);
      }),
      { seed: SEED, numRuns: NUM_RUNS },
    );
  } catch (err) {
    throw new Error(`sync rules property failed (SYNC_RULES_SEED=${SEED})\n${String(err)}`);
  }
}

type Applied = Delivery & { result: Exclude<ApplyResult, { status: 'rejected' }> };
function applied(run: Run): Applied[] {
  return run.deliveries.filter((d): d is Applied => d.result.status !== 'rejected');
}

function notesOf(d: Delivery): string | null {
  const texts = d.mutation.args.events.flatMap((e) => (e.type === 'note' ? [String(e.data.text)] : []));
  return texts.length > 0 ? texts.join('\n') : null;
}

describe('sync rules over random multi-seat histories', () => {
  it('P8: the server status only ever moves along the lifecycle, and leaves closed only when a seat saw it closed', () => {
    check(historyArb, ({ seats, commands }) => {
      const run = runHistory(seats, commands);
      expect(run.deliveries[0]?.result).toMatchObject({ status: 'applied', row: { status: 'intake' } });
      for (const d of applied(run)) {
        const before = d.before?.status;
        const after = d.result.row.status;
        if (before === undefined || before === after) continue;
        const ctx = { ...d.result.row, note: notesOf(d) };
        expect(checkTransition(before, after, ctx), `${before} → ${after}`).toEqual({ ok: true });
        const asked = d.mutation.args.events.filter((e) => e.type === 'status_changed' && e.data.to === after);
        expect(asked.length, `${before} → ${after} without a seat asking for it`).toBeGreaterThan(0);
        if (before === 'closed') expect(asked.some((e) => e.data.from === 'closed')).toBe(true);
      }
    });
  });

  it('P5: no question or answer text is lost — it is kept, replaced by an edit based on it, or reported', () => {
    check(historyArb, ({ seats, commands }) => {
      const run = runHistory(seats, commands);
      for (const field of ['question', 'answer'] as const) {
        const held = new Set<string>();
        for (const d of applied(run)) {
          const now = d.result.row[field];
          held.add(now);
          const was = d.before?.[field];
          if (was === undefined || was === now) continue;
          const basedOnIt = d.mutation.args.events.some(
            (e) => e.type === 'edited' && JSON.stringify(e.data[field]) === JSON.stringify({ from: was, to: now }),
          );
          expect(basedOnIt, `${field} “${was}” replaced by “${now}” by an edit not based on it`).toBe(true);
        }
        const proposed = new Set(
          applied(run).flatMap((d) => d.result.conflicts.filter((c) => c.field === field).map((c) => c.mine)),
        );
        for (const w of run.written.filter((w) => w.field === field)) {
          expect(held.has(w.value) || proposed.has(w.value), `${field} “${w.value}” vanished`).toBe(true);
        }
      }
    });
  });

  it('is deterministic: the same history gives the same rows, timeline and results', () => {
    check(historyArb, ({ seats, commands }) => {
      expect(runHistory(seats, commands)).toEqual(runHistory(seats, commands));
    });
  });

  it('P11: scrambled seat clocks, backwards included, change nothing but the times shown', () => {
    const offsets = fc.array(fc.integer({ min: -400 * 86_400_000, max: 400 * 86_400_000 }), { minLength: 1 });
    check(fc.tuple(historyArb, offsets), ([{ seats, commands }, shifts]) => {
      const scrambled: Clock = (step) =>
        new Date(Date.UTC(2026, 10, 28) + (shifts[step % shifts.length] ?? 0)).toISOString();
      expect(timeless(runHistory(seats, commands, scrambled))).toEqual(timeless(runHistory(seats, commands)));
    });
  });

  it('is idempotent: re-applying an applied mutation whose events are all known changes nothing', () => {
    check(historyArb, ({ seats, commands }) => {
      const run = runHistory(seats, commands);
      for (const d of run.deliveries.filter((x) => x.duplicate)) {
        expect(d.result).toEqual({ status: 'applied', row: d.before, newEvents: [], conflicts: [] });
      }
      const known = new Set(run.events.map((e) => e.id));
      for (const d of applied(run)) {
        expect(applyMutation(run.final, d.mutation, d.actor, known)).toEqual({
          status: 'applied',
          row: run.final,
          newEvents: [],
          conflicts: [],
        });
      }
    });
  });
});

/** A run with every client-clock value removed: what must not depend on the clocks. */
function timeless(run: Run) {
  const row = ({ updatedAt: _updatedAt, ...rest }: ServerRow) => rest;
  return {
    final: row(run.final),
    events: run.events.map(({ at: _at, ...rest }) => rest),
    results: run.deliveries.map(({ result }) =>
      result.status === 'rejected'
        ? result
        : { ...result, row: row(result.row), newEvents: result.newEvents.map((e) => e.id) },
    ),
  };
}
