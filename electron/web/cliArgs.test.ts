import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cliArgs';

describe('browser-mode host command line', () => {
  it('defaults to a random port and the default data dir', () => {
    expect(parseCliArgs([])).toEqual({ ok: true, args: { port: 0, dataDir: null } });
  });

  it('takes --port and --data-dir in both spellings', () => {
    expect(parseCliArgs(['--port', '8316', '--data-dir', '/tmp/seat'])).toEqual({
      ok: true,
      args: { port: 8316, dataDir: '/tmp/seat' },
    });
    expect(parseCliArgs(['--port=8316', '--data-dir=/tmp/seat'])).toEqual({
      ok: true,
      args: { port: 8316, dataDir: '/tmp/seat' },
    });
  });

  it('explains a bad port or an unknown option in Chinese, with the usage', () => {
    for (const argv of [['--port', 'abc'], ['--port', '70000'], ['--port', '-1'], ['--open'], ['extra']]) {
      const parsed = parseCliArgs(argv);
      expect(parsed.ok, argv.join(' ')).toBe(false);
      if (!parsed.ok) expect(parsed.message).toContain('用法：npm run start:web');
    }
  });
});
