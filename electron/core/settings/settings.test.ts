import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/domain/settings';
import { createLogger, silentLogger } from '../log/logger';
import { openConfBackend } from './confBackend';
import { createSettingsService } from './settingsService';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function dataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'settings-'));
  dirs.push(dir);
  return dir;
}

const settingsFile = (dir: string) => path.join(dir, 'settings.json');
const readFile = (dir: string): Record<string, unknown> => JSON.parse(fs.readFileSync(settingsFile(dir), 'utf8'));

/** A service whose log lines land in `<dir>/core.log`, so tests can see the warnings. */
function serviceWithLog(dir: string) {
  const logFile = path.join(dir, 'core.log');
  const service = createSettingsService(openConfBackend(dir), createLogger(logFile, 'warn'));
  const logLines = () =>
    fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').trim().split('\n').filter(Boolean) : [];
  return { service, logLines };
}

describe('settings service', () => {
  it('returns the defaults on a fresh seat and keeps the file at <dataDir>/settings.json', () => {
    const dir = dataDir();
    const service = createSettingsService(openConfBackend(dir), silentLogger());
    expect(service.get()).toEqual(DEFAULT_SETTINGS);
    expect(service.path).toBe(settingsFile(dir));
  });

  it('merges an update, persists it, and a new service on the same folder reads it back', () => {
    const dir = dataDir();
    const service = createSettingsService(openConfBackend(dir), silentLogger());
    const updated = service.update({ seatCode: 'S07', ui: { fontSize: 'large' } });
    expect(updated).toEqual({
      ...DEFAULT_SETTINGS,
      seatCode: 'S07',
      ui: { ...DEFAULT_SETTINGS.ui, fontSize: 'large' },
    });
    expect(readFile(dir)).toMatchObject({ seatCode: 'S07', ui: { fontSize: 'large', locale: 'zh-CN' } });

    const reopened = createSettingsService(openConfBackend(dir), silentLogger());
    expect(reopened.get()).toEqual(updated);
    expect(reopened.update({ operatorName: '李娜' }).seatCode).toBe('S07');
  });

  it('rejects an invalid patch with a Chinese message and changes nothing', () => {
    const dir = dataDir();
    const service = createSettingsService(openConfBackend(dir), silentLogger());
    service.update({ operatorName: '王芳' });
    expect(() => service.update({ seatCode: 'bad code' })).toThrow(/坐席编号/);
    expect(() => service.update({ serverUrl: 'http://example.com' })).toThrow(/https/);
    // The contract rejects this before the service sees it; a direct caller is checked too.
    const unknownLocale = { ui: { locale: 'fr' } } as unknown as Parameters<typeof service.update>[0];
    expect(() => service.update(unknownLocale)).toThrow();
    expect(service.get()).toEqual({ ...DEFAULT_SETTINGS, operatorName: '王芳' });
  });

  it('recovers a hand-damaged file field by field, keeping the good fields and logging a warning', () => {
    const dir = dataDir();
    fs.writeFileSync(
      settingsFile(dir),
      JSON.stringify({
        seatCode: 'S09',
        operatorName: 42,
        serverUrl: 'https://hotline.example.cn',
        ui: { locale: 'xx', fontSize: 'large' },
        windowState: { w: 1200 },
      }),
    );
    const { service, logLines } = serviceWithLog(dir);
    expect(service.get()).toEqual({
      seatCode: 'S09',
      operatorName: DEFAULT_SETTINGS.operatorName,
      serverUrl: 'https://hotline.example.cn',
      ui: { locale: 'zh-CN', fontSize: 'large', confirmLeave: true },
    });
    const warnings = logLines().map((line) => JSON.parse(line) as { field: string; msg: string });
    expect(warnings.map((w) => w.field).sort()).toEqual(['operatorName', 'ui.locale']);

    service.update({ operatorName: '赵静' });
    expect(readFile(dir)).toMatchObject({ operatorName: '赵静', ui: { locale: 'zh-CN' }, windowState: { w: 1200 } });
  });

  it('starts on defaults when the file is not JSON at all, keeping the broken file aside', () => {
    const dir = dataDir();
    fs.writeFileSync(settingsFile(dir), '{ "seatCode": "S02", ');
    const service = createSettingsService(openConfBackend(dir, silentLogger()), silentLogger());
    expect(service.get()).toEqual(DEFAULT_SETTINGS);
    expect(fs.readdirSync(dir).some((name) => name.startsWith('settings.json.damaged-'))).toBe(true);
    expect(service.update({ seatCode: 'S02' }).seatCode).toBe('S02');
  });

  it('keeps working when the file is broken while the seat runs', () => {
    const dir = dataDir();
    const { service, logLines } = serviceWithLog(dir);
    service.update({ seatCode: 'S03' });
    fs.writeFileSync(settingsFile(dir), 'not json');
    expect(service.get()).toEqual(DEFAULT_SETTINGS);
    expect(logLines()).toHaveLength(1);
  });
});
