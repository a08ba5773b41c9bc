import { openTempStore } from '../db/tempStore';
import { createSeatEvents } from '../events';
import { silentLogger } from '../log/logger';
import { dispatch } from '../rpc/dispatch';
import type { Handlers } from '../rpc/handlers';
import type { MethodName } from '../../../shared/contract/channels';
import type { In, Out } from '../../../shared/contract/contract';
import type { EventPayload } from '../../../shared/contract/contract';
import { createIntakeHandlers } from './handlers';
import type { Actor } from './actor';

/**
 * The intake services on a temp database, called through the real dispatcher (so inputs are
 * validated as in the app) with a clock and an operator the test controls.
 */
export function openIntakeSeat(start = new Date('2026-11-28T02:00:00.000Z')) {
  const temp = openTempStore();
  const events = createSeatEvents();
  const clock = { now: start };
  const actor: Actor = { seatCode: 'S01', operator: '张丽' };
  const intake = createIntakeHandlers({
    store: temp.store,
    events,
    now: () => clock.now,
    log: silentLogger(),
    actor: () => ({ ...actor }),
    appInfo: {
      version: 'test',
      mode: 'browser',
      dataDir: '/tmp',
      dbPath: temp.file,
      logFile: '/tmp/core.log',
      settingsFile: '/tmp/settings.json',
    },
  });
  const handlers = intake as Handlers;
  const changed: EventPayload<'inquiry:changed'>[] = [];
  events.on('inquiry:changed', (p) => changed.push(p));

  async function call<M extends MethodName>(method: M, input?: In<M>) {
    return dispatch(handlers, method, input, { log: silentLogger(), checkOutput: true }) as Promise<
      { ok: true; value: Out<M> } | { ok: false; error: { code: string; message: string } }
    >;
  }

  /** Calls and expects success. */
  async function must<M extends MethodName>(method: M, input?: In<M>): Promise<Out<M>> {
    const result = await call(method, input);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
    return result.value;
  }

  function count(table: string): number {
    return (temp.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  }

  return {
    ...temp,
    events,
    clock,
    actor,
    changed,
    call,
    must,
    count,
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
}

export type IntakeSeat = ReturnType<typeof openIntakeSeat>;

export const DAY_MS = 24 * 60 * 60 * 1000;

/** A valid inquiry as the intake form would send it. */
export function anInquiry(overrides: Partial<In<'inquiry:create'>> = {}): In<'inquiry:create'> {
  return {
    callerPhone: '138 1234 5678',
    callerName: '王大山',
    regionCode: '220113',
    channel: 'phone',
    category: '种植业-粮食作物',
    subject: '玉米',
    question: '玉米叶片发黄，下部叶子有褐色斑点，是什么病？',
    answer: '',
    ...overrides,
  };
}
