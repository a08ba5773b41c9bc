import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { sourceResourcesDir } from '../../electron/core/paths';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'saveLoop.ts');
const ROUNDS = 6;

let dataDir: string;
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** Seeded, so a failing run can be replayed with the same kill points. */
function seededRandom(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

type Saved = { id: string; caseNo: string };

/**
 * Runs the child until it has reported `killAfter` saves, then SIGKILLs it at once — while it is
 * in the middle of its next save — and returns what it reported.
 */
function runAndKill(killAfter: number): Promise<Saved[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir], {
      cwd: sourceResourcesDir(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const saved: Saved[] = [];
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const [word, id, caseNo] = line.split(' ');
      if (word !== 'saved' || !id || !caseNo) return;
      saved.push({ id, caseNo });
      if (saved.length === killAfter) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(saved);
      else reject(new Error(`child exited on its own (${String(_code)}): ${stderr}`));
    });
  });
}

describe('durability under kill -9', () => {
  it('keeps every save the seat reported, exactly once, with gap-free outbox ids', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seat-durability-'));
    const random = seededRandom(Number(process.env.DURABILITY_SEED ?? 20261128));
    const reported: Saved[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      reported.push(...(await runAndKill(1 + Math.floor(random() * 40))));
    }

    // Opened read-write, as the restarted seat would: recovery of the killed writer's WAL is part of what is tested.
    const db = new Database(path.join(dataDir, 'seat.db'));
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const byId = db.prepare<[string], { case_no: string }>('SELECT case_no FROM inquiry WHERE id = ?');
      for (const save of reported) expect(byId.all(save.id)).toEqual([{ case_no: save.caseNo }]);

      const inquiries = (db.prepare('SELECT count(*) AS n FROM inquiry').get() as { n: number }).n;
      // A save may commit in the instant between its commit and its line: at most one per kill.
      expect(inquiries).toBeGreaterThanOrEqual(reported.length);
      expect(inquiries).toBeLessThanOrEqual(reported.length + ROUNDS);

      const ids = db.prepare<[], number>('SELECT mutation_id FROM outbox ORDER BY mutation_id').pluck().all();
      expect(ids).toEqual(Array.from({ length: inquiries }, (_, i) => i + 1));
      const orphans = db
        .prepare(
          `SELECT count(*) AS n FROM inquiry i WHERE
             (SELECT count(*) FROM outbox o WHERE o.entity_id = i.id) != 1 OR
             (SELECT count(*) FROM inquiry_event e WHERE e.inquiry_id = i.id AND e.type = 'created') != 1`,
        )
        .get() as { n: number };
      expect(orphans.n).toBe(0);
      const caseNos = db.prepare<[], string>('SELECT case_no FROM inquiry').pluck().all();
      expect(new Set(caseNos).size).toBe(caseNos.length);
    } finally {
      db.close();
    }
  }, 60_000);
});
