import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PHONE_PROBLEM_MESSAGES } from '../../shared/domain/phone';
import { launchForBuiltConsole, newSeatPage, screenshot } from './helpers/browser';
import { startHostProcess, type HostProcess } from './helpers/hostProcess';
import { KbPageScreen, KbSuggestionsPanel } from './helpers/kbScreens';
import { SeatConsole } from './helpers/seatConsole';

// Issue §9: an operator works the real UI in Debian Chromium against browser mode, on a temp seat.
const CALLER = { phone: '13904318888', name: '李淑芬' };
const VILLAGE = { query: '火石岭', path: '火石岭村委会' };
const QUESTION = '玉米叶片发黄，下部老叶先黄，叶尖枯焦，是缺什么肥？';
const ANSWER = '多为缺氮。每亩追施尿素 10 公斤左右，结合中耕培土；雨后注意排水。';

describe('browser mode: an operator takes calls in Chromium', () => {
  let browser: Browser;
  let dataDir: string;
  let host: HostProcess | null = null;
  let page: Page | null = null;
  let seats: SeatConsole[] = [];

  beforeAll(async () => {
    browser = await launchForBuiltConsole();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-e2e-'));
  });
  afterEach(async () => {
    const problems = seats.flatMap((seat) => seat.problems);
    seats = [];
    await page?.context().close();
    page = null;
    await host?.stop();
    host = null;
    fs.rmSync(dataDir, { recursive: true, force: true });
    expect(problems, 'page errors or CSP violations in the console').toEqual([]);
  });

  /** (Re)starts the host on this test's data dir and opens the console in a fresh browser context. */
  async function openSeat(): Promise<SeatConsole> {
    await page?.context().close();
    await host?.stop();
    host = await startHostProcess(dataDir);
    page = await newSeatPage(browser);
    const seat = new SeatConsole(page);
    seats.push(seat);
    await seat.open(host.url);
    return seat;
  }

  it('saves an inquiry typed in Chinese, finds it after a restart by a word of the question, and flags the repeat caller', async () => {
    let seat = await openSeat();
    await seat.intake.newInquiry();
    await seat.intake.fillPhone(CALLER.phone);
    await seat.intake.fillCallerName(CALLER.name);
    const regionLabel = await seat.intake.pickRegion(VILLAGE.query, VILLAGE.path);
    expect(regionLabel).toContain('九台区');
    await seat.intake.chooseCategory('种植业-粮食作物');
    await seat.intake.fillSubject('玉米');
    await seat.intake.fillQuestion(QUESTION);
    await seat.intake.fillAnswer(ANSWER);
    await screenshot(seat.page, '01-intake-filled');
    await seat.intake.save();
    const caseNo = await seat.intake.savedCaseNo();
    await expect.poll(() => seat.unsyncedCount()).toBe(1);
    expect(await seat.isOnline()).toBe(false);
    await screenshot(seat.page, '02-intake-saved');

    const firstPort = host?.port;
    seat = await openSeat();
    expect(host?.port).not.toBe(firstPort);

    await seat.goToCases();
    await seat.cases.search('发黄');
    await seat.cases.row(caseNo).waitFor({ state: 'visible' });
    await expect.poll(() => seat.cases.total()).toBe(1);
    expect(await seat.cases.row(caseNo).textContent()).toContain('火石岭村委会');
    await screenshot(seat.page, '03-cases-found-after-restart');

    // No server is set at this seat: 全部历史 says so as soon as it opens, before any search.
    await seat.cases.openServerSearch();
    await seat.cases.serverNotice().waitFor({ state: 'visible' });
    expect(await seat.cases.serverNotice().textContent()).toContain('离线：只能检索本机工单');
    await screenshot(seat.page, '12-cases-server-offline');
    await seat.cases.searchServer('发黄');
    await expect.poll(() => seat.cases.serverNotice().textContent()).toContain('只能检索本机工单');
    await seat.cases.backToLocal();

    await seat.goToIntake();
    await seat.intake.newInquiry();
    await seat.intake.fillPhone(CALLER.phone);
    const flag = seat.intake.repeatFlag();
    await flag.waitFor({ state: 'visible' });
    expect(await flag.textContent()).toContain(caseNo);
    expect(await seat.intake.callerHistory().textContent()).toContain(caseNo);
    await screenshot(seat.page, '04-repeat-caller');
  });

  it('refuses an invalid phone number with a clear message and saves nothing', async () => {
    const seat = await openSeat();
    await seat.intake.newInquiry();
    await seat.intake.fillPhone('1390431888');
    await seat.intake.chooseCategory('畜牧兽医');
    await seat.intake.fillQuestion('母猪产后不吃食，体温偏高，怎么处理？');
    await seat.intake.save();

    const problem = seat.intake.phoneProblem();
    await problem.waitFor({ state: 'visible' });
    expect(await problem.textContent()).toBe(PHONE_PROBLEM_MESSAGES.bad_length);
    await screenshot(seat.page, '05-invalid-phone');

    await seat.goToCases();
    await expect.poll(() => seat.cases.total()).toBe(0);
    expect(await seat.cases.rows().count()).toBe(0);
  });

  it('brings the unsaved form back after the host and the page restart', async () => {
    let seat = await openSeat();
    await seat.intake.newInquiry();
    await seat.intake.fillPhone(CALLER.phone);
    await seat.intake.fillQuestion(QUESTION);
    await seat.intake.waitForDraftSaved();

    seat = await openSeat();
    await expect.poll(() => seat.intake.value('intake-question')).toBe(QUESTION);
    expect(await seat.intake.value('intake-phone')).toBe(CALLER.phone);
    await screenshot(seat.page, '06-draft-restored');
  });

  it('takes a call from the keyboard: F2 starts at the phone field, Ctrl+S saves, Ctrl+Enter saves and starts the next', async () => {
    const seat = await openSeat();
    await seat.page.keyboard.press('F2');
    await expect.poll(() => seat.intake.phoneHasFocus()).toBe(true);
    await seat.page.keyboard.type('0431-85551234');
    await seat.intake.chooseCategory('惠农政策');
    await seat.intake.fillQuestion('今年玉米生产者补贴什么时候发放？');
    await seat.page.keyboard.press('Control+s');
    const first = await seat.intake.savedCaseNo();

    await seat.intake.fillPhone('13643110000');
    await seat.intake.chooseCategory('农机');
    await seat.intake.fillQuestion('插秧机补贴怎么申请？');
    await seat.page.keyboard.press('Control+Enter');
    await seat.page.getByTestId('intake-last-saved').filter({ hasNotText: first }).waitFor({ state: 'visible' });
    await expect.poll(() => seat.intake.phoneHasFocus()).toBe(true);
    expect(await seat.intake.value('intake-question')).toBe('');
    await screenshot(seat.page, '07-keyboard-save-and-new');

    await seat.goToCases();
    await expect.poll(() => seat.cases.total()).toBe(2);
  });

  it('suggests the right article while a dialect question is typed, inserts its answer and saves the case with it', async () => {
    const seat = await openSeat();
    const suggestions = new KbSuggestionsPanel(seat.page);
    await seat.intake.newInquiry();
    await seat.intake.fillPhone(CALLER.phone);
    await seat.intake.chooseCategory('植物保护-病虫害');
    await seat.page.getByTestId('intake-question').pressSequentially('苞米得了大斑病咋治？', { delay: 20 });
    await suggestions.waitForTop('玉米大斑病');
    expect(await suggestions.items().first().locator('mark').count()).toBeGreaterThan(0);
    await screenshot(seat.page, '09-kb-suggestions');

    await suggestions.insertPicked();
    expect(await seat.intake.value('intake-answer')).toContain('大斑病');
    await expect.poll(async () => (await suggestions.linked().textContent()) ?? '').toContain('玉米大斑病有什么症状');
    await screenshot(seat.page, '10-kb-answer-inserted');
    await seat.intake.save();
    await seat.intake.savedCaseNo();
    expect(await seat.intake.value('intake-answer')).toBe('');

    const kb = new KbPageScreen(seat.page);
    await kb.open();
    await expect.poll(async () => (await kb.status().textContent()) ?? '').toContain('本机知识库');
    expect(await kb.status().textContent()).toContain('离线：仅检索本地知识库');
    await kb.search('地豆晚疫病');
    const article = await kb.openResult('马铃薯晚疫病');
    expect(await article.textContent()).toContain('有效期');
    await screenshot(seat.page, '11-kb-article');
  });

  it('shows a Chinese explanation instead of the console when the token is missing', async () => {
    host = await startHostProcess(dataDir);
    page = await newSeatPage(browser);
    const response = await page.goto(`http://127.0.0.1:${host.port}/`);
    expect(response?.status()).toBe(401);
    expect(await page.textContent('body')).toContain('访问令牌');
    await screenshot(page, '08-no-token');
  });
});
