import { z } from 'zod';
import { ERROR_CODES } from '../../shared/errors';

/** The `{ok, value} | {ok:false, error}` envelope as it arrives from the preload or the socket. */
export const ResultEnvelope = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }) }),
]);
