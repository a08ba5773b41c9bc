// Whether out/ must be rebuilt before starting: shared by `npm start` and `npm run start:web`.
import fs from 'node:fs';
import path from 'node:path';

function newestMtime(target) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    // A listed source that does not exist (e.g. no lock file yet) cannot make the build stale.
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/** True when an output under `root` is missing or older than any of the source files or folders. */
export function buildIsStale(root, outputs, sources) {
  const files = outputs.map((file) => path.join(root, file));
  if (!files.every((file) => fs.existsSync(file))) return true;
  const builtAt = Math.min(...files.map((file) => fs.statSync(file).mtimeMs));
  return sources.some((source) => newestMtime(path.join(root, source)) > builtAt);
}
