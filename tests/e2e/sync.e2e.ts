import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchForBuiltConsole, newSeatPage, screenshot } from './helpers/browser';
import { CaseDetailScreen } from './helpers/caseDetail';
import { startCuttableLink, type CuttableLink } from './helpers/cuttableLink';
import { startHostProcess, type HostProcess } from './helpers/hostProcess';
import { SeatConsole } from './helpers/seatConsole';
import { startServerProcess, type ServerProcess } from './helpers/serverProcess';
import { SyncScreen } from './helpers/syncConsole';

// Issue 3 §4: seats in Chromium (browser mode), each its own host process and data dir, and the
// central server as its own process on a temp SQLite file, as `npm run server` runs it.
const SYNC_TIMEOUT_MS = 30_000;

type Seat = { seat: SeatConsole; sync: SyncScreen; detail: CaseDetailScreen };

describe('sync between two seats through the central server', () => {
  let browser: Browser;
  let root: string;
  let server: ServerProcess | null = null;
  let passwords = new Map<string, string>();
  let hosts: HostProcess[] = [];
  let pages: Page[] = [];
  let consoles: SeatConsole[] = [];
  let links: CuttableLink[] = [];

  beforeAll(async () => {
    browser = await launchForBuiltConsole();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-sync-e2e-'));
    server = await startServerProcess(path.join(root, 'server.db'));
    passwords = server.passwords;
  });
  afterEach(async () => {
    const problems = consoles.flatMap((c) => c.problems);
    for (const page of pages) await page.context().close();
    for (const host of hosts) await host.stop();
    for (const link of links) await link.cut();
    await server?.stop();
    [hosts, pages, consoles, links, server] = [[], [], [], [], null];
    fs.rmSync(root, { recursive: true, force: true });
    expect(problems, 'page errors or CSP violations in the console').toEqual([]);
  });

  /** A seat with its own host process and data dir, pointed at the test server (or a relay to it), logged in. */
  async function openSeat(
    seatCode: string,
    username: string,
    { serverUrl, beforeLogin }: { serverUrl?: string; beforeLogin?: (page: Page) => Promise<unknown> } = {},
  ): Promise<Seat> {
    if (!server) throw new Error('no server');
    const dataDir = path.join(root, seatCode);
    fs.mkdirSync(dataDir);
    const host = await startHostProcess(dataDir, ['--seat', seatCode, '--server', serverUrl ?? server.url]);
    hosts.push(host);
    const page = await newSeatPage(browser);
    pages.push(page);
    const seat = new SeatConsole(page);
    consoles.push(seat);
    await seat.open(host.url);
    const sync = new SyncScreen(page);
    await sync.fillLogin(username, password(username));
    if (beforeLogin) await beforeLogin(page);
    await sync.submitLogin();
    return { seat, sync, detail: new CaseDetailScreen(page) };
  }

  function password(username: string): string {
    const found = passwords.get(username);
    if (!found) throw new Error(`the server printed no password for ${username}`);
    return found;
  }

  async function saveCase(at: Seat, question: string, answer: string): Promise<string> {
    await at.seat.goToIntake();
    await at.seat.intake.newInquiry();
    await at.seat.intake.fillPhone('13904317777');
    await at.seat.intake.chooseCategory('植物保护-病虫害');
    await at.seat.intake.fillQuestion(question);
    await at.seat.intake.fillAnswer(answer);
    await at.seat.intake.save();
    return at.seat.intake.savedCaseNo();
  }

  async function syncedAndOnline(at: Seat): Promise<void> {
    await expect.poll(() => at.sync.unsynced(), { timeout: SYNC_TIMEOUT_MS }).toBe(0);
    await expect.poll(() => at.sync.online(), { timeout: SYNC_TIMEOUT_MS }).toBe(true);
  }

  async function findCase(at: Seat, word: string, caseNo: string): Promise<void> {
    await at.seat.goToCases();
    await at.seat.cases.search(word);
    await at.seat.cases.row(caseNo).waitFor({ state: 'visible', timeout: SYNC_TIMEOUT_MS });
  }

  it('logs in, saves a case that syncs at once, and a second seat finds it after 立即同步', async () => {
    const s01 = await openSeat('S01', 'op-s01', { beforeLogin: (page) => screenshot(page, '19-sync-login-dialog') });
    expect(await s01.sync.user().textContent()).toContain('坐席一号（话务员）');
    await screenshot(s01.seat.page, '20-sync-s01-logged-in');

    const caseNo = await saveCase(s01, '大豆叶片出现黄色斑驳，叶子皱缩，是不是花叶病毒病？', '');
    expect(caseNo).toMatch(/^S01-/);
    await syncedAndOnline(s01);
    await screenshot(s01.seat.page, '21-sync-s01-saved-and-synced');
    await findCase(s01, '花叶病毒', caseNo);
    expect(await s01.seat.cases.row(caseNo).textContent()).not.toContain('未同步');

    const s02 = await openSeat('S02', 'supervisor');
    await s02.sync.open();
    await s02.sync.syncNow();
    expect(await s02.sync.online()).toBe(true);
    expect(await s02.sync.lastError().count()).toBe(0);
    await screenshot(s02.seat.page, '22-sync-s02-panel-after-sync-now');

    await findCase(s02, '花叶病毒', caseNo);
    await screenshot(s02.seat.page, '23-sync-s02-finds-the-s01-case');

    // 全部历史 at an online, logged-in seat: no notice up front, the server's own answer.
    await s02.seat.cases.openServerSearch();
    expect(await s02.seat.cases.serverNotice().count()).toBe(0);
    await s02.seat.cases.searchServer('花叶病毒');
    await s02.seat.cases.serverRow(caseNo).waitFor({ state: 'visible' });
    expect(await s02.seat.cases.serverSomeNotice().count()).toBe(0);
    // No case holds every word: the server offers those holding the most of them, and says so.
    await s02.seat.cases.searchServer('花叶病毒 拖拉机');
    await s02.seat.cases.serverSomeNotice().waitFor({ state: 'visible' });
    expect(await s02.seat.cases.serverSomeNotice().textContent()).toContain('没有同时包含全部关键词的工单');
    await s02.seat.cases.serverRow(caseNo).waitFor({ state: 'visible' });
    expect(await s02.seat.cases.serverStatus()).toBe('已显示 1 条');
    expect(await s02.seat.page.getByTestId('cases-server-more').count()).toBe(0);
    await screenshot(s02.seat.page, '28-sync-s02-server-search-some-words');
  });

  it('turns an offline edit of an answer another seat changed meanwhile into a conflict, merged and seen at both', async () => {
    const link = await startCuttableLink({ host: '127.0.0.1', port: server?.port ?? 0 });
    links.push(link);
    const s01 = await openSeat('S01', 'op-s01', { serverUrl: link.url });
    const caseNo = await saveCase(s01, '黄瓜叶片有黄色多角形病斑，背面有黑霉，怎么办？', '这是霜霉病，喷施烯酰吗啉。');
    await syncedAndOnline(s01);
    const s02 = await openSeat('S02', 'supervisor');
    await s02.sync.open();
    await s02.sync.syncNow();
    await findCase(s02, '霜霉', caseNo);
    await findCase(s01, '霜霉', caseNo);

    // S01 loses the network and changes the answer; S02, online, changes it first on the server.
    await link.cut();
    await s01.detail.open(caseNo);
    await s01.detail.saveAnswer(caseNo, '这是霜霉病，喷施烯酰吗啉；棚内注意通风降湿。');
    await expect.poll(() => s01.sync.unsynced()).toBe(1);
    await expect.poll(() => s01.sync.online(), { timeout: SYNC_TIMEOUT_MS }).toBe(false);
    await screenshot(s01.seat.page, '24-sync-s01-offline-with-a-pending-edit');
    await s02.detail.open(caseNo);
    await s02.detail.saveAnswer(caseNo, '这是霜霉病，喷施烯酰吗啉，七天一次，连喷两次。');
    await syncedAndOnline(s02);

    await link.restore();
    await s01.sync.open();
    await s01.sync.syncNow();
    const inbox = s01.seat.page.getByTestId('issue-inbox');
    const card = inbox.getByTestId('issue').filter({ hasText: caseNo });
    await card.waitFor({ state: 'visible', timeout: SYNC_TIMEOUT_MS });
    expect(await s01.seat.page.getByTestId('status-issues').getAttribute('data-count')).toBe('1');
    expect(await card.getByTestId('conflict-answer-mine').textContent()).toContain('棚内注意通风降湿');
    expect(await card.getByTestId('conflict-answer-theirs').textContent()).toContain('七天一次，连喷两次');
    await screenshot(s01.seat.page, '25-sync-conflict-in-the-inbox');

    await card.getByRole('button', { name: '合 并' }).click();
    const editor = s01.seat.page.getByTestId('merge-answer');
    expect(await editor.inputValue()).toBe(
      '这是霜霉病，喷施烯酰吗啉，七天一次，连喷两次。\n这是霜霉病，喷施烯酰吗啉；棚内注意通风降湿。',
    );
    const merged = '这是霜霉病，喷施烯酰吗啉，七天一次，连喷两次；棚内注意通风降湿。';
    await editor.fill(merged);
    await screenshot(s01.seat.page, '26-sync-merge-editor');
    await s01.seat.page.getByRole('button', { name: '保存合并结果' }).click();
    await inbox.getByText('没有需要处理的冲突或退回').waitFor({ state: 'visible', timeout: SYNC_TIMEOUT_MS });
    await s01.sync.syncNow();
    await syncedAndOnline(s01);

    await s02.sync.open();
    await s02.sync.syncNow();
    await findCase(s02, '霜霉', caseNo);
    await s02.detail.open(caseNo);
    expect(await s02.detail.answer()).toBe(merged);
    await screenshot(s02.seat.page, '27-sync-s02-sees-the-merged-answer');
  });
});
