import type { MessageBoxSyncOptions } from 'electron';

/**
 * The page asked to stay (an intake form is not saved yet). Electron keeps the window open silently
 * unless main asks the operator, so this dialog is what makes 关闭前确认 work in the desktop app.
 */
export const CONFIRM_LEAVE_DIALOG: MessageBoxSyncOptions = {
  type: 'question',
  buttons: ['仍然关闭', '返回继续填写'],
  defaultId: 1,
  cancelId: 1,
  noLink: true,
  title: '受理单尚未保存',
  message: '当前受理单还没有保存，确定要关闭吗？',
  detail: '已填写的内容已作为草稿自动保存，下次打开坐席台时会恢复。',
};

/** True when the operator chose to close anyway (the first button). */
export function operatorChoseToLeave(choice: number): boolean {
  return choice === 0;
}
