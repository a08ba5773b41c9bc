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

/** What the status bar shows; `online` stays false until the sync engine exists. */
export const SyncStatus = z.object({
  online: z.boolean(),
  pending: z.number().int().min(0),
  oldestPendingAt: z.string().nullable(),
  lastSyncAt: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const DRAFT_MAX_BYTES = 64 * 1024;

/** An autosaved, not yet valid form: whatever the operator has typed so far. */
export const DraftData = z
  .record(z.string(), z.unknown())
  .refine((d) => JSON.stringify(d).length <= DRAFT_MAX_BYTES, '草稿过大，无法保存');
export const Draft = z.object({ key: z.string(), data: z.record(z.string(), z.unknown()), savedAt: z.string() });
export type Draft = z.infer<typeof Draft>;
