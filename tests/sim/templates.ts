import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore as openServerStore } from '../../server/store/openStore';
import { openStore as openSeatStore } from '../../electron/core/db/open';
import { shippedMigrations } from '../../electron/core/db/tempStore';
import { silentLogger } from '../../electron/core/log/logger';

/**
 * Freshly migrated seat and server databases, made once per process and copied for every run: a
 * migration per seat per run would take most of the simulator's time. A seat's client id and install
 * nonce are created on first use, after the copy, so every seat is still its own device; the server
 * epoch is shared by all copies, which no run can notice (each run has one server).
 */
let dir: string | null = null;
let seatTemplate: string | null = null;
let serverTemplate: Promise<string> | null = null;

function templateDir(): string {
  dir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'sync-sim-templates-'));
  return dir;
}

/** Called once the test file is done with the simulator. */
export function removeTemplates(): void {
  if (dir !== null) fs.rmSync(dir, { recursive: true, force: true });
  dir = null;
  seatTemplate = null;
  serverTemplate = null;
}

export function copySeatTemplate(target: string): void {
  if (seatTemplate === null) {
    const file = path.join(templateDir(), 'seat.db');
    openSeatStore(file, shippedMigrations(), silentLogger()).close();
    seatTemplate = file;
  }
  fs.copyFileSync(seatTemplate, target);
}

export async function copyServerTemplate(target: string): Promise<void> {
  serverTemplate ??= (async () => {
    const file = path.join(templateDir(), 'server.db');
    await (await openServerStore({ sqliteFile: file })).close();
    return file;
  })();
  fs.copyFileSync(await serverTemplate, target);
}
