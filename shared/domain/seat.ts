import { z } from 'zod';

export const AppInfo = z.object({
  version: z.string(),
  mode: z.enum(['electron', 'browser']),
  dataDir: z.string(),
  dbPath: z.string(),
  logFile: z.string(),
  settingsFile: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** What the status bar and the 同步 panel show (DESIGN.md §6 rule 6). */
export const SyncStatus = z.object({
  /** False also when no server is configured: the seat then works purely locally. */
  online: z.boolean(),
  serverConfigured: z.boolean(),
  syncing: z.boolean(),
  pending: z.number().int().min(0),
  oldestPendingAt: z.string().nullable(),
  lastSyncAt: z.string().nullable(),
  /** Readable Chinese: what went wrong and what happens next. */
  lastError: z.string().nullable(),
  /** The server no longer accepts this seat's protocol: "需要升级"; the outbox is kept. */
  needsUpgrade: z.boolean(),
  needsLogin: z.boolean(),
  /** Conflicts and rejections waiting in the 冲突与退回 inbox. */
  openIssues: z.number().int().min(0),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const DRAFT_MAX_BYTES = 64 * 1024;

/** An autosaved, not yet valid form: whatever the operator has typed so far. */
export const DraftData = z
  .record(z.string(), z.unknown())
  .refine((d) => JSON.stringify(d).length <= DRAFT_MAX_BYTES, '草稿过大，无法保存');
export const Draft = z.object({ key: z.string(), data: z.record(z.string(), z.unknown()), savedAt: z.string() });
export type Draft = z.infer<typeof Draft>;
