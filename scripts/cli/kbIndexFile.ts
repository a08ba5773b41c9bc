import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { KbArticle } from '../../shared/domain/kb';
import { loadKbAnalyzer } from '../../shared/node/kb/analyzer';
import { KbIndex } from '../../shared/node/kb/kbIndex';
import { CliError } from './kbArgs';

/** The repository's `data` directory: the analyzer's dictionary and synonyms. */
const DATA_DIR = fileURLToPath(new URL('../../data', import.meta.url));

export function openKbFile(file: string, mode: 'create' | 'existing'): KbIndex {
  if (mode === 'existing' && !fs.existsSync(file)) {
    throw new CliError(
      `找不到知识库文件“${file}”，请先用 kb import 导入 (no KB file at ${file}; run kb import first)。`,
    );
  }
  try {
    return KbIndex.open(file, loadKbAnalyzer(DATA_DIR), { readonly: mode === 'existing' });
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new CliError(`无法打开知识库文件“${file}”：${reason} (cannot open KB file ${file})。`);
  }
}

/** Builds a new KB file from `articles` with the repository's analyzer, segmenting in worker threads. */
export function buildKbFile(
  file: string,
  articles: Iterable<KbArticle>,
  onProgress: (indexed: number) => void,
): Promise<number> {
  return KbIndex.build(file, loadKbAnalyzer(DATA_DIR), articles, { dataDir: DATA_DIR, onProgress });
}
