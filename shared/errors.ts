/** Error codes that may cross the contract boundary (DESIGN.md §4). */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'OFFLINE',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'DB_CORRUPT',
  'DB_READONLY',
  'DB_FROM_FUTURE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * An expected failure a user can cause or fix (bad input, not found, conflict…).
 * Its message is shown to the operator, so it is written in plain Chinese.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
