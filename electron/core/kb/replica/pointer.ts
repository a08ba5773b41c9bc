import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './durableFiles';

/**
 * `<dataDir>/kb/active.json` names the KB file the seat searches. Swapping in a new snapshot is one
 * atomic rewrite of this file, so after any crash the seat opens either the old KB or the new one.
 */
export const ActivePointer = z.strictObject({
  /** A file name inside `<dataDir>/kb/`, never a path. */
  file: z.string().regex(/^(bundled-[0-9a-f]{16}|snap-[0-9a-f]{64}-[0-9a-f]{8})\.db$/),
  source: z.enum(['bundled', 'server']),
  snapshotId: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
});
export type ActivePointer = z.infer<typeof ActivePointer>;

export const POINTER_FILE = 'active.json';

/** The pointer, or null when there is none yet or it cannot be trusted (then the bundled KB is rebuilt). */
export function readPointer(kbDir: string): ActivePointer | null {
  let text: string;
  try {
    text = fs.readFileSync(path.join(kbDir, POINTER_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  try {
    const parsed = ActivePointer.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    // The pointer is written via rename, so garbage here means outside damage: start again from the bundled KB.
    return null;
  }
}

export function writePointer(kbDir: string, pointer: ActivePointer): void {
  writeFileAtomic(path.join(kbDir, POINTER_FILE), JSON.stringify(ActivePointer.parse(pointer)));
}
