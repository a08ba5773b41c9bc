import { Menu, type MenuItemConstructorOptions } from 'electron';

export type MenuContext = { isPackaged: boolean; platform: NodeJS.Platform };

/**
 * A short zh-CN menu: the edit roles keep copy/paste shortcuts working everywhere (macOS needs them
 * in a menu), reload and DevTools only when running from source.
 */
export function menuTemplate({ isPackaged, platform }: MenuContext): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: '实际大小' },
    { role: 'zoomIn', label: '放大' },
    { role: 'zoomOut', label: '缩小' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '全屏' },
  ];
  if (!isPackaged) {
    view.push(
      { type: 'separator' },
      { role: 'reload', label: '重新加载' },
      { role: 'toggleDevTools', label: '开发者工具' },
    );
  }
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' as const, label: '12316 坐席台' }] : []),
    {
      label: '文件',
      submenu: [{ role: platform === 'darwin' ? 'close' : 'quit', label: platform === 'darwin' ? '关闭窗口' : '退出' }],
    },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    { label: '视图', submenu: view },
    { label: '窗口', submenu: [{ role: 'minimize', label: '最小化' }] },
  ];
}

export function installMenu(context: MenuContext): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(context)));
}
