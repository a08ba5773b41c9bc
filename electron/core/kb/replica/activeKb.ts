import fs from 'node:fs';
import path from 'node:path';
import { type KbAnalyzer } from '../../../../shared/node/kb/analyzer';
import { KbIndex } from '../../../../shared/node/kb/kbIndex';
import type { Logger } from '../../log/logger';
import { bundledArticlesFile, bundledFileName, buildBundledKb } from './bundledKb';
import { readPointer, writePointer, type ActivePointer } from './pointer';

export type ActiveKb = { index: KbIndex; pointer: ActivePointer };

export type ActiveKbOptions = { kbDir: string; resourcesDir: string; analyzer: KbAnalyzer; log: Logger };

/**
 * Opens the KB the pointer names; on first start (or when that file is gone or unreadable) builds the
 * bundled demo KB and points at it. Leftover files of earlier KBs are removed afterwards.
 */
export function openActiveKb(opts: ActiveKbOptions): ActiveKb {
  fs.mkdirSync(opts.kbDir, { recursive: true });
  const pointer = readPointer(opts.kbDir);
  const opened = pointer && tryOpen(opts, pointer);
  const active = opened ?? openBundled(opts);
  removeUnreferencedFiles(opts.kbDir, active.pointer.file);
  return active;
}

function tryOpen(opts: ActiveKbOptions, pointer: ActivePointer): ActiveKb | null {
  const file = path.join(opts.kbDir, pointer.file);
  if (!fs.existsSync(file)) {
    opts.log.warn({ file: pointer.file }, 'active KB file missing: rebuilding the bundled KB');
    return null;
  }
  try {
    const index = KbIndex.open(file, opts.analyzer);
    if (pointer.source === 'bundled' || index.analyzerVersion === opts.analyzer.version) return { index, pointer };
    // A server snapshot indexed by another analyzer still answers most searches; the replica replaces it.
    opts.log.warn(
      { fileAnalyzer: index.analyzerVersion, seatAnalyzer: opts.analyzer.version },
      'active KB was indexed by another analyzer version: kept until a matching snapshot arrives',
    );
    return { index, pointer };
  } catch (err) {
    opts.log.error(
      { err: err instanceof Error ? err.message : String(err), file: pointer.file },
      'active KB unreadable',
    );
    return null;
  }
}

function openBundled(opts: ActiveKbOptions): ActiveKb {
  const source = bundledArticlesFile(opts.resourcesDir);
  const jsonl = fs.readFileSync(source);
  const name = bundledFileName(jsonl, opts.analyzer);
  const file = path.join(opts.kbDir, name);
  if (!fs.existsSync(file)) {
    const started = Date.now();
    buildBundledKb(opts.kbDir, name, jsonl, opts.analyzer, fs.statSync(source).mtime.toISOString());
    opts.log.info({ file: name, ms: Date.now() - started }, 'bundled KB built');
  }
  const pointer: ActivePointer = { file: name, source: 'bundled', snapshotId: null };
  writePointer(opts.kbDir, pointer);
  return { index: KbIndex.open(file, opts.analyzer), pointer };
}

const KB_FILE = /^((?:bundled|snap)-[0-9a-f-]+\.db)(\.tmp)?(-wal|-shm|-journal)?$/;

/** KB files no pointer names any more (replaced snapshots, half-built bundled files) take disk space only. */
export function removeUnreferencedFiles(kbDir: string, activeFile: string): void {
  for (const name of fs.readdirSync(kbDir)) {
    const m = KB_FILE.exec(name);
    if (!m || (m[1] === activeFile && m[2] === undefined)) continue;
    fs.rmSync(path.join(kbDir, name), { force: true });
  }
}
