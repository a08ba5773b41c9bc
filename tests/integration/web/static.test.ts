import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INDEX_HTML, rawRequest, SECRET_OUTSIDE, startHostFixture, type HostFixture } from './webHostFixture';

describe('browser-mode host: the page and its files', () => {
  let fx: HostFixture;
  beforeEach(async () => {
    fx = await startHostFixture();
  });
  afterEach(async () => {
    await fx.dispose();
  });

  it('prints a loopback URL with a long random token', () => {
    expect(fx.host.url).toBe(`http://127.0.0.1:${fx.host.port}/?token=${fx.host.token}`);
    expect(fx.host.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('serves the console page only with the launch token', async () => {
    const ok = await rawRequest(fx.host.port, `/?token=${fx.host.token}`);
    expect(ok.status).toBe(200);
    expect(ok.body).toBe(INDEX_HTML);
    expect(ok.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(ok.headers['cache-control']).toBe('no-store');

    for (const path of ['/', '/index.html', '/?token=', `/?token=${fx.host.token.slice(1)}x`]) {
      const refused = await rawRequest(fx.host.port, path);
      expect(refused.status, path).toBe(401);
      expect(refused.body).toContain('访问令牌');
      expect(refused.body).not.toContain('坐席台</body>');
    }
  });

  it('sends the strict CSP, allowing only its own socket', async () => {
    const res = await rawRequest(fx.host.port, `/?token=${fx.host.token}`);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${fx.host.port}`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('serves the bundles with their content type and answers HEAD without a body', async () => {
    const js = await rawRequest(fx.host.port, '/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.body).toContain('hotline');

    const head = await rawRequest(fx.host.port, '/assets/app.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(js.body)));
    expect(head.body).toBe('');
  });

  it('refuses every way out of the renderer folder', async () => {
    const escapes = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets%2f..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '//secret.txt',
      '/assets/app.js%00.html',
      '/%E0%A4%A',
    ];
    for (const path of escapes) {
      const res = await rawRequest(fx.host.port, path);
      expect(res.status, path).toBe(403);
      expect(res.body).not.toContain(SECRET_OUTSIDE);
    }
  });

  it('refuses writes, unknown files and foreign Host names', async () => {
    expect((await rawRequest(fx.host.port, '/assets/app.js', { method: 'POST' })).status).toBe(405);
    expect((await rawRequest(fx.host.port, '/assets/missing.js')).status).toBe(404);
    const rebound = await rawRequest(fx.host.port, `/?token=${fx.host.token}`, {
      host: `evil.example:${fx.host.port}`,
    });
    expect(rebound.status).toBe(403);
    expect(rebound.body).not.toContain('坐席台</body>');
  });
});
