import { AppError } from '../../../shared/errors';

/** SQLite result codes (better-sqlite3's `err.code`) and fs codes that mean "the file cannot be written". */
const READONLY_CODES = /^(SQLITE_READONLY|SQLITE_CANTOPEN|SQLITE_PERM|EACCES|EPERM|EROFS)/;
const CORRUPT_CODES = /^(SQLITE_CORRUPT|SQLITE_NOTADB)/;

export function corruptError(file: string): AppError {
  return new AppError(
    'DB_CORRUPT',
    `数据库文件已损坏，无法打开：${file}。程序没有改动这个文件。请先把它复制备份，然后联系技术支持恢复数据；不要删除它。`,
  );
}

export function readonlyError(file: string): AppError {
  return new AppError(
    'DB_READONLY',
    `无法写入数据库文件：${file}。请检查该文件夹是否可写、磁盘是否已满或被设为只读，然后重新打开坐席台。`,
  );
}

function codeOf(err: unknown): string | null {
  if (typeof err !== 'object' || err === null || !('code' in err)) return null;
  return typeof err.code === 'string' ? err.code : null;
}

/**
 * Turns a storage failure into the AppError an operator can act on, or null when it is a bug.
 * Used at open time and as dispatch's `mapError`.
 */
export function mapStoreError(err: unknown, file: string): AppError | null {
  const code = codeOf(err);
  if (code === null) return null;
  if (CORRUPT_CODES.test(code)) return corruptError(file);
  if (READONLY_CODES.test(code)) return readonlyError(file);
  return null;
}
