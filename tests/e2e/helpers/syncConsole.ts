import type { Locator, Page } from 'playwright-core';

const byId = (page: Page, id: string) => page.getByTestId(id);

/** The sync and account parts of the console: login, the status bar's sync facts, the 同步 page. */
export class SyncScreen {
  constructor(readonly page: Page) {}

  /** Waits until the seat has told the console its sync status (and so whether it needs a login). */
  async waitForStatus(): Promise<void> {
    await this.page.locator('[data-testid="status-online"][data-configured="true"]').waitFor({ state: 'visible' });
  }

  /**
   * Logs in, pressing Enter in the password field as operators do. The dialog opens by itself when
   * the seat needs a login; otherwise the status bar's 登录 link opens it.
   */
  async login(username: string, password: string): Promise<void> {
    await this.fillLogin(username, password);
    await this.submitLogin();
  }

  async fillLogin(username: string, password: string): Promise<void> {
    await this.waitForStatus();
    if (!(await byId(this.page, 'login-form').isVisible())) await byId(this.page, 'status-login').click();
    await byId(this.page, 'login-username').fill(username);
    await byId(this.page, 'login-password').fill(password);
  }

  async submitLogin(): Promise<void> {
    await byId(this.page, 'login-password').press('Enter');
    await byId(this.page, 'status-user').waitFor({ state: 'visible' });
  }

  user(): Locator {
    return byId(this.page, 'status-user');
  }

  async open(): Promise<void> {
    await this.page.keyboard.press('Alt+4');
    await byId(this.page, 'sync-panel').waitFor({ state: 'visible' });
  }

  /** Clicks 立即同步 and waits until the run is over (the button is enabled again). */
  async syncNow(): Promise<void> {
    const button = byId(this.page, 'sync-now');
    await button.click();
    await this.page.locator('[data-testid="sync-now"]:not([disabled])').waitFor({ state: 'visible' });
  }

  async unsynced(): Promise<number> {
    return Number(await byId(this.page, 'status-unsynced').getAttribute('data-count'));
  }

  async online(): Promise<boolean> {
    return (await byId(this.page, 'status-online').getAttribute('data-online')) === 'true';
  }

  lastError(): Locator {
    return byId(this.page, 'sync-last-error');
  }
}
