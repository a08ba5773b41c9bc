import fs from 'node:fs';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ReplicaPoint } from '../../../electron/core/kb/replica/hooks';
import { VARIANTS } from '../server/harness';
import { replicaWorld, seatState, type ReplicaWorld } from './fixtures/replicaFixture';

const SEED = Number(process.env.KB_REPLICA_SEED ?? 12316);

class Crash extends Error {}

const content = (id: string, v: number) => ({
  id,
  title: `条目 ${id} 第 ${v} 版 水稻纹枯病`,
  answer: `第 ${v} 版：分蘖末期到孕穗期喷药。`,
  category: '植保',
  tags: [],
  subjects: ['水稻'],
  season: '夏' as const,
  regions: [],
});

describe.each(VARIANTS)('KB deltas resumed from any cursor (%s)', (variant) => {
  let world: ReplicaWorld;
  beforeEach(async () => {
    world = await replicaWorld(variant);
  });
  afterEach(async () => world.close());

  it('a seat stopped in any delta page, any number of times, with any page size, ends equal to a one-shot sync', async () => {
    await world.snapshot();
    // A seat that has the snapshot and nothing after it: every run below starts from a copy of it.
    const base = world.seatDir();
    const installed = world.openSeat(base);
    await installed.syncNow();
    installed.close();

    const script = fc.sample(
      fc.array(
        fc.record({ id: fc.constantFrom('kb-0001', 'kb-0002', 'kb-x1', 'kb-x2', 'kb-x3'), publish: fc.boolean() }),
        {
          minLength: 25,
          maxLength: 25,
        },
      ),
      { seed: SEED, numRuns: 1 },
    )[0]!;
    const live = new Set(['kb-0001', 'kb-0002']);
    for (const [v, step] of script.entries()) {
      if (step.publish) {
        await world.feed.publish(content(step.id, v));
        live.add(step.id);
      } else if (live.has(step.id)) {
        await world.feed.retire(step.id);
        live.delete(step.id);
      }
    }
    const ids = await world.ids();
    const oneShotDir = world.seatDir();
    fs.cpSync(base, oneShotDir, { recursive: true });
    const oneShot = world.openSeat(oneShotDir);
    await oneShot.syncNow();
    const expected = seatState(oneShot, ids);
    oneShot.close();

    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ limit: fc.integer({ min: 1, max: 6 }), crashInPage: fc.integer({ min: 0, max: 5 }) }), {
          maxLength: 4,
        }),
        async (restarts) => {
          const dir = world.seatDir();
          fs.cpSync(base, dir, { recursive: true });
          for (const { limit, crashInPage } of restarts) {
            let pages = 0;
            const kb = world.openSeat(dir, {
              replica: { deltaPageLimit: limit },
              hooks: {
                at: (p: ReplicaPoint) => {
                  if (p.stage === 'deltaPageApplying' && pages++ === crashInPage) throw new Crash();
                },
              },
            });
            await kb.syncNow();
            kb.close();
          }
          const kb = world.openSeat(dir, { replica: { deltaPageLimit: 4 } });
          await kb.syncNow();
          expect(seatState(kb, ids)).toEqual(expected);
          kb.close();
        },
      ),
      { seed: SEED, numRuns: 15 },
    );
  });
});
