import type { Role } from '../../../shared/sync/auth';

/** Who is saving: read from the settings at save time, so a changed seat code applies to the next save. */
export type Actor = {
  seatCode: string;
  operator: string;
  /** The logged-in operator's server account, sent with each change so the server can re-check it. */
  userId?: string | null;
  /** That account's role: the server refuses cases opened by roles that do not take calls. */
  role?: Role | null;
};

export type Clock = () => Date;
