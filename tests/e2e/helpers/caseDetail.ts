import type { Page } from 'playwright-core';

const byId = (page: Page, id: string) => page.getByTestId(id);

/** The part of the browser's Animation this file needs (the node tsconfig has no DOM types). */
type Animation = { effect: { getTiming(): { iterations?: number } } | null; finished: Promise<unknown> };

/** 工单 → one case's drawer: its edit form. */
export class CaseDetailScreen {
  constructor(readonly page: Page) {}

  /** Opens the case from the (already searched) case list. */
  async open(caseNo: string): Promise<void> {
    await byId(this.page, 'cases-table').locator('.ant-table-row', { hasText: caseNo }).click();
    await byId(this.page, 'case-answer').waitFor({ state: 'visible' });
    // Let the drawer finish sliding in, so a screenshot shows it whole (endless spinners excepted). An
    // animation cancelled on the way (a re-render) rejects `finished` with AbortError: it is over too.
    await byId(this.page, 'case-detail').evaluate((el) =>
      Promise.all(
        el.ownerDocument
          .getAnimations()
          .filter((a: Animation) => a.effect?.getTiming().iterations !== Infinity)
          .map((a: Animation) => a.finished.catch(() => undefined)),
      ),
    );
  }

  answer(): Promise<string> {
    return byId(this.page, 'case-answer').inputValue();
  }

  /** Replaces the answer, saves, waits for "工单 … 已更新" and closes the drawer. */
  async saveAnswer(caseNo: string, text: string): Promise<void> {
    await byId(this.page, 'case-answer').fill(text);
    await byId(this.page, 'case-save').click();
    await this.page.getByText(`工单 ${caseNo} 已更新`).first().waitFor({ state: 'visible' });
    await this.page.locator('.ant-drawer-open .ant-drawer-close').click();
    await byId(this.page, 'case-detail').waitFor({ state: 'detached' });
  }
}
