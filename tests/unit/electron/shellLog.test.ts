import { describe, expect, it, vi } from 'vitest';

vi.mock('electron-log/node', () => ({ default: {} }));
const { maskForLog, shellLogFile } = await import('../../../electron/main/app/shellLog');

describe('shell log', () => {
  it("masks farmers' phone numbers in messages, errors and objects", () => {
    expect(maskForLog('caller 13912345678 rang')).toBe('caller 139****5678 rang');
    expect(maskForLog(new Error('lookup of 0431-84561234 failed'))).toContain('0431-****1234');
    expect(maskForLog({ nested: { phone: '13812345678' } })).not.toContain('13812345678');
  });

  it('writes to logs/shell.log in the data folder', () => {
    expect(shellLogFile('/data/12316-seat').replaceAll('\\', '/')).toBe('/data/12316-seat/logs/shell.log');
  });
});
