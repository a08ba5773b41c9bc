import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

vi.mock('electron', () => ({ Menu: {} }));
const { menuTemplate } = await import('../../../electron/main/app/menu');

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('application menu', () => {
  it('is labelled in Chinese', () => {
    const labels = menuTemplate({ isPackaged: true, platform: 'win32' }).map((item) => item.label);
    expect(labels).toEqual(['文件', '编辑', '视图', '窗口']);
  });

  it('has no DevTools or reload in the packaged app', () => {
    const packaged = roles(menuTemplate({ isPackaged: true, platform: 'linux' }));
    expect(packaged).not.toContain('toggleDevTools');
    expect(packaged).not.toContain('reload');
    expect(roles(menuTemplate({ isPackaged: false, platform: 'linux' }))).toContain('toggleDevTools');
  });

  it('keeps copy and paste reachable from the keyboard', () => {
    expect(roles(menuTemplate({ isPackaged: true, platform: 'darwin' }))).toEqual(
      expect.arrayContaining(['copy', 'paste', 'cut', 'selectAll', 'undo']),
    );
  });
});
