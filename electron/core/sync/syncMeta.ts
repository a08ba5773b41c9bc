import { randomBytes } from 'node:crypto';
import type { Stream } from '../../../shared/sync/protocol';
import type { SyncMetaRepo } from '../db/syncMetaRepo';

const KEYS = {
  epoch: 'server_epoch',
  installNonce: 'install_nonce',
  deviceToken: 'device_token',
  lastSyncAt: 'last_sync_at',
  ackedThrough: 'acked_through',
} as const;

/** The sync engine's facts in `sync_meta`: the server epoch it last saw, pull cursors, device identity. */
export function syncMeta(meta: SyncMetaRepo) {
  return {
    clientId: () => meta.clientId(),
    /** Created once per database file: a copied or re-imaged database keeps it, a fresh one gets a new one. */
    installNonce(): string {
      const existing = meta.get(KEYS.installNonce);
      if (existing) return existing;
      const nonce = randomBytes(16).toString('hex');
      meta.set(KEYS.installNonce, nonce);
      return nonce;
    },
    epoch: () => meta.get(KEYS.epoch),
    setEpoch: (epoch: string) => meta.set(KEYS.epoch, epoch),
    cursor: (stream: Stream) => Number(meta.get(`pull_cursor:${stream}`) ?? '0'),
    setCursor: (stream: Stream, cursor: number) => meta.set(`pull_cursor:${stream}`, String(cursor)),
    /** Consecutive complete pulls whose scope checksum did not match this seat's copy. */
    driftStrikes: (stream: Stream) => Number(meta.get(`pull_drift:${stream}`) ?? '0'),
    setDriftStrikes: (stream: Stream, n: number) => meta.set(`pull_drift:${stream}`, String(n)),
    deviceToken: () => meta.getSecret(KEYS.deviceToken),
    setDeviceToken: (token: string | null) => meta.setSecret(KEYS.deviceToken, token),
    lastSyncAt: () => meta.get(KEYS.lastSyncAt),
    setLastSyncAt: (at: string) => meta.set(KEYS.lastSyncAt, at),
    /** Highest mutation id the server has acknowledged; survives pruning of old outbox rows. */
    ackedThrough: () => Number(meta.get(KEYS.ackedThrough) ?? '0'),
    setAckedThrough: (id: number) => meta.set(KEYS.ackedThrough, String(id)),
  };
}

export type SyncMeta = ReturnType<typeof syncMeta>;
