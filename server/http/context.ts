import { type LoginLimiter } from '../auth/loginLimiter';
import { type DevicesRepo } from '../store/devicesRepo';
import { type Store } from '../store/openStore';
import { type UsersRepo } from '../store/usersRepo';
import { type ServerLogger } from './logger';

/** What every route module needs, built once per server instance. */
export interface ServerContext {
  store: Store;
  users: UsersRepo;
  devices: DevicesRepo;
  log: ServerLogger;
  now: () => number;
  /** This database's epoch (DESIGN.md §6 rule 5); a restore means a new epoch and a restarted server. */
  epoch: string;
  loginLimiter: LoginLimiter;
  sessionTtlMs: number;
  /** A push stops after this long and returns what it has done (sync-research §4.4, early exit). */
  pushBudgetMs: number;
  /** Mutations applied per transaction: one commit per chunk, all-or-nothing like a single mutation. */
  pushChunkSize: number;
}
