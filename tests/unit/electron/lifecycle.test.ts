import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { METHODS } from '../../../shared/contract/channels';
import { AppError } from '../../../shared/errors';
import type { SecretBox } from '../../../electron/core/secrets/secretBox';

/**
 * A stand-in for the parts of Electron the shell touches, recording the order of calls, so the
 * startup sequence can be checked without the Electron binary (which this machine cannot install).
 */
const fake = vi.hoisted(() => {
  const state = {
    calls: [] as string[],
    appHandlers: new Map<string, (...args: unknown[]) => void>(),
    lock: true,
    windows: [] as Array<{ options: Record<string, unknown>; url: string | null; focused: number; restored: number }>,
    ipcChannels: [] as string[],
    protocolSchemes: [] as string[],
    ready: null as null | (() => void),
  };
  class FakeBrowserWindow {
    options: Record<string, unknown>;
    url: string | null = null;
    focused = 0;
    restored = 0;
    webContents = { on: () => undefined };
    constructor(options: Record<string, unknown>) {
      this.options = options;
      state.calls.push('new BrowserWindow');
      state.windows.push(this);
    }
    once() {}
    on() {}
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
    }
    isDestroyed = () => false;
    isMinimized = () => true;
    isVisible = () => true;
    focus() {
      this.focused += 1;
    }
    restore() {
      this.restored += 1;
    }
    static getAllWindows = () => state.windows;
  }
  const electron = {
    app: {
      isPackaged: false,
      setPath: (name: string, value: string) => state.calls.push(`setPath ${name} ${value}`),
      enableSandbox: () => state.calls.push('enableSandbox'),
      requestSingleInstanceLock: () => state.lock,
      quit: () => state.calls.push('quit'),
      exit: (code: number) => state.calls.push(`exit ${code}`),
      on: (event: string, handler: (...args: unknown[]) => void) => state.appHandlers.set(event, handler),
      whenReady: () =>
        new Promise<void>((resolve) => {
          state.ready = resolve;
        }),
      getVersion: () => '0.1.0',
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: Array<{ scheme: string }>) =>
        state.calls.push(`registerSchemes ${schemes.map((s) => s.scheme).join()}`),
      handle: (scheme: string) => state.protocolSchemes.push(scheme),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => state.calls.push('permissions denied'),
        setPermissionCheckHandler: () => undefined,
      },
    },
    Menu: { setApplicationMenu: () => undefined, buildFromTemplate: (t: unknown) => t },
    BrowserWindow: FakeBrowserWindow,
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] },
    dialog: {
      showMessageBox: vi.fn(async () => ({ response: 0 })),
      showErrorBox: vi.fn(),
    },
    ipcMain: { handle: (channel: string) => state.ipcChannels.push(channel), removeHandler: () => undefined },
    shell: { openExternal: vi.fn() },
    powerMonitor: { on: () => undefined, off: () => undefined },
    net: { isOnline: () => true },
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (plain: string) => Buffer.from(plain).reverse(),
      decryptString: (sealed: Buffer) => Buffer.from(sealed).reverse().toString(),
    },
  };
  const seat = {
    call: vi.fn(),
    close: vi.fn(async () => undefined),
    notifyReconnect: vi.fn(),
    events: { on: () => () => undefined },
  };
  const openSeat = vi.fn((_options: Record<string, unknown>): unknown => seat);
  return { state, electron, seat, openSeat };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));
vi.mock('electron-store', () => ({
  default: class {
    store: Record<string, unknown> = {};
    path = 'settings.json';
  },
}));
vi.mock('electron-log/node', () => ({
  default: {
    create: () => ({
      transports: { file: {}, console: {} },
      hooks: [],
      info: () => undefined,
      warn: () => undefined,
      error: () => undefined,
    }),
  },
}));
vi.mock('../../../electron/core/seat', () => ({ openSeat: fake.openSeat }));
vi.mock('../../../electron/main/app/crashLogging', () => ({
  logUncaughtErrors: () => fake.state.calls.push('crash logging'),
}));

let dataDir = '';
const mainDir = '/opt/seat/out/main';

const { runApp } = await import('../../../electron/main/app/lifecycle');

async function start(): Promise<{ started: Promise<void>; ready: () => void }> {
  const started = runApp(mainDir);
  return { started, ready: () => fake.state.ready?.() };
}

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seat-lifecycle-'));
  vi.stubEnv('HOTLINE_DATA_DIR', dataDir);
  vi.stubEnv('ELECTRON_RENDERER_URL', '');
  Object.assign(fake.state, { calls: [], lock: true, windows: [], ipcChannels: [], protocolSchemes: [], ready: null });
  fake.state.appHandlers.clear();
  fake.openSeat.mockReset().mockImplementation(() => fake.seat);
  fake.seat.close.mockClear();
  fake.electron.dialog.showMessageBox.mockClear();
});

afterEach(() => {
  vi.unstubAllEnvs();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('Electron app lifecycle', () => {
  it('sets the data folder, the sandbox and the app:// scheme before the app is ready', async () => {
    await start();
    expect(fake.state.calls).toEqual([
      `setPath userData ${dataDir}`,
      'enableSandbox',
      'registerSchemes app',
      'crash logging',
    ]);
    expect(fake.state.windows).toHaveLength(0);
  });

  it('once ready: denies permissions, serves app://, opens the seat, binds every method, then shows app://hotline', async () => {
    const { started, ready } = await start();
    ready();
    await started;
    expect(fake.state.protocolSchemes).toEqual(['app']);
    expect(fake.openSeat).toHaveBeenCalledWith(
      expect.objectContaining({ dataDir, mode: 'electron', appVersion: '0.1.0', checkOutput: true }),
    );
    expect(fake.openSeat.mock.calls[0]?.[0].resourcesDir).toBe(path.resolve(import.meta.dirname, '../../..'));
    const secrets = fake.openSeat.mock.calls[0]?.[0].secretBox as SecretBox;
    expect(secrets.kind).toBe('os');
    expect(secrets.open(secrets.seal('dev_token'))).toBe('dev_token');
    expect([...fake.state.ipcChannels].sort()).toEqual([...METHODS].sort());
    expect(fake.state.windows).toHaveLength(1);
    const window = fake.state.windows[0];
    expect(window?.url).toBe('app://hotline/index.html');
    expect(window?.options.show).toBe(false);
    expect(window?.options.webPreferences).toMatchObject({
      preload: path.join('/opt/seat/out/preload/index.cjs'),
      sandbox: true,
    });
    const order = fake.state.calls;
    expect(order.indexOf('permissions denied')).toBeLessThan(order.indexOf('new BrowserWindow'));
  });

  it('quits at once when another console already runs on this data folder', async () => {
    fake.state.lock = false;
    const { started } = await start();
    await started;
    expect(fake.state.calls).toContain('quit');
    expect(fake.state.ready).toBeNull();
    expect(fake.openSeat).not.toHaveBeenCalled();
  });

  it('focuses the existing window when the operator starts the console a second time', async () => {
    const { started, ready } = await start();
    ready();
    await started;
    fake.state.appHandlers.get('second-instance')?.();
    expect(fake.state.windows[0]).toMatchObject({ focused: 1, restored: 1 });
  });

  it('explains a database from a newer version in a dialog and quits without opening a window', async () => {
    fake.openSeat.mockImplementation(() => {
      throw new AppError('DB_FROM_FUTURE', `数据库 ${dataDir}/seat.db 由更新版本创建`);
    });
    const { started, ready } = await start();
    ready();
    await started;
    expect(fake.electron.dialog.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({
        type: 'error',
        message: `数据库 ${dataDir}/seat.db 由更新版本创建`,
        detail: expect.stringContaining('安装最新版本'),
      }),
    );
    expect(fake.state.calls).toContain('quit');
    expect(fake.state.windows).toHaveLength(0);
    expect(fake.state.ipcChannels).toHaveLength(0);
  });

  it('holds the quit until the seat has closed its database, then quits', async () => {
    const { started, ready } = await start();
    ready();
    await started;
    let finishClose: () => void = () => undefined;
    fake.seat.close.mockImplementationOnce(
      () => new Promise<undefined>((resolve) => (finishClose = () => resolve(undefined))),
    );
    const event = { preventDefault: vi.fn() };
    fake.state.appHandlers.get('will-quit')?.(event);
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
    expect(fake.seat.close).toHaveBeenCalledTimes(1);
    expect(fake.state.calls).not.toContain('quit');
    finishClose();
    await vi.waitFor(() => expect(fake.state.calls).toContain('quit'));
    fake.state.appHandlers.get('will-quit')?.({ preventDefault: vi.fn() });
    expect(fake.seat.close).toHaveBeenCalledTimes(1);
  });
});
