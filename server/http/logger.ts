import pino from 'pino';

export type ServerLogger = pino.Logger;

const MOBILE_IN_TEXT = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;

/** Keys whose values are personal data or secrets: removed wherever they appear in a log object. */
const REDACT = [
  'req.headers.authorization',
  'password',
  'token',
  'deviceToken',
  'callerPhone',
  'callerName',
  'displayName',
  'question',
  'answer',
].flatMap((k) => (k.includes('.') ? [k] : [k, `*.${k}`]));

/**
 * JSON lines to stdout with request ids (Fastify adds `reqId`). Farmers' phone numbers and names
 * never reach the log (PIPL): known keys are redacted and mobile numbers in messages are masked.
 */
export function createServerLogger(level: pino.LevelWithSilent = 'info'): ServerLogger {
  return pino({
    level,
    redact: { paths: REDACT, censor: '[redacted]' },
    hooks: {
      logMethod(args, method) {
        method.apply(
          this,
          args.map((a) => (typeof a === 'string' ? a.replace(MOBILE_IN_TEXT, '$1****$2') : a)) as Parameters<
            typeof method
          >,
        );
      },
    },
  });
}
