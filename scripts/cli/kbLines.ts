import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { CliError } from './kbArgs';

const CHUNK = 1 << 20;

/**
 * The lines of a (possibly huge) jsonl file with their 1-based numbers, read synchronously in 1 MB
 * chunks so an import can run inside one SQLite transaction without holding the file in memory.
 * Blank lines are skipped.
 */
export function* readLines(file: string): Generator<{ line: number; text: string }> {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    const code = err instanceof Error && 'code' in err ? String(err.code) : String(err);
    throw new CliError(`无法打开文件“${file}”（${code}），请检查路径 (cannot open ${file}: ${code})。`);
  }
  try {
    const decoder = new StringDecoder('utf8');
    const buffer = Buffer.alloc(CHUNK);
    let rest = '';
    let line = 0;
    for (;;) {
      const n = fs.readSync(fd, buffer, 0, CHUNK, null);
      rest += n > 0 ? decoder.write(buffer.subarray(0, n)) : decoder.end();
      const parts = rest.split('\n');
      rest = n > 0 ? (parts.pop() ?? '') : '';
      for (const part of parts) {
        line++;
        const text = part.replace(/\r$/, '');
        if (text.trim()) yield { line, text };
      }
      if (n === 0) return;
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** JSON.parse with the line number in the error a person will read. */
export function parseJsonLine(file: string, line: number, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new CliError(`“${file}”第 ${line} 行不是有效的 JSON (line ${line} of ${file} is not valid JSON)。`);
  }
}
