import type { Locator, Page } from 'playwright-core';

/** Case numbers as the seat prints them: `{seatCode}-{yyMMdd}-{nnnn}`. */
export const CASE_NO = /[A-Z][A-Z0-9]{1,7}-\d{6}-\d{4}/;

const byId = (page: Page, id: string) => page.getByTestId(id);

/** The dropdown antd opens for a Select / AutoComplete (rendered at the end of <body>). */
function openDropdownOption(page: Page, text: string): Locator {
  return page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text })
    .first();
}

/** The whole console around a page: navigation, status bar, error banner. */
export class SeatConsole {
  readonly intake: IntakeScreen;
  readonly cases: CasesScreen;
  /** Uncaught page errors and CSP violations seen so far: a working console has none. */
  readonly problems: string[] = [];

  constructor(readonly page: Page) {
    this.intake = new IntakeScreen(page);
    this.cases = new CasesScreen(page);
    page.on('pageerror', (err) => this.problems.push(`page error: ${err.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content[- ]Security[- ]Policy/i.test(message.text()))
        this.problems.push(message.text());
    });
  }

  /** Opens the console at the host's URL and waits until it is connected and showing the intake form. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await byId(this.page, 'intake-phone').waitFor({ state: 'visible' });
    await byId(this.page, 'status-seat').waitFor({ state: 'visible' });
  }

  async goToIntake(): Promise<void> {
    await byId(this.page, 'nav-intake').click();
    await byId(this.page, 'intake-phone').waitFor({ state: 'visible' });
  }

  async goToCases(): Promise<void> {
    await byId(this.page, 'nav-cases').click();
    await byId(this.page, 'cases-table').waitFor({ state: 'visible' });
  }

  errorBanner(): Locator {
    return byId(this.page, 'error-banner');
  }

  /** The unsynced-changes count the status bar shows. */
  async unsyncedCount(): Promise<number> {
    return Number(await byId(this.page, 'status-unsynced').getAttribute('data-count'));
  }

  /** Whether the status bar says the seat is online (it stays offline until sync exists). */
  async isOnline(): Promise<boolean> {
    return (await byId(this.page, 'status-online').getAttribute('data-online')) === 'true';
  }
}

/** 受理台: the fields an operator fills during a call, in that order. */
export class IntakeScreen {
  constructor(readonly page: Page) {}

  async newInquiry(): Promise<void> {
    await byId(this.page, 'intake-new').click();
  }

  async fillPhone(phone: string): Promise<void> {
    await byId(this.page, 'intake-phone').fill(phone);
    // Leaving the field is what makes the form judge the number.
    await byId(this.page, 'intake-phone').press('Tab');
  }

  async fillCallerName(name: string): Promise<void> {
    await byId(this.page, 'intake-caller-name').fill(name);
  }

  /** Types into the region picker's search and picks the hit whose path contains `pathText`. */
  async pickRegion(query: string, pathText: string): Promise<string> {
    const input = byId(this.page, 'intake-region');
    await input.click();
    await input.fill(query);
    const option = openDropdownOption(this.page, pathText);
    await option.waitFor({ state: 'visible' });
    const label = (await option.textContent()) ?? '';
    await option.click();
    return label;
  }

  async chooseCategory(label: string): Promise<void> {
    const input = byId(this.page, 'intake-category');
    await input.click();
    await input.fill(label);
    await openDropdownOption(this.page, label).click();
    await this.page.keyboard.press('Escape');
  }

  async fillSubject(subject: string): Promise<void> {
    await byId(this.page, 'intake-subject').fill(subject);
    await this.page.keyboard.press('Escape');
  }

  async fillQuestion(text: string): Promise<void> {
    await byId(this.page, 'intake-question').fill(text);
  }

  async fillAnswer(text: string): Promise<void> {
    await byId(this.page, 'intake-answer').fill(text);
  }

  async save(): Promise<void> {
    await byId(this.page, 'intake-save').click();
  }

  /** Whether the keyboard cursor is in the phone field, where each new call starts. */
  phoneHasFocus(): Promise<boolean> {
    return byId(this.page, 'intake-phone').evaluate((el) => el === el.ownerDocument.activeElement);
  }

  /** Waits for the "saved" notice and returns the case number it shows. */
  async savedCaseNo(): Promise<string> {
    const notice = byId(this.page, 'intake-last-saved');
    await notice.waitFor({ state: 'visible' });
    const match = CASE_NO.exec((await notice.textContent()) ?? '');
    if (!match) throw new Error(`no case number in the saved notice: ${await notice.textContent()}`);
    return match[0];
  }

  /** The message under the phone field (role=alert), once the form has judged the number. */
  phoneProblem(): Locator {
    return this.page.locator('.ant-form-item', { has: byId(this.page, 'intake-phone') }).getByRole('alert');
  }

  repeatFlag(): Locator {
    return byId(this.page, 'caller-repeat-flag');
  }

  callerHistory(): Locator {
    return byId(this.page, 'caller-history');
  }

  /** Waits until the autosave says the draft is stored, so a restart cannot lose it. */
  async waitForDraftSaved(): Promise<void> {
    await byId(this.page, 'intake-draft-status')
      .filter({ hasText: /草稿已自动保存/ })
      .waitFor({ state: 'visible' });
  }

  value(testId: 'intake-phone' | 'intake-caller-name' | 'intake-question' | 'intake-answer'): Promise<string> {
    return byId(this.page, testId).inputValue();
  }
}

/** 工单: the case list with its search box. */
export class CasesScreen {
  constructor(readonly page: Page) {}

  /** Types a search and submits it at once (Enter) instead of waiting for the pause. */
  async search(text: string): Promise<void> {
    // antd's Input.Search may put the test id on its wrapper rather than on the <input> itself.
    const box = this.page.locator('input[data-testid="cases-search"], [data-testid="cases-search"] input').first();
    await box.fill(text);
    await box.press('Enter');
  }

  rows(): Locator {
    return byId(this.page, 'cases-table').locator('.ant-table-row');
  }

  row(text: string): Locator {
    return this.rows().filter({ hasText: text });
  }

  /** The total the list reports ("共 N 条…"). */
  async total(): Promise<number> {
    const text = (await byId(this.page, 'cases-total').textContent()) ?? '';
    const match = /共\s*(\d+)\s*条/.exec(text);
    if (!match) throw new Error(`no total in "${text}"`);
    return Number(match[1]);
  }
  /** Switches 检索范围 to 全部历史（服务器）, without searching yet. */
  async openServerSearch(): Promise<void> {
    await this.page.locator('.ant-segmented-item', { hasText: '全部历史（服务器）' }).click();
    await byId(this.page, 'cases-server-search').waitFor({ state: 'visible' });
    // antd marks the item selected once its sliding highlight has arrived (a screenshot before shows it midway).
    await this.page.locator('.ant-segmented-item-selected', { hasText: '全部历史（服务器）' }).waitFor();
  }

  /** Switches 检索范围 to 全部历史（服务器） and searches there with Enter. */
  async searchServer(text: string): Promise<void> {
    await this.openServerSearch();
    const box = byId(this.page, 'cases-server-search');
    await box.fill(text);
    await box.press('Enter');
  }

  /** A row of the server's answer. */
  serverRow(text: string): Locator {
    return byId(this.page, 'cases-server-table').locator('.ant-table-row').filter({ hasText: text });
  }

  /** The line above the server's answer when no case holds every word (match: some). */
  serverSomeNotice(): Locator {
    return byId(this.page, 'cases-server-some');
  }

  /** "已显示 N 条…" next to the server search box. */
  async serverStatus(): Promise<string> {
    return (await byId(this.page, 'cases-server-status').textContent()) ?? '';
  }

  /** The notice shown when the server search cannot be used (offline, not logged in, failed). */
  serverNotice(): Locator {
    return byId(this.page, 'cases-server-error');
  }

  async backToLocal(): Promise<void> {
    await this.serverNotice().getByRole('button', { name: '改为检索本机工单' }).click();
    await byId(this.page, 'cases-table').waitFor({ state: 'visible' });
  }
}
