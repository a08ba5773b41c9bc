import type { KbSeatStatus } from '../../../shared/contract/kbMethods';
import type { SeatKb } from './seatKb';

/**
 * The seat's KB with every replication step announced: once when it starts (the status line shows
 * 正在更新) and once when it ends (new article count, snapshot, or the error) — so the console follows
 * an update it did not ask for, such as the timer's.
 */
export function announcedKb(kb: SeatKb, announce: (status: KbSeatStatus) => void): SeatKb {
  let closed = false;
  // A step still running when the seat closes ends quietly: there is nobody left to tell.
  const tell = () => {
    if (!closed) announce(kb.status());
  };
  return {
    current: () => kb.current(),
    status: () => kb.status(),
    close() {
      closed = true;
      kb.close();
    },
    async syncNow() {
      const step = kb.syncNow();
      tell();
      try {
        await step;
      } finally {
        tell();
      }
    },
  };
}
