import { CliError } from './kbArgs';
import { runKbGenerate } from './kbGenerate';
import { runKbImport } from './kbImport';
import { runKbSearch } from './kbSearch';

/**
 * `npm run --silent cli -- <group> <command> …` — the project's command line (issue 4 §6). Results go
 * to stdout, messages to stderr; exit 0 on success, 2 on bad input.
 */
const USAGE = [
  '用法 (usage)：',
  '  kb import <articles.jsonl> --db <file>',
  '  kb search "<文字>" --db <file> [--limit N] [--json]',
  '  kb search --batch <queries.jsonl> --db <file> [--limit N]',
  '  kb generate --count N --out <file.jsonl> [--seed S]',
].join('\n');

async function run(argv: readonly string[]): Promise<number> {
  const [group, command, ...rest] = argv;
  if (group !== 'kb') throw new CliError(`未知命令 (unknown command)：${group ?? ''}\n${USAGE}`);
  switch (command) {
    case 'import':
      return runKbImport(rest, process.stdout);
    case 'search':
      return runKbSearch(rest, process.stdout);
    case 'generate':
      return runKbGenerate(rest, process.stdout);
    default:
      throw new CliError(`未知命令 (unknown command)：kb ${command ?? ''}\n${USAGE}`);
  }
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof CliError) {
      process.stderr.write(`${err.message}\n`);
      process.exitCode = err.exitCode;
      return;
    }
    process.stderr.write(
      `内部错误，请把以下信息告诉开发人员 (internal error):\n${err instanceof Error ? err.stack : String(err)}\n`,
    );
    process.exitCode = 1;
  },
);
