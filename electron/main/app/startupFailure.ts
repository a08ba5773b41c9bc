import { isAppError } from '../../../shared/errors';

export type FailureMessage = { title: string; message: string; detail: string };

const NEXT_STEP: Partial<Record<string, { title: string; detail: string }>> = {
  DB_FROM_FUTURE: {
    title: '数据库版本比本程序新',
    detail: '这个数据库由更新版本的坐席台创建。请安装最新版本的 12316 坐席台后再打开。数据文件没有被改动。',
  },
  DB_CORRUPT: {
    title: '数据库文件已损坏',
    detail: '数据文件没有被删除或改动，请不要自行删除它。请联系技术支持，用备份恢复后再启动坐席台。',
  },
  DB_READONLY: {
    title: '数据库无法写入',
    detail: '请检查磁盘空间、文件夹权限，以及文件是否被其他程序占用，然后重新启动坐席台。数据文件没有被改动。',
  },
};

/**
 * What the operator reads when the seat cannot start. Storage problems the core reports as AppError
 * carry their own message (with the file path); anything else is a bug and points to the log file.
 */
export function startupFailureMessage(err: unknown, logFile: string): FailureMessage {
  if (isAppError(err)) {
    const known = NEXT_STEP[err.code];
    if (known) return { title: known.title, message: err.message, detail: known.detail };
    return {
      title: '坐席台无法启动',
      message: err.message,
      detail: `请重新启动坐席台；如仍失败，请把日志文件 ${logFile} 发给技术支持。`,
    };
  }
  return {
    title: '坐席台启动失败',
    message: '程序启动时出现意外错误，已写入日志。',
    detail: `请重新启动坐席台；如仍失败，请把日志文件 ${logFile} 发给技术支持。`,
  };
}
