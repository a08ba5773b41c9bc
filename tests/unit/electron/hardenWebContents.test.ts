import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import type { ShellLog } from '../../../electron/main/app/shellLog';

const openExternal = vi.fn(async (_url: string) => undefined);
vi.mock('electron', () => ({ shell: { openExternal } }));

const { denyAllPermissions, hardenWebContents } = await import('../../../electron/main/app/hardenWebContents');

type Listener = (details: { url: string; preventDefault(): void }) => void;
type OpenHandler = (details: { url: string }) => { action: string };

/** Records what the hardening registers, so the test can fire navigation events at it. */
function fakeWebContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: OpenHandler | null = null;
  const contents = {
    on: (event: string, listener: Listener) => listeners.set(event, listener),
    setWindowOpenHandler: (handler: OpenHandler) => {
      openHandler = handler;
    },
  };
  const fire = (event: string, url: string) => {
    const details = { url, preventDefault: vi.fn() };
    listeners.get(event)?.(details);
    return details.preventDefault;
  };
  return { contents: contents as unknown as WebContents, fire, open: (url: string) => openHandler?.({ url }) };
}

const log: ShellLog = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
const origins = ['app://hotline'];

beforeEach(() => openExternal.mockClear());

describe('webContents hardening', () => {
  it('lets the page move within app://hotline', () => {
    const wc = fakeWebContents();
    hardenWebContents(wc.contents, origins, log);
    expect(wc.fire('will-navigate', 'app://hotline/index.html#/cases')).not.toHaveBeenCalled();
  });

  it.each(['https://evil.example/', 'file:///etc/passwd', 'http://localhost:5173/'])(
    'stops navigation and redirects to %s',
    (url) => {
      const wc = fakeWebContents();
      hardenWebContents(wc.contents, origins, log);
      expect(wc.fire('will-navigate', url)).toHaveBeenCalled();
      expect(wc.fire('will-redirect', url)).toHaveBeenCalled();
    },
  );

  it('never attaches a <webview>', () => {
    const wc = fakeWebContents();
    hardenWebContents(wc.contents, origins, log);
    expect(wc.fire('will-attach-webview', 'app://hotline/')).toHaveBeenCalled();
  });

  it('denies every new window and sends only https links to the system browser', () => {
    const wc = fakeWebContents();
    hardenWebContents(wc.contents, origins, log);
    expect(wc.open('https://www.moa.gov.cn/')).toEqual({ action: 'deny' });
    expect(wc.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(wc.open('app://hotline/index.html')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://www.moa.gov.cn/']]);
  });
});

describe('permissions', () => {
  it('denies every permission request and check', () => {
    type RequestHandler = (wc: unknown, permission: string, callback: (granted: boolean) => void) => void;
    type CheckHandler = (...args: unknown[]) => boolean;
    const installed: { request?: RequestHandler; check?: CheckHandler } = {};
    const session = {
      setPermissionRequestHandler: (h: RequestHandler) => (installed.request = h),
      setPermissionCheckHandler: (h: CheckHandler) => (installed.check = h),
    };
    denyAllPermissions(session as unknown as Session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      installed.request?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(installed.check?.({}, permission, 'app://hotline', {})).toBe(false);
    }
  });
});
