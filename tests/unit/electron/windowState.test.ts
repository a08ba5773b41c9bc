import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_STATE, restoreWindowState } from '../../../electron/main/window/windowState';

const laptop = { x: 0, y: 0, width: 1920, height: 1040 };
const rightMonitor = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('remembered window bounds', () => {
  it("restores a window that fits on today's screen exactly where it was", () => {
    expect(restoreWindowState({ x: 100, y: 50, width: 1400, height: 900, isMaximized: false }, [laptop])).toEqual({
      x: 100,
      y: 50,
      width: 1400,
      height: 900,
      isMaximized: false,
    });
  });

  it('keeps the maximized flag', () => {
    expect(restoreWindowState({ x: 0, y: 0, width: 1400, height: 900, isMaximized: true }, [laptop]).isMaximized).toBe(
      true,
    );
  });

  it.each([
    ['nothing saved yet', {}],
    ['not an object', 'garbage'],
    ['a negative size', { width: -5, height: 800 }],
    ['text instead of numbers', { x: '10', y: 10, width: '1280', height: 800 }],
    ['fractional sizes', { width: 1280.5, height: 800 }],
  ])('falls back to the default size, centred, for %s', (_name, raw) => {
    expect(restoreWindowState(raw, [laptop])).toEqual({
      width: DEFAULT_WINDOW_STATE.width,
      height: DEFAULT_WINDOW_STATE.height,
      isMaximized: false,
    });
  });

  it('drops the position when the monitor it was on has been unplugged', () => {
    const restored = restoreWindowState({ x: 2200, y: 100, width: 1600, height: 1000, isMaximized: false }, [laptop]);
    expect(restored).not.toHaveProperty('x');
    expect(restored).not.toHaveProperty('y');
    expect(restored).toMatchObject({ width: 1600, height: 1000 });
  });

  it('keeps a window on a second monitor while that monitor is there', () => {
    expect(restoreWindowState({ x: 2200, y: 100, width: 1600, height: 1000 }, [laptop, rightMonitor])).toMatchObject({
      x: 2200,
      y: 100,
    });
  });

  it('moves a window that hangs off the bottom-right edge back inside the screen', () => {
    expect(restoreWindowState({ x: 1500, y: 900, width: 1280, height: 800 }, [laptop])).toEqual({
      x: 1920 - 1280,
      y: 1040 - 800,
      width: 1280,
      height: 800,
      isMaximized: false,
    });
  });

  it('drops the position when the title bar is above the screen, where it cannot be grabbed', () => {
    expect(restoreWindowState({ x: 100, y: -500, width: 1280, height: 800 }, [laptop])).not.toHaveProperty('y');
  });

  it('shrinks a window larger than every screen', () => {
    const small = { x: 0, y: 0, width: 1366, height: 728 };
    const restored = restoreWindowState({ x: 0, y: 0, width: 2500, height: 1400 }, [small]);
    expect(restored).toMatchObject({ x: 0, y: 0, width: 1366, height: 728 });
  });

  it('grows a window below the usable minimum', () => {
    expect(restoreWindowState({ width: 300, height: 200 }, [laptop])).toMatchObject({ width: 960, height: 600 });
  });

  it('keeps a valid size when no display information is available', () => {
    expect(restoreWindowState({ x: 5, y: 5, width: 1300, height: 850 }, [])).toEqual({
      width: 1300,
      height: 850,
      isMaximized: false,
    });
  });
});
