import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ReplicaPoint } from '../../../electron/core/kb/replica/hooks';
import { spawnTs, type Child } from '../sync/fixtures/processes';
import { VARIANTS } from '../server/harness';
import { replicaWorld, seatState, type ReplicaWorld } from './fixtures/replicaFixture';

const CHILD = 'tests/integration/kb/fixtures/seatKbChild.ts';

const point = (line: string): ReplicaPoint | null =>
  line.startsWith('POINT ') ? (JSON.parse(line.slice('POINT '.length)) as ReplicaPoint) : null;

describe.each(VARIANTS)('kill -9 of a real seat process while it replicates the KB (%s)', (variant) => {
  let world: ReplicaWorld;
  let children: Child[];
  beforeEach(async () => {
    world = await replicaWorld(variant);
    children = [];
  });
  afterEach(async () => {
    for (const c of children) c.kill9();
    await Promise.all(children.map((c) => c.exited));
    await world.close();
  });

  it(
    'a seat killed mid-download, after decompressing and in delta pages ends equal to a one-shot sync',
    { timeout: 180_000 },
    async () => {
      const manifest = await world.snapshot(8 * 1024);
      for (let n = 0; n < 8; n++) {
        await world.feed.publish({
          id: `kb-k${n}`,
          title: `进程测试条目 ${n}`,
          answer: '答复',
          category: '植保',
          tags: [],
          subjects: [],
          season: '秋',
          regions: [],
        });
      }
      await world.feed.retire('kb-0007');
      const url = await world.server.app.listen({ host: '127.0.0.1', port: 0 });
      const env = (dir: string) => ({ KB_SEAT_DIR: dir, KB_SERVER_URL: url, KB_DEVICE_TOKEN: world.deviceToken });
      const run = (dir: string) => {
        const child = spawnTs(CHILD, env(dir));
        children.push(child);
        return child;
      };

      const oneShotDir = world.seatDir();
      const oneShot = run(oneShotDir);
      await oneShot.exited;
      expect(oneShot.lines.at(-1), oneShot.stderr()).toMatch(/^DONE /);
      const ids = await world.ids();
      const reference = world.openSeat(oneShotDir);
      const expected = seatState(reference, ids);
      reference.close();
      expect(expected.snapshotId).toBe(manifest.snapshotId);

      const dir = world.seatDir();
      const half = Math.floor(manifest.chunks.length / 2);
      const killAt: ((p: ReplicaPoint) => boolean)[] = [
        (p) => p.stage === 'chunkStored' && p.index === 1,
        (p) => p.stage === 'chunkStored' && p.index >= half,
        (p) => p.stage === 'decompressed',
        (p) => p.stage === 'deltaPageApplying',
        (p) => p.stage === 'deltaPageApplying',
      ];
      const signals: (NodeJS.Signals | null)[] = [];
      for (const at of killAt) {
        const child = run(dir);
        await Promise.race([
          child.waitFor((l) => {
            const p = point(l);
            return p !== null && at(p);
          }),
          child.exited,
        ]);
        child.kill9();
        signals.push((await child.exited).signal);
      }
      // The first kill lands mid-download (dozens of chunks are left): the restart really had to resume.
      expect(signals[0]).toBe('SIGKILL');
      const last = run(dir);
      await last.exited;
      expect(last.lines.at(-1), last.stderr()).toMatch(/^DONE /);

      const seat = world.openSeat(dir);
      try {
        expect(seatState(seat, ids)).toEqual(expected);
      } finally {
        seat.close();
      }
    },
  );
});
