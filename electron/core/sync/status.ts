import type { Store } from '../db/store';
import type { IssueRepo } from './issueRepo';
import type { SyncMeta } from './syncMeta';

/**
 * What the status bar and the 同步 panel show. `oldestPendingAt` is the age of the backlog
 * (the UI shows it relative to now); `lastError` is readable Chinese saying what happens next.
 */
export type SyncEngineStatus = {
  online: boolean;
  syncing: boolean;
  pending: number;
  oldestPendingAt: string | null;
  lastSyncAt: string | null;
  lastError: string | null;
  /** The server no longer accepts this seat's protocol: syncing stops, the outbox is kept. */
  needsUpgrade: boolean;
  /** No valid device token and no session to register with: someone must log in. */
  needsLogin: boolean;
  openIssues: number;
};

/** The engine's own flags, merged with what the database says at the moment of reading. */
export type EngineFlags = Pick<SyncEngineStatus, 'online' | 'syncing' | 'lastError' | 'needsUpgrade' | 'needsLogin'>;

export function readStatus(store: Store, meta: SyncMeta, issues: IssueRepo, flags: EngineFlags): SyncEngineStatus {
  const pending = store.outbox.pending();
  return {
    ...flags,
    pending: pending.count,
    oldestPendingAt: pending.oldestCreatedAt,
    lastSyncAt: meta.lastSyncAt(),
    openIssues: issues.openCount(),
  };
}

export const MESSAGES = {
  noServer: '尚未设置服务器地址，修改保存在本机；请在“设置”中填写服务器地址',
  offline: '无法连接服务器，修改已保存在本机，恢复网络后会自动上传',
  needsLogin: '登录已失效或尚未登录，修改保存在本机；请重新登录后继续同步',
  needsUpgrade: '服务器已不支持此版本的坐席台，需要升级；未上传的修改仍保存在本机，升级后会继续上传',
  unavailable: (detail: string) => `服务器暂时无法处理同步（${detail}），稍后会自动重试`,
  refused: (code: string, detail: string) =>
    `服务器拒绝了同步请求（${code}：${detail}），稍后会自动重试；如持续出现请联系管理员`,
} as const;
