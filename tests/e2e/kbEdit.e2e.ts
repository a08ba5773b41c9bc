import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchForBuiltConsole, newSeatPage, screenshot } from './helpers/browser';
import { startHostProcess, type HostProcess } from './helpers/hostProcess';
import { KbEditScreen } from './helpers/kbEditScreen';
import { animationsDone } from './helpers/kbScreens';
import { SeatConsole } from './helpers/seatConsole';
import { startServerProcess, type ServerProcess } from './helpers/serverProcess';
import { SyncScreen } from './helpers/syncConsole';

// Issue 4 §3 in Chromium: an expert writes and revises articles at a seat, the supervisor reviews
// what the revision changes and publishes it, against the central server as `npm run server` runs it.
const TITLE = '大棚黄瓜早晨叶片背面有白霉怎么办';
const ANSWER = '这是黄瓜霜霉病。清晨放风排湿，发病初期喷烯酰吗啉，7 天一次，连喷 2～3 次。';
const ADDED = '注意轮换用药。';

describe('browser mode: writing and reviewing articles', () => {
  let browser: Browser;
  let root: string;
  let server: ServerProcess | null = null;
  let host: HostProcess | null = null;
  let page: Page | null = null;
  let seat: SeatConsole | null = null;

  beforeAll(async () => {
    browser = await launchForBuiltConsole();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-kbedit-e2e-'));
    server = await startServerProcess(path.join(root, 'server.db'));
  });
  afterEach(async () => {
    const problems = seat?.problems ?? [];
    await page?.context().close();
    await host?.stop();
    await server?.stop();
    [page, host, server, seat] = [null, null, null, null];
    fs.rmSync(root, { recursive: true, force: true });
    expect(problems, 'page errors or CSP violations in the console').toEqual([]);
  });

  async function loginAs(sync: SyncScreen, username: string): Promise<void> {
    const password = server?.passwords.get(username);
    if (!password) throw new Error(`the server printed no password for ${username}`);
    if (await sync.page.getByTestId('status-logout').isVisible()) await sync.page.getByTestId('status-logout').click();
    await sync.login(username, password);
  }

  it('takes a revision from the expert through the supervisor’s review, showing what it changes', async () => {
    if (!server) throw new Error('no server');
    const dataDir = path.join(root, 'S01');
    fs.mkdirSync(dataDir);
    host = await startHostProcess(dataDir, ['--seat', 'S01', '--server', server.url]);
    page = await newSeatPage(browser);
    seat = new SeatConsole(page);
    await seat.open(host.url);
    const sync = new SyncScreen(page);
    const kb = new KbEditScreen(page);

    await loginAs(sync, 'expert');
    await kb.open();
    await page.getByTestId('kbedit-new').click();
    await animationsDone(kb.editor());
    await page.getByTestId('kbedit-title').fill(TITLE);
    await page.keyboard.press('Control+s');
    await kb.editor().getByText('答案不能为空').waitFor({ state: 'visible' });
    await screenshot(page, '40-kbedit-expert-new-draft');
    await page.getByTestId('kbedit-answer').fill(ANSWER);
    await kb.chooseCategory('植物保护-病虫害');
    await page.keyboard.press('Control+s');
    await kb.toast('草稿已保存');
    await kb.status('草稿');
    await page.getByTestId('kbedit-submit').click();
    await kb.status('待审核');
    await kb.closeEditor();

    await loginAs(sync, 'supervisor');
    await kb.open();
    await kb.openRow(TITLE);
    await page.getByTestId('kbedit-publish').click();
    await kb.confirm();
    await kb.toast('已发布为第 1 版');
    await kb.closeEditor();

    await loginAs(sync, 'expert');
    await kb.open();
    await kb.view('全部');
    await kb.search('黄瓜');
    await kb.openRow(TITLE);
    await page.getByTestId('kbedit-answer').fill(`${ANSWER}${ADDED}`);
    await kb.addRegion('九台', '长春市 / 九台区');
    // Esc right after a pick is the editor's (it asks before dropping the edits), not the closing list's.
    await page.keyboard.press('Escape');
    await page.getByTestId('kbedit-discard').waitFor({ state: 'visible', timeout: 2000 });
    await page.getByRole('button', { name: '继续编辑' }).click();
    await page.getByTestId('kbedit-discard').waitFor({ state: 'detached' });
    await page.getByTestId('kbedit-submit').click();
    await kb.toast('已提交审核');
    await kb.status('待审核');
    await kb.closeEditor();

    await loginAs(sync, 'supervisor');
    await kb.open();
    await screenshot(page, '41-kbedit-review-queue');
    await kb.openRow(TITLE);
    await expect.poll(() => kb.editor().locator('ins.diff-added').first().textContent()).toBe(ADDED);
    await kb.editor().getByText('+ 吉林省 / 长春市 / 九台区').waitFor({ state: 'visible' });
    await screenshot(page, '42-kbedit-review-diff');
    await page.getByTestId('kbedit-publish').click();
    await kb.confirm();
    await kb.toast('已发布为第 2 版');

    await kb.editor().getByRole('tab', { name: '历史版本' }).click();
    await page.getByTestId('kb-version-2').getByRole('button', { name: '查看改动' }).click();
    await expect.poll(() => page!.getByTestId('kb-version-2').locator('ins.diff-added').textContent()).toBe(ADDED);
    await screenshot(page, '43-kbedit-history-diff');
  });
});
