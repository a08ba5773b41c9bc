import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../../electron/main/window/windowOptions';

const state = { width: 1280, height: 800, isMaximized: false };

describe('main window options', () => {
  it('runs the page sandboxed and isolated, without Node, as the security baseline requires', () => {
    const prefs = mainWindowOptions({ preload: '/app/out/preload/index.cjs', isPackaged: true, state }).webPreferences;
    expect(prefs?.preload).toBe('/app/out/preload/index.cjs');
    expect(prefs?.sandbox).toBe(true);
    expect(prefs?.contextIsolation).toBe(true);
    expect(prefs?.nodeIntegration).toBe(false);
    expect(prefs?.nodeIntegrationInWorker).toBe(false);
    expect(prefs?.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs?.webviewTag).toBe(false);
  });

  it('leaves webSecurity and the other dangerous switches at their safe defaults', () => {
    const prefs = mainWindowOptions({ preload: 'p', isPackaged: false, state }).webPreferences ?? {};
    expect(prefs).not.toHaveProperty('webSecurity');
    expect(prefs).not.toHaveProperty('allowRunningInsecureContent');
    expect(prefs).not.toHaveProperty('experimentalFeatures');
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });

  it('turns DevTools off in the packaged app and on when running from source', () => {
    expect(mainWindowOptions({ preload: 'p', isPackaged: true, state }).webPreferences?.devTools).toBe(false);
    expect(mainWindowOptions({ preload: 'p', isPackaged: false, state }).webPreferences?.devTools).toBe(true);
  });

  it('stays hidden until the first paint, so the operator never sees a blank frame', () => {
    expect(mainWindowOptions({ preload: 'p', isPackaged: true, state }).show).toBe(false);
  });

  it('opens at the remembered place, or lets Electron centre it when there is none', () => {
    const placed = mainWindowOptions({ preload: 'p', isPackaged: true, state: { ...state, x: 40, y: 30 } });
    expect(placed).toMatchObject({ x: 40, y: 30, width: 1280, height: 800 });
    const centred = mainWindowOptions({ preload: 'p', isPackaged: true, state });
    expect(centred).not.toHaveProperty('x');
    expect(centred).not.toHaveProperty('y');
  });
});
