import type { ErrorCode } from '../errors';

export type ContractError = { code: ErrorCode; message: string };

/** What every contract call resolves to: it never throws across the boundary. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});
