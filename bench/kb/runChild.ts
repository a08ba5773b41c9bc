import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import type { z } from 'zod';
import { type ChildSpec, RESULT_PREFIX } from './protocol';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const CHILD = path.join(import.meta.dirname, 'engineChild.ts');

/**
 * Heap allowed to one child. The in-memory peers need several GB at 10^6 articles; the cap keeps a
 * runaway peer from pushing a shared machine into the OOM killer (it dies with a heap error instead).
 */
export const HEAP_MB = 12_288;
/** One engine at one size may not hold the run longer than this. */
const CHILD_TIMEOUT_MS = 40 * 60_000;

export type ChildOutcome<T> = { ok: true; value: T } | { ok: false; reason: string };

/** The error's own message line and the last lines, not the whole stack. */
function summarize(stderr: readonly string[]): string {
  const lines = stderr.map((line) => line.trim()).filter((line) => line.length > 0 && !line.startsWith('at '));
  const message = lines.find((line) => /Error|error:/.test(line));
  return [...new Set([message, ...lines.slice(-2)].filter((line) => line !== undefined))].join(' | ');
}

/**
 * Runs one engine child (engineChild.ts) and reads its `RESULT` line, validated with `schema`.
 * A crash, a timeout or an out-of-memory death is an outcome, not an exception: the bench records it and goes on.
 */
export function runChild<S extends z.ZodType>(spec: ChildSpec, schema: S): Promise<ChildOutcome<z.output<S>>> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--expose-gc', `--max-old-space-size=${HEAP_MB}`, CHILD, JSON.stringify(spec)],
    { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let result: string | null = null;
  let timedOut = false;
  const errors: string[] = [];
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, CHILD_TIMEOUT_MS);
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    if (line.startsWith(RESULT_PREFIX)) result = line.slice(RESULT_PREFIX.length);
  });
  readline.createInterface({ input: child.stderr }).on('line', (line) => errors.push(line));
  return new Promise((resolve) => {
    child.once('error', (error) => resolve({ ok: false, reason: error.message }));
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) {
        resolve({ ok: false, reason: `${spec.mode} child stopped after ${CHILD_TIMEOUT_MS / 60_000} minutes` });
        return;
      }
      if (code !== 0 || result === null) {
        const why = summarize(errors);
        resolve({ ok: false, reason: `${spec.mode} child exited ${signal ?? code}${why ? `: ${why}` : ''}` });
        return;
      }
      const parsed = schema.safeParse(JSON.parse(result));
      resolve(parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: parsed.error.message });
    });
  });
}
