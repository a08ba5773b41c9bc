import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/openStore';
import { createLoginLimiter } from './loginLimiter';

describe('login limiter', () => {
  let dir: string;
  let store: Store;
  const clock = { now: 1_000_000 };

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'login-limiter-'));
    store = await openStore({ sqliteFile: path.join(dir, 'server.db') });
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('allows the limit per key and window, keeps keys apart, and restarts the count when the window lapses', async () => {
    const limiter = createLoginLimiter(store.db, 3, 60_000, () => clock.now);
    const tries = async (key: string, n: number) => {
      const out: boolean[] = [];
      for (let i = 0; i < n; i++) out.push(await limiter.tryAcquire(key));
      return out;
    };
    expect(await tries('1.2.3.4|op1', 4)).toEqual([true, true, true, false]);
    expect(await tries('1.2.3.4|op2', 1)).toEqual([true]);
    clock.now += 59_999;
    expect(await tries('1.2.3.4|op1', 1)).toEqual([false]);
    clock.now += 1;
    expect(await tries('1.2.3.4|op1', 4)).toEqual([true, true, true, false]);
  });

  it('sweeps windows that have lapsed instead of keeping a row per attacker address for ever', async () => {
    const limiter = createLoginLimiter(store.db, 5, 60_000, () => clock.now);
    for (let i = 0; i < 499; i++) await limiter.tryAcquire(`10.0.${i >> 8}.${i & 255}|op1`);
    clock.now += 60_000;
    await limiter.tryAcquire('10.9.9.9|op1');
    const rows = await store.db.selectFrom('login_attempt').select('attempt_key').execute();
    expect(rows.map((r) => r.attempt_key)).toEqual(['10.9.9.9|op1']);
  });
});
