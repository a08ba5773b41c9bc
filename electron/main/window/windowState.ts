import { z } from 'zod';

/** Size and place of the main window, as remembered in window-state.json between runs. */
export const WindowState = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  isMaximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof WindowState>;

export type Rect = { x: number; y: number; width: number; height: number };

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 800, isMaximized: false };
const MIN_WIDTH = 960;
const MIN_HEIGHT = 600;
/** How much of the window's top edge must stay on a screen for the operator to grab and move it. */
const GRAB_WIDTH = 120;
const GRAB_HEIGHT = 40;

const clamp = (value: number, min: number, max: number): number => Math.min(Math.max(value, min), Math.max(min, max));

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/** The work area showing enough of the window's title strip, if any (a monitor may have been unplugged). */
function areaHoldingTitle(window: Rect, workAreas: readonly Rect[]): Rect | null {
  const titleStrip: Rect = { x: window.x, y: window.y, width: window.width, height: GRAB_HEIGHT };
  for (const area of workAreas) {
    const o = overlap(titleStrip, area);
    if (o.width >= GRAB_WIDTH && o.height >= GRAB_HEIGHT) return area;
  }
  return null;
}

/**
 * Turns whatever is in the state file into bounds that are usable on today's screens:
 * invalid or missing data → the default size, centred; a size larger than every screen → shrunk;
 * a position on a screen that is gone → dropped (Electron centres the window); otherwise the
 * window is moved just enough to lie inside the screen it was on.
 */
export function restoreWindowState(raw: unknown, workAreas: readonly Rect[]): WindowState {
  const parsed = WindowState.safeParse(raw);
  const saved = parsed.success ? parsed.data : DEFAULT_WINDOW_STATE;
  if (workAreas.length === 0) return { width: saved.width, height: saved.height, isMaximized: saved.isMaximized };

  const maxWidth = Math.max(...workAreas.map((a) => a.width));
  const maxHeight = Math.max(...workAreas.map((a) => a.height));
  const width = clamp(saved.width, Math.min(MIN_WIDTH, maxWidth), maxWidth);
  const height = clamp(saved.height, Math.min(MIN_HEIGHT, maxHeight), maxHeight);
  const sized = { width, height, isMaximized: saved.isMaximized };
  if (saved.x === undefined || saved.y === undefined) return sized;

  const area = areaHoldingTitle({ x: saved.x, y: saved.y, width, height }, workAreas);
  if (!area) return sized;
  return {
    ...sized,
    width: Math.min(width, area.width),
    height: Math.min(height, area.height),
    x: clamp(saved.x, area.x, area.x + area.width - Math.min(width, area.width)),
    y: clamp(saved.y, area.y, area.y + area.height - Math.min(height, area.height)),
  };
}
