import type { Role, Scope } from '../../shared/sync/auth';
import type { Actor } from '../../shared/sync/reducer';
import { tempDir } from '../../electron/core/db/tempStore';
import { checkFinal } from './checks';
import { coverage } from './coverage';
import type { Scenario, Step } from './history';
import { simNetwork, type SimNetwork } from './network';
import { create, edit, newestShared, type Written } from './operations';
import { observeSession } from './sessionGuarantees';
import { openSimServer, type SimServer } from './simServer';
import { openSimSeat, type SimSeat } from './simSeat';

const START = Date.parse('2026-11-28T02:00:00.000Z');
const STEP_MS = 90_000;

export type SimWorld = {
  server: SimServer;
  network: SimNetwork;
  seats: SimSeat[];
  actors: Map<string, Actor>;
  written: Written;
};

/** Seat i is a supervisor (sees every case) when i is even, an operator seeing only its own seat's cases when odd. */
function roleOf(i: number, seatCode: string): { role: Role; scope: Scope } {
  return i % 2 === 0
    ? { role: 'supervisor', scope: { kind: 'all' } }
    : { role: 'operator', scope: { kind: 'seats', seatCodes: [seatCode] } };
}

/**
 * Plays one scenario against the real server and real seats, heals the network, waits for quiet and
 * checks P1–P11. Throws (with the property that failed) on any violation.
 */
export async function runScenario(sc: Scenario): Promise<void> {
  const temp = tempDir('sync-sim-');
  const server = await openSimServer(temp.dir);
  const network = simNetwork(server);
  const seats: SimSeat[] = [];
  const actors = new Map<string, Actor>();
  coverage.runs += 1;
  const world: SimWorld = { server, network, seats, actors, written: { texts: [], pending: [], serial: 0 } };
  try {
    for (let i = 0; i < sc.seats; i++) {
      const seatCode = `S0${i + 1}`;
      const { role, scope } = roleOf(i, seatCode);
      const { user, session } = await server.userWithSession(`u${i + 1}`, role, scope);
      const clock = { now: new Date(START + (sc.clockOffsets[i] ?? 0)) };
      const seat = openSimSeat(temp.dir, { seatCode, operator: `坐席员${i + 1}`, session }, network.link(), clock);
      await seat.idle();
      actors.set(seat.store().meta.clientId(), { userId: user.id, role, scope });
      seats.push(seat);
    }
    let backup = await server.backup();
    const session = observeSession(world);
    for (const step of sc.steps) {
      for (const s of seats) s.clock.now = new Date(s.clock.now.getTime() + STEP_MS);
      server.clock.now += STEP_MS;
      if (step.kind === 'backup') backup = await server.backup();
      else await play(world, step, backup);
      for (const s of seats) await s.idle();
      for (const s of seats) if (s.link.crashed) await s.kill();
      session.check();
    }
    await heal(world);
    session.check();
    await checkFinal(world);
  } finally {
    for (const s of seats) await s.close();
    await server.close();
    temp.cleanup();
  }
}

async function play(world: SimWorld, step: Exclude<Step, { kind: 'backup' }>, backup: string): Promise<void> {
  const { server, network, seats } = world;
  switch (step.kind) {
    case 'create':
      return create(world, seats[step.seat]!, step.killAfterCommit);
    case 'edit':
      return edit(world, seats[step.seat]!, step);
    case 'race': {
      const pair = [seats[step.seats[0]]!, seats[step.seats[1]]!];
      const id = newestShared(pair, step.pick);
      const same = { pick: step.pick, edit: step.edit, choice: step.choice, killAfterCommit: false };
      await Promise.all(pair.map((seat) => edit(world, seat, same, id)));
      return;
    }
    case 'sync': {
      const seat = seats[step.seat]!;
      seat.link.faults.push(...step.faults);
      await seat.engine().syncNow();
      seat.link.faults.length = 0;
      return;
    }
    case 'offline': {
      const seat = seats[step.seat]!;
      seat.link.offline = step.offline;
      if (!step.offline) seat.engine().notifyReconnect();
      return;
    }
    case 'tick':
      return seats[step.seat]!.tick(step.ms);
    case 'clockJump': {
      const seat = seats[step.seat]!;
      seat.clock.now = new Date(seat.clock.now.getTime() + step.ms);
      return;
    }
    case 'serverCrash':
      return server.crash();
    case 'deliverDelayed':
      return network.deliverDelayed();
    case 'restore':
      return server.restore(backup);
  }
}

/** Heal + quiesce: network good again, late packets delivered, every seat syncs until nothing moves. */
async function heal({ network, seats }: SimWorld): Promise<void> {
  for (const s of seats) {
    s.link.offline = false;
    s.link.faults.length = 0;
  }
  await network.deliverDelayed();
  let last = '';
  for (let round = 0; round < 12; round++) {
    for (const s of seats) await s.engine().syncNow();
    const now = JSON.stringify(
      seats.map((s) => [s.engine().status().pending, s.store().meta.get('pull_cursor:inquiries')]),
    );
    if (now === last && seats.every((s) => s.engine().status().pending === 0)) return;
    last = now;
  }
}
