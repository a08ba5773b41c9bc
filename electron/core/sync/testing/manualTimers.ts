import type { Timers } from '../timers';

type Scheduled = { id: number; at: number; fn: () => void };

/** Timers a test moves by hand: `advance` runs what has come due, in order; `delays` shows what is waiting. */
export function manualTimers() {
  let now = 0;
  let nextId = 1;
  let queue: Scheduled[] = [];

  const timers: Timers = {
    setTimeout(fn, ms) {
      const entry = { id: nextId++, at: now + ms, fn };
      queue.push(entry);
      return entry.id;
    },
    clearTimeout(handle) {
      queue = queue.filter((e) => e.id !== handle);
    },
  };

  return {
    timers,
    /** Delays (ms from now) of every timeout still waiting, soonest first. */
    delays: () => queue.map((e) => e.at - now).sort((a, b) => a - b),
    advance(ms: number): void {
      const until = now + ms;
      for (;;) {
        const due = queue.filter((e) => e.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        queue = queue.filter((e) => e !== due);
        now = due.at;
        due.fn();
      }
      now = until;
    },
  };
}
