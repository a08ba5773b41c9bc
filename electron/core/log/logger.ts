import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';

export type Logger = pino.Logger;

// Farmers' phone numbers must never reach a log file (PIPL); mask any that slip into a message.
const MOBILE_IN_TEXT = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;
const LANDLINE_IN_TEXT = /(?<!\d)(0\d{2,3})-?\d{3,4}(\d{4})(?!\d)/g;

export function maskPhonesInText(text: string): string {
  return text.replace(MOBILE_IN_TEXT, '$1****$2').replace(LANDLINE_IN_TEXT, '$1-****$2');
}

/** Keys whose values are personal data: removed wherever they appear in a log object. */
const REDACT = ['callerPhone', 'callerName', 'phone', 'name', 'question', 'answer', 'input'].flatMap((k) => [
  k,
  `*.${k}`,
]);

/**
 * The core's one logger: JSON lines to `file` (synchronous, so the last lines survive a crash),
 * or to stderr when `file` is null (tests, CLI).
 */
export function createLogger(file: string | null, level: pino.Level = 'info'): Logger {
  if (file) fs.mkdirSync(path.dirname(file), { recursive: true });
  const destination = file ? pino.destination({ dest: file, sync: true, mkdir: true }) : pino.destination(2);
  return pino(
    {
      level,
      redact: { paths: REDACT, censor: '[redacted]' },
      hooks: {
        logMethod(args, method) {
          method.apply(
            this,
            args.map((a) => (typeof a === 'string' ? maskPhonesInText(a) : a)) as Parameters<typeof method>,
          );
        },
      },
    },
    destination,
  );
}

/** A logger that drops everything: for tests that do not look at logs. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
