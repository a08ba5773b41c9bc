import { type z } from 'zod';
import { HttpError } from './httpError';

/** Parses untrusted input with a shared schema; any mismatch is the client's 400, never a 500. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input ?? {});
  if (r.success) return r.data;
  const where = r.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(根)'}: ${i.message}`)
    .join('；');
  throw new HttpError(400, 'INVALID_INPUT', `请求内容不符合要求，请检查后重试（${where}）`);
}
