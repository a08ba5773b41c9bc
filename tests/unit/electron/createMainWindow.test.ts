import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ShellLog } from '../../../electron/main/app/shellLog';
import type { WindowStateStore } from '../../../electron/main/settings/windowStateStore';

type Listener = (event: { preventDefault(): void }) => void;
const contentsListeners = new Map<string, Listener>();
const showMessageBoxSync = vi.fn((_window: unknown, _options: unknown) => 1);

class FakeBrowserWindow {
  webContents = { on: (event: string, listener: Listener) => contentsListeners.set(event, listener) };
  once() {}
  on() {}
  loadURL() {
    return Promise.resolve();
  }
}

vi.mock('electron', () => ({
  BrowserWindow: FakeBrowserWindow,
  dialog: { showMessageBoxSync },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
}));

const { createMainWindow } = await import('../../../electron/main/window/createMainWindow');

const log: ShellLog = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
const stateStore = {
  load: () => ({ width: 1280, height: 800, isMaximized: false }),
  save: vi.fn(),
} as unknown as WindowStateStore;

function openWindowAndTryToClose(choice: number) {
  showMessageBoxSync.mockReturnValueOnce(choice);
  createMainWindow({ preload: '/p.cjs', isPackaged: true, url: 'app://hotline/index.html', stateStore, log });
  const event = { preventDefault: vi.fn() };
  contentsListeners.get('will-prevent-unload')?.(event);
  return event.preventDefault;
}

beforeEach(() => {
  contentsListeners.clear();
  showMessageBoxSync.mockClear();
});

describe('closing the window while an intake form is unsaved', () => {
  it('asks the operator in Chinese and closes when they choose to', () => {
    expect(openWindowAndTryToClose(0)).toHaveBeenCalled();
    expect(showMessageBoxSync.mock.calls[0]?.[1]).toMatchObject({
      message: '受理单或正在编辑的知识还没有保存，确定要关闭吗？',
    });
  });

  it('keeps the window open when the operator goes back to the form', () => {
    expect(openWindowAndTryToClose(1)).not.toHaveBeenCalled();
  });
});
