import { beforeEach, describe, expect, it, vi } from 'vitest';

const openExternal = vi.fn(async (_url: string) => undefined);
vi.mock('electron', () => ({ shell: { openExternal } }));

const { isSafeExternalUrl, openExternalSafe } = await import('../../../electron/main/app/openExternal');

beforeEach(() => openExternal.mockClear());

describe('openExternalSafe', () => {
  it('hands an https link to the system browser', async () => {
    expect(await openExternalSafe('https://www.moa.gov.cn/')).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://www.moa.gov.cn/');
  });

  it.each([
    ['plain http', 'http://example.com/'],
    ['a local file', 'file:///C:/Windows/System32/calc.exe'],
    ['javascript:', 'javascript:alert(1)'],
    ['a network share', 'smb://server/share'],
    ['a UNC-like path', '\\\\server\\share\\x.exe'],
    ['a custom scheme', 'ms-msdt:/id PCWDiagnostic'],
    ['a hidden real host', 'https://www.moa.gov.cn@evil.example/'],
    ['not a URL', 'open the pod bay doors'],
    ['empty', ''],
  ])('refuses %s and opens nothing', async (_name, url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
    expect(await openExternalSafe(url)).toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
  });
});
