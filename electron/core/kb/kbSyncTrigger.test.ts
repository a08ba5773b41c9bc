import { describe, expect, it } from 'vitest';
import { kbSyncTrigger } from './kbSyncTrigger';

function trigger() {
  const clock = { now: 0 };
  let asked = 0;
  const t = kbSyncTrigger({ syncNow: () => (asked += 1), minIntervalMs: 60_000, clock: () => clock.now });
  return { t, clock, asked: () => asked };
}

describe('when a seat asks for KB changes', () => {
  it('leaves the first minute after opening to the cases, then asks once per minute while online', () => {
    const { t, clock, asked } = trigger();
    t.caseSyncStatus({ online: true, pending: 0 });
    expect(asked()).toBe(0);

    clock.now = 60_000;
    t.caseSyncStatus({ online: true, pending: 0 });
    t.caseSyncStatus({ online: true, pending: 0 });
    expect(asked()).toBe(1);

    clock.now = 119_999;
    t.caseSyncStatus({ online: true, pending: 0 });
    expect(asked()).toBe(1);
    clock.now = 120_000;
    t.caseSyncStatus({ online: true, pending: 0 });
    expect(asked()).toBe(2);
  });

  it('waits while offline or while cases are still waiting to upload', () => {
    const { t, clock, asked } = trigger();
    clock.now = 600_000;
    t.caseSyncStatus({ online: false, pending: 0 });
    t.caseSyncStatus({ online: true, pending: 3 });
    expect(asked()).toBe(0);
    t.caseSyncStatus({ online: true, pending: 0 });
    expect(asked()).toBe(1);
  });
});
