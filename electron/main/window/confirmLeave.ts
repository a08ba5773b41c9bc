import type { MessageBoxSyncOptions } from 'electron';

/**
 * The page asked to stay (an intake form or a knowledge article is not saved yet). Electron keeps the window open silently
 * unless main asks the operator, so this dialog is what makes 关闭前确认 work in the desktop app.
 */
export const CONFIRM_LEAVE_DIALOG: MessageBoxSyncOptions = {
  type: 'question',
  buttons: ['仍然关闭', '返回继续编辑'],
  defaultId: 1,
  cancelId: 1,
  noLink: true,
  title: '还有内容没有保存',
  message: '受理单或正在编辑的知识还没有保存，确定要关闭吗？',
  detail: '受理单已作为草稿自动保存，下次打开坐席台时会恢复；知识文章没保存的修改会丢失。',
};

/** True when the operator chose to close anyway (the first button). */
export function operatorChoseToLeave(choice: number): boolean {
  return choice === 0;
}
