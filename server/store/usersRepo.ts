import { randomUUID } from 'node:crypto';
import { type Kysely } from 'kysely';
import { type Role, Scope, type User } from '../../shared/sync/auth';
import { type ServerDatabase, type UsersTable } from './schema';

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  scope: Scope;
  passwordHash: string;
}

function toUser(row: UsersTable): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    scope: Scope.parse(JSON.parse(row.scope)),
    disabled: row.disabled !== 0,
  };
}

/** Accounts and their login sessions. */
export function usersRepo(db: Kysely<ServerDatabase>) {
  return {
    async create(user: NewUser): Promise<User> {
      const row: UsersTable = {
        id: randomUUID(),
        username: user.username,
        display_name: user.displayName,
        role: user.role,
        scope: JSON.stringify(user.scope),
        password_hash: user.passwordHash,
        disabled: 0,
      };
      await db.insertInto('users').values(row).execute();
      return toUser(row);
    },

    async count(): Promise<number> {
      const r = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    async byUsername(username: string): Promise<{ user: User; passwordHash: string } | undefined> {
      const row = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
      return row && { user: toUser(row), passwordHash: row.password_hash };
    },

    async byId(id: string): Promise<User | undefined> {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toUser(row);
    },

    /** Disabling also ends every session, so the user is out at their next request. */
    async disable(id: string): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const r = await trx.updateTable('users').set({ disabled: 1 }).where('id', '=', id).executeTakeFirst();
        await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
        return Number(r.numUpdatedRows) > 0;
      });
    },

    async createSession(tokenHash: string, userId: string, expiresAt: number): Promise<void> {
      await db
        .insertInto('sessions')
        .values({ token_hash: tokenHash, user_id: userId, expires_at: expiresAt })
        .execute();
    },

    async deleteSession(tokenHash: string): Promise<void> {
      await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },

    /** The live, enabled user behind a session token hash. */
    async bySession(tokenHash: string, now: number): Promise<User | undefined> {
      const row = await db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .selectAll('users')
        .where('sessions.token_hash', '=', tokenHash)
        .where('sessions.expires_at', '>', now)
        .where('users.disabled', '=', 0)
        .executeTakeFirst();
      return row && toUser(row);
    },
  };
}
export type UsersRepo = ReturnType<typeof usersRepo>;
