import { silentLogger } from '../../log/logger';
import { anInquiry, openIntakeSeat } from '../../intake/testSeat';
import type { SyncOptions } from '../context';
import { createSyncEngine } from '../engine';
import { issueRepo } from '../issueRepo';
import type { SyncEngineStatus } from '../status';
import { createFakeServer, SESSION_TOKEN, type FakeServer } from './fakeServer';
import { manualTimers } from './manualTimers';

/**
 * One seat (real intake services on a temp database) with a sync engine talking to `server`
 * through its faulty fetch, on timers the test moves by hand. Call `cleanup` when done.
 */
export function openSyncedSeat(server: FakeServer = createFakeServer(), options: Partial<SyncOptions> = {}) {
  const seat = openIntakeSeat();
  const clock = manualTimers();
  const statuses: SyncEngineStatus[] = [];
  let session: string | null = SESSION_TOKEN;
  const engine = createSyncEngine({
    store: seat.store,
    serverUrl: () => 'http://sync.test',
    seatCode: () => seat.actor.seatCode,
    credentials: { sessionToken: () => session },
    now: () => seat.clock.now,
    log: silentLogger(),
    onStatus: (s) => statuses.push(s),
    fetch: server.fetch,
    timers: clock.timers,
    random: () => 0.5,
    options: { requestTimeoutMs: 50, ...options },
  });

  return {
    seat,
    server,
    engine,
    clock,
    statuses,
    clientId: () => seat.store.meta.clientId(),
    logout(): void {
      session = null;
    },
    login(): void {
      session = SESSION_TOKEN;
    },
    /** Saves a case through the intake service, as the operator would, and tells the engine. */
    async save(question = '玉米叶片发黄，下部叶子有褐色斑点，是什么病？') {
      const saved = await seat.must('inquiry:create', anInquiry({ question }));
      engine.notifyLocalWrite();
      return saved;
    },
    /** Waits until the cycles already asked for have finished. */
    settle: () => engine.syncNow(),
    local(id: string) {
      return seat.store.inquiries.get(id);
    },
    outbox: () => seat.store.outbox.all(),
    /** Open conflicts and rejections, as the 冲突与退回 inbox will list them. */
    issues: () => issueRepo(seat.db).open(),
    cleanup: async () => {
      await engine.stop();
      seat.cleanup();
    },
  };
}

export type SyncedSeat = ReturnType<typeof openSyncedSeat>;
