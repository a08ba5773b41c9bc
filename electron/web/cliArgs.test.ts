import { describe, expect, it } from 'vitest';
import { initialSettingsPatch as settingsFromCli } from '../core/settings/initialSettings';
import { type CliArgs, parseCliArgs, seatDataDir } from './cliArgs';

describe('browser-mode host command line', () => {
  it('defaults to a random port and the default data dir', () => {
    expect(parseCliArgs([])).toEqual({ ok: true, args: { port: 0, dataDir: null, seat: null, server: null } });
  });

  it('takes --port and --data-dir in both spellings', () => {
    expect(parseCliArgs(['--port', '8316', '--data-dir', '/tmp/seat'])).toEqual({
      ok: true,
      args: { port: 8316, dataDir: '/tmp/seat', seat: null, server: null },
    });
    expect(parseCliArgs(['--port=8316', '--data-dir=/tmp/seat'])).toEqual({
      ok: true,
      args: { port: 8316, dataDir: '/tmp/seat', seat: null, server: null },
    });
  });

  it('explains a bad port or an unknown option in Chinese, with the usage', () => {
    for (const argv of [['--port', 'abc'], ['--port', '70000'], ['--port', '-1'], ['--open'], ['extra']]) {
      const parsed = parseCliArgs(argv);
      expect(parsed.ok, argv.join(' ')).toBe(false);
      if (!parsed.ok) expect(parsed.message).toContain('用法：npm run start:web');
    }
  });

  it('takes a seat code and a server address, and the server from HOTLINE_SERVER_URL', () => {
    expect(parseCliArgs(['--seat', 's02', '--server', 'http://127.0.0.1:8316/'])).toEqual({
      ok: true,
      args: { port: 0, dataDir: null, seat: 'S02', server: 'http://127.0.0.1:8316' },
    });
    const fromEnv = parseCliArgs([], { HOTLINE_SERVER_URL: 'https://12316.jl.gov.cn' });
    expect(fromEnv.ok && fromEnv.args.server).toBe('https://12316.jl.gov.cn');
    const flagWins = parseCliArgs(['--server', 'http://localhost:9000'], { HOTLINE_SERVER_URL: 'https://a.example' });
    expect(flagWins.ok && flagWins.args.server).toBe('http://localhost:9000');
  });

  it('refuses a malformed seat code or a plain-http server elsewhere, in Chinese', () => {
    for (const argv of [
      ['--seat', '02'],
      ['--seat', 'TOOLONGCODE'],
      ['--server', 'http://example.com'],
      ['--server', 'ftp://x'],
    ]) {
      const parsed = parseCliArgs(argv);
      expect(parsed.ok, argv.join(' ')).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(/坐席编号|服务器地址/);
    }
  });
});

describe('what the command line does to a seat', () => {
  const args = (over: Partial<CliArgs>): CliArgs => ({ port: 0, dataDir: null, seat: null, server: null, ...over });

  it('gives a named seat its own data folder unless one is given', () => {
    expect(seatDataDir(args({}), '/home/op/.config/12316-seat')).toBe('/home/op/.config/12316-seat');
    expect(seatDataDir(args({ seat: 'S02' }), '/home/op/.config/12316-seat')).toBe('/home/op/.config/12316-seat-S02');
    expect(seatDataDir(args({ seat: 'S02', dataDir: '/tmp/s2' }), '/x')).toBe('/tmp/s2');
  });

  it('sets the seat code on the first start only and the server only while none is set', () => {
    const both = args({ seat: 'S02', server: 'http://127.0.0.1:8316' });
    expect(settingsFromCli({}, both)).toEqual({ seatCode: 'S02', serverUrl: 'http://127.0.0.1:8316' });
    expect(settingsFromCli({ seatCode: 'S09', serverUrl: '' }, both)).toEqual({ serverUrl: 'http://127.0.0.1:8316' });
    expect(settingsFromCli({ seatCode: 'S09', serverUrl: 'https://center.example' }, both)).toBeNull();
    expect(settingsFromCli({}, args({}))).toBeNull();
  });
});
