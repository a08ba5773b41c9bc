import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes that survive a power cut at any instant: data reaches the disk before the name that points
 * to it, and the folder entry itself is flushed. Rural service points lose power often (DESIGN.md §5).
 */

export function fsyncDir(dir: string): void {
  // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Replaces `file` with `data` all at once: a reader sees the old content or the new, never a mix. */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const tmp = `${file}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  fsyncDir(path.dirname(file));
}

/** Moves a finished file into place under its final name, durably. */
export function renameDurable(from: string, to: string): void {
  fsyncFile(from);
  fs.renameSync(from, to);
  fsyncDir(path.dirname(to));
}

/** A SQLite file and the journal files that belong to it. */
export function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true });
}
