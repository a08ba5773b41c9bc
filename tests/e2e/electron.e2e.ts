import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * The Electron executable as node_modules/electron/index.js locates it, without requiring that
 * module (it would try to download a missing binary). Same rule as scripts/start.mjs.
 */
function electronBinary(): string | null {
  const electronDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = path.join(electronDir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) return path.join(override, relative || 'electron');
  if (!relative) return null;
  const binary = path.join(electronDir, 'dist', relative);
  return fs.existsSync(binary) ? binary : null;
}

const preloadDir = path.join(root, 'out', 'preload');
const built = fs.existsSync(path.join(root, 'out', 'main', 'index.js')) && fs.existsSync(preloadDir);

// Runs wherever `npm run build` ran, binary or not: a sandboxed preload can only be one CommonJS file.
describe.skipIf(!built)('the built preload', () => {
  it('is a single CommonJS file that loads nothing but electron', () => {
    expect(fs.readdirSync(preloadDir)).toEqual(['index.cjs']);
    const code = fs.readFileSync(path.join(preloadDir, 'index.cjs'), 'utf8');
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect([...code.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1])).toEqual(['electron']);
  });
});

const binary = electronBinary();
const skipReason = !binary
  ? 'the Electron binary is not installed (node_modules/electron has no dist/; it cannot be downloaded on this machine)'
  : !built
    ? 'the app is not built (run npm run build first)'
    : null;
if (skipReason) console.log(`electron e2e skipped: ${skipReason}`);

describe.skipIf(skipReason !== null)('the Electron console', () => {
  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seat-electron-e2e-'));
    const { ELECTRON_RUN_AS_NODE: _runAsNode, ...env } = process.env;
    app = await _electron.launch({
      executablePath: binary ?? '',
      args: [root],
      cwd: root,
      env: { ...env, HOTLINE_DATA_DIR: dataDir },
      timeout: 60_000,
    });
    page = await app.firstWindow();
    await page.getByTestId('status-bar').waitFor({ timeout: 60_000 });
  });

  afterAll(async () => {
    await app?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens one window showing app://hotline', async () => {
    expect(page.url()).toBe('app://hotline/index.html');
    const windows = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().map((w) => w.webContents.getURL()),
    );
    expect(windows).toEqual(['app://hotline/index.html']);
  });

  it('serves the page with a CSP that keeps the page itself off the network', async () => {
    const csp = await app.evaluate(async ({ net }) =>
      (await net.fetch('app://hotline/index.html')).headers.get('content-security-policy'),
    );
    expect(csp).toContain("connect-src 'none'");
    const pageFetch = await page.evaluate(() =>
      fetch('app://hotline/index.html').then(
        () => 'allowed',
        () => 'blocked',
      ),
    );
    expect(pageFetch).toBe('blocked');
  });

  it('gives the page window.hotline and no Node', async () => {
    const globals = await page.evaluate(() => {
      const g = globalThis as unknown as Record<string, unknown>;
      const hotline = g.hotline as Record<string, unknown> | undefined;
      return {
        hotline: typeof hotline,
        inquiry: typeof hotline?.inquiry,
        require: typeof g.require,
        process: typeof g.process,
        module: typeof g.module,
      };
    });
    expect(globals).toEqual({
      hotline: 'object',
      inquiry: 'object',
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
    });
  });

  it('saves an inquiry typed into the intake form', async () => {
    const question = '玉米叶片发黄卷曲，是什么病？';
    await page.getByTestId('nav-intake').click();
    await page.getByTestId('intake-phone').fill('13943112345');
    await page.getByTestId('intake-category').click();
    await page.getByTestId('intake-category').fill('种植业-粮食作物');
    await page.keyboard.press('Enter');
    await page.getByTestId('intake-question').fill(question);
    await page.getByTestId('intake-answer').fill('多为缺氮或大斑病，请拍照发给专家确认。');
    await page.getByTestId('intake-save').click();

    await page.getByTestId('nav-cases').click();
    await expect(
      page.getByTestId('cases-table').getByText(question).waitFor({ timeout: 15_000 }),
    ).resolves.toBeUndefined();
    expect(fs.existsSync(path.join(dataDir, 'seat.db'))).toBe(true);
  });
});
