import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFakeServer, type Fault } from './testing/fakeServer';
import { openSyncedSeat, type SyncedSeat } from './testing/syncHarness';

const SEATS = 2;
const FAULTS: Fault[] = ['pass', 'dropRequest', 'dropResponse', 'duplicate', 'http500', 'slow'];

type Step =
  | { kind: 'save'; seat: number }
  | { kind: 'edit'; seat: number; pick: number; text: string }
  | { kind: 'sync'; seat: number; faults: Fault[] }
  | { kind: 'backup' }
  | { kind: 'restore' };

const seatNo = fc.integer({ min: 0, max: SEATS - 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('save' as const), seat: seatNo }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      seat: seatNo,
      pick: fc.nat(),
      text: fc.constantFrom('追施钾肥', '喷施三环唑', '请联系农技站', '观察三天后回电'),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('sync' as const),
      seat: seatNo,
      faults: fc.array(fc.constantFrom(...FAULTS), { maxLength: 4 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'backup' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restore' as const }) },
);

async function run(steps: Step[]): Promise<void> {
  const server = createFakeServer();
  const seats: SyncedSeat[] = [];
  for (let i = 0; i < SEATS; i++) {
    const s = openSyncedSeat(server, { requestTimeoutMs: 5, pushBatchSize: 3, pullLimit: 2 });
    s.seat.actor.seatCode = `S0${i + 1}`;
    s.engine.start();
    await s.engine.whenIdle();
    seats.push(s);
  }
  let backup = server.snapshot();
  try {
    for (const st of steps) {
      if (st.kind === 'save') await seats[st.seat]!.save('玉米叶片发黄怎么办？');
      if (st.kind === 'edit') await edit(seats[st.seat]!, st.pick, st.text);
      if (st.kind === 'sync') {
        server.faults.push(...st.faults);
        await seats[st.seat]!.engine.syncNow();
        server.faults.length = 0;
      }
      if (st.kind === 'backup') backup = server.snapshot();
      if (st.kind === 'restore') server.restore(backup);
      await Promise.all(seats.map((s) => s.engine.whenIdle()));
    }

    // Heal: the network is good again; every seat syncs until it has nothing left, then pulls once more.
    for (let round = 0; round < 6; round++) {
      for (const s of seats) await s.engine.syncNow();
    }
    for (const s of seats) await s.engine.syncNow();

    for (const s of seats) {
      const sent = Number(s.seat.store.meta.get('next_mutation_id')) - 1;
      const processed = server
        .processed()
        .filter((p) => p.clientId === s.clientId())
        .map((p) => p.mutationId);
      expect(processed).toEqual(Array.from({ length: sent }, (_, i) => i + 1));
      expect(s.engine.status()).toMatchObject({ pending: 0, lastError: null });
    }
    // A case with an open conflict or rejection keeps the seat's version until the operator decides
    // in the inbox (nothing disappears unseen); every other case shows what the server holds.
    const serverView = server.rowsView();
    for (const s of seats) {
      const disputed = new Set(s.issues().map((i) => i.inquiryId));
      expect(without(localView(s), disputed)).toEqual(without(serverView, disputed));
    }
  } finally {
    for (const s of seats) await s.cleanup();
  }
}

async function edit(s: SyncedSeat, pick: number, text: string): Promise<void> {
  const ids = (s.seat.db.prepare(`SELECT id FROM inquiry ORDER BY id`).all() as { id: string }[]).map((r) => r.id);
  const id = ids[pick % Math.max(ids.length, 1)];
  if (!id) return;
  const current = s.local(id);
  if (!current) return;
  await s.seat.must('inquiry:update', { id, expectedVersion: current.version, changes: { answer: text }, note: text });
  s.engine.notifyLocalWrite();
}

function without(view: Record<string, string>, ids: ReadonlySet<string>): Record<string, string> {
  return Object.fromEntries(Object.entries(view).filter(([id]) => !ids.has(id)));
}

function localView(s: SyncedSeat): Record<string, string> {
  const rows = s.seat.db.prepare(`SELECT id, question, answer, status, priority FROM inquiry ORDER BY id`).all() as {
    id: string;
    question: string;
    answer: string;
    status: string;
    priority: string;
  }[];
  return Object.fromEntries(rows.map((r) => [r.id, [r.question, r.answer, r.status, r.priority].join('|')]));
}

describe('sync under a random fault schedule', () => {
  it('after the network heals, the server holds each (client, mutation) exactly once, ids contiguous, and seats converge', async () => {
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), run), {
      seed: Number(process.env.SYNC_SEED ?? 20261128),
      numRuns: Number(process.env.SYNC_RUNS ?? 40),
    });
  });
});
