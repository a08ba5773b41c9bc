import type { SettingsPatch } from '../../../shared/domain/settings';

/** Seat code and server handed to a starting seat by its launcher (command line or environment). */
export type LaunchSettings = { seat: string | null; server: string | null };

/**
 * What a launcher writes into a seat's stored settings before the seat opens: the seat code only on
 * its first start (an operator's later change wins), the server only while none is set. Shared by
 * the browser-mode CLI and the Electron shell (`npm start` passes HOTLINE_SERVER_URL).
 */
export function initialSettingsPatch(stored: Record<string, unknown>, launch: LaunchSettings): SettingsPatch | null {
  const patch: SettingsPatch = {};
  if (launch.seat && stored.seatCode === undefined) patch.seatCode = launch.seat;
  if (launch.server && (stored.serverUrl === undefined || stored.serverUrl === '')) patch.serverUrl = launch.server;
  return Object.keys(patch).length > 0 ? patch : null;
}
