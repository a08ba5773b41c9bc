import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, entryUrl, isTrustedUrl, originOf, trustedOrigins } from '../../../electron/main/app/origins';
import { isTrustedSender } from '../../../electron/main/ipc/senderCheck';

const packaged = trustedOrigins(true, undefined);
const fromSource = trustedOrigins(false, 'http://localhost:5173');

describe('IPC sender check', () => {
  it('trusts our own UI on app://hotline', () => {
    expect(isTrustedSender({ url: 'app://hotline/index.html' }, packaged)).toBe(true);
    expect(isTrustedSender({ url: 'app://hotline/index.html#/cases' }, packaged)).toBe(true);
  });

  it.each([
    ['a file:// page', 'file:///home/op/index.html'],
    ['a web page', 'https://evil.example/'],
    ['a look-alike host', 'app://hotline.evil/index.html'],
    ['another app:// host', 'app://other/index.html'],
    ['a user-info trick', 'https://app:hotline@evil.example/'],
    ['about:blank', 'about:blank'],
    ['an empty URL', ''],
  ])('refuses %s', (_name, url) => {
    expect(isTrustedSender({ url }, packaged)).toBe(false);
  });

  it('refuses a message whose frame is gone', () => {
    expect(isTrustedSender(null, packaged)).toBe(false);
    expect(isTrustedSender(undefined, packaged)).toBe(false);
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(isTrustedSender(disposed, packaged)).toBe(false);
  });

  it('trusts the dev server only when running from source', () => {
    expect(isTrustedSender({ url: 'http://localhost:5173/' }, fromSource)).toBe(true);
    expect(isTrustedSender({ url: 'http://localhost:5174/' }, fromSource)).toBe(false);
    expect(trustedOrigins(true, 'http://localhost:5173')).toEqual(['app://hotline']);
  });
});

describe('origins and the entry page', () => {
  it('gives app://hotline a usable origin although URL.origin calls it "null"', () => {
    expect(new URL('app://hotline/index.html').origin).toBe('null');
    expect(originOf('app://hotline/index.html')).toBe('app://hotline');
    expect(originOf('not a url')).toBeNull();
  });

  it('loads app://hotline/index.html when packaged, even if a dev server URL is set', () => {
    expect(entryUrl(true, 'http://localhost:5173')).toBe(APP_ENTRY_URL);
    expect(entryUrl(false, undefined)).toBe('app://hotline/index.html');
    expect(entryUrl(false, 'http://localhost:5173')).toBe('http://localhost:5173');
  });

  it('treats navigation inside our origin as allowed and anything else as foreign', () => {
    expect(isTrustedUrl('app://hotline/index.html', packaged)).toBe(true);
    expect(isTrustedUrl('https://example.com/', packaged)).toBe(false);
  });
});
