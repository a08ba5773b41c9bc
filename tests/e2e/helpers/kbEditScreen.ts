import type { Locator, Page } from 'playwright-core';
import { animationsDone } from './kbScreens';

const byId = (page: Page, id: string) => page.getByTestId(id);

/** The 知识维护 page and its editor drawer, as an expert or supervisor works them. */
export class KbEditScreen {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.keyboard.press('Alt+6');
    await byId(this.page, 'kbedit-list').waitFor({ state: 'visible' });
  }

  async view(label: string): Promise<void> {
    await byId(this.page, 'kbedit-views').getByText(label, { exact: true }).click();
  }

  async search(text: string): Promise<void> {
    const box = this.page.locator('input[data-testid="kbedit-search"], [data-testid="kbedit-search"] input').first();
    await box.fill(text);
    await box.press('Enter');
  }

  row(title: string): Locator {
    return this.page.getByTestId('kbedit-row').filter({ hasText: title }).first();
  }

  editor(): Locator {
    return this.page.locator('.ant-drawer-content-wrapper').filter({ has: this.page.getByTestId('kbedit-editor') });
  }

  async openRow(title: string): Promise<void> {
    await this.row(title).click();
    await byId(this.page, 'kbedit-meta').waitFor({ state: 'visible' });
    await animationsDone(this.editor());
  }

  /**
   * Closes with the drawer's close button, not Esc: antd hands Esc only to the newest overlay, and the
   * 适用地区 list just closed can still be that overlay for a moment (a CI run lost an Esc that way).
   */
  async closeEditor(): Promise<void> {
    await this.editor().locator('.ant-drawer-close').click();
    await byId(this.page, 'kbedit-editor').waitFor({ state: 'detached' });
  }

  /** Adds a region to 适用地区 by typing its name and picking the hit whose path shows `pathText`. */
  async addRegion(query: string, pathText: string): Promise<void> {
    await byId(this.page, 'kbedit-regions').click();
    await this.page.keyboard.type(query);
    await this.page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: pathText })
      .first()
      .click();
    await this.page.keyboard.press('Tab');
  }

  async chooseCategory(label: string): Promise<void> {
    const select = byId(this.page, 'kbedit-category');
    await select.click();
    await this.page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: label })
      .first()
      .click();
  }

  async status(text: string): Promise<void> {
    await this.page.locator('[data-testid="kbedit-status"]', { hasText: text }).waitFor({ state: 'visible' });
  }

  /** Presses 确定 in the confirmation dialog and waits until it has closed and handed the focus back. */
  async confirm(): Promise<void> {
    const dialog = this.page.locator('.ant-modal-confirm');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** Waits for the toast a finished step shows. */
  async toast(text: string): Promise<void> {
    await this.page.locator('.ant-message', { hasText: text }).waitFor({ state: 'visible' });
  }
}
