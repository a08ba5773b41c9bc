import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/protocol/csp';
import { resolveRendererPath, serveRendererRequest } from '../../../electron/main/protocol/serveRendererFile';

let base: string;
let rendererDir: string;

beforeEach(() => {
  // out/renderer next to a secret the page must never be able to read.
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'app-protocol-'));
  rendererDir = path.join(base, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>坐席台</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(base, 'seat.db'), 'SECRET');
});

afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => serveRendererRequest({ method, url }, rendererDir);

describe('app:// protocol handler', () => {
  it('serves a built file with its type and the strict CSP header', async () => {
    const res = await get('app://hotline/assets/app.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('console.log(1)');
  });

  it('serves index.html for the bare origin and ignores query and fragment', async () => {
    expect(await (await get('app://hotline/')).text()).toContain('坐席台');
    expect(await (await get('app://hotline/index.html?x=1#/cases')).text()).toContain('坐席台');
  });

  it('has a CSP that forbids network access, plugins, framing and foreign scripts', () => {
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "connect-src 'none'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ]) {
      expect(CONTENT_SECURITY_POLICY).toContain(directive);
    }
  });

  it('answers HEAD with headers and no body', async () => {
    const res = await get('app://hotline/index.html', 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(fs.statSync(path.join(rendererDir, 'index.html')).size));
    expect(await res.text()).toBe('');
  });

  it('refuses every method but GET and HEAD with 405', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      const res = await get('app://hotline/index.html', method);
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, HEAD');
    }
  });

  it('answers 404 for a file that was not built', async () => {
    expect((await get('app://hotline/missing.js')).status).toBe(404);
    expect((await get('app://hotline/assets')).status).toBe(404);
  });

  it.each([
    ['dot-dot', 'app://hotline/../seat.db'],
    ['dot-dot inside a path', 'app://hotline/assets/../../seat.db'],
    ['encoded dot-dot', 'app://hotline/%2e%2e/seat.db'],
    ['mixed-case encoded dot-dot', 'app://hotline/assets/%2E%2e/%2e%2E/seat.db'],
    ['encoded slash', 'app://hotline/..%2fseat.db'],
    ['backslash', 'app://hotline/..\\seat.db'],
    ['encoded backslash', 'app://hotline/..%5cseat.db'],
    ['absolute path', 'app://hotline//etc/passwd'],
    ['encoded absolute path', 'app://hotline/%2fetc%2fpasswd'],
    ['drive letter', 'app://hotline/C:/Windows/win.ini'],
    ['NUL byte', 'app://hotline/index.html%00.js'],
    ['raw NUL byte', 'app://hotline/index.html\u0000.js'],
    ['broken escape', 'app://hotline/%E0%A4%A'],
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'file:///etc/passwd'],
  ])('refuses a path escape (%s) without reading anything outside out/renderer', async (_name, url) => {
    expect(resolveRendererPath(url, rendererDir)).toBeNull();
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('SECRET');
  });

  it('resolves only to paths inside the renderer folder', () => {
    expect(resolveRendererPath('app://hotline/assets/app.js', rendererDir)).toBe(
      path.join(rendererDir, 'assets', 'app.js'),
    );
    expect(resolveRendererPath('app://hotline/%E5%9D%90.js', rendererDir)).toBe(path.join(rendererDir, '坐.js'));
  });
});
