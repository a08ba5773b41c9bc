import { type Kysely } from 'kysely';
import { type DevicesTable, type ServerDatabase } from './schema';

export interface Device {
  clientId: string;
  installNonce: string;
  seatCode: string;
  registeredBy: string;
}

function toDevice(row: Pick<DevicesTable, 'client_id' | 'install_nonce' | 'seat_code' | 'registered_by'>): Device {
  return {
    clientId: row.client_id,
    installNonce: row.install_nonce,
    seatCode: row.seat_code,
    registeredBy: row.registered_by,
  };
}

/** Seats registered as sync devices: one client_id, bound to the install nonce that first claimed it. */
export function devicesRepo(db: Kysely<ServerDatabase>) {
  return {
    async byClientId(clientId: string): Promise<Device | undefined> {
      const row = await db.selectFrom('devices').selectAll().where('client_id', '=', clientId).executeTakeFirst();
      return row && toDevice(row);
    },

    /** Device and the enabled user who registered it, by device token hash. */
    async byTokenHash(tokenHash: string): Promise<Device | undefined> {
      const row = await db
        .selectFrom('devices')
        .innerJoin('users', 'users.id', 'devices.registered_by')
        .select(['devices.client_id', 'devices.install_nonce', 'devices.seat_code', 'devices.registered_by'])
        .where('devices.token_hash', '=', tokenHash)
        .where('users.disabled', '=', 0)
        .executeTakeFirst();
      return row && toDevice(row);
    },

    /**
     * Registers or re-registers (same nonce: a reinstalled token) a device. Returns false when the
     * client_id already belongs to another install: a cloned machine must not share a mutation-id space.
     */
    async register(device: Device, tokenHash: string, at: string): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const existing = await trx
          .selectFrom('devices')
          .select(['install_nonce', 'seat_code'])
          .where('client_id', '=', device.clientId)
          .executeTakeFirst();
        if (existing && (existing.install_nonce !== device.installNonce || existing.seat_code !== device.seatCode)) {
          return false;
        }
        if (existing) {
          await trx
            .updateTable('devices')
            .set({ token_hash: tokenHash, registered_by: device.registeredBy, registered_at: at })
            .where('client_id', '=', device.clientId)
            .execute();
        } else {
          await trx
            .insertInto('devices')
            .values({
              client_id: device.clientId,
              install_nonce: device.installNonce,
              seat_code: device.seatCode,
              token_hash: tokenHash,
              registered_by: device.registeredBy,
              registered_at: at,
            })
            .execute();
        }
        return true;
      });
    },
  };
}
export type DevicesRepo = ReturnType<typeof devicesRepo>;
