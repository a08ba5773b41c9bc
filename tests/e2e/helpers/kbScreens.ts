import type { Locator, Page } from 'playwright-core';

const byId = (page: Page, id: string) => page.getByTestId(id);

/** The part of the browser's Animation this file needs (the node tsconfig has no DOM types). */
type Animation = { effect: { getTiming(): { iterations?: number } } | null; finished: Promise<unknown> };

/** Waits for the drawer's slide-in (a cancelled animation counts as over; endless spinners are skipped). */
export function animationsDone(article: Locator): Promise<unknown> {
  return article.evaluate((el) =>
    Promise.all(
      el.ownerDocument
        .getAnimations()
        .filter((a: Animation) => a.effect?.getTiming().iterations !== Infinity)
        .map((a: Animation) => a.finished.catch(() => undefined)),
    ),
  );
}

/** 知识推荐 on the intake screen: the suggestions that follow the question as it is typed. */
export class KbSuggestionsPanel {
  constructor(readonly page: Page) {}

  panel(): Locator {
    return byId(this.page, 'kb-suggestions');
  }

  items(): Locator {
    return this.panel().getByTestId('kb-suggestion');
  }

  /** Waits until the top suggestion's title contains `title`. */
  async waitForTop(title: string): Promise<void> {
    await this.items().first().filter({ hasText: title }).waitFor({ state: 'visible' });
  }

  /** Ctrl+I: the picked (top) suggestion's answer goes into the case. */
  async insertPicked(): Promise<void> {
    await this.page.keyboard.press('Control+i');
    await byId(this.page, 'kb-linked').waitFor({ state: 'visible' });
  }

  linked(): Locator {
    return byId(this.page, 'kb-linked');
  }
}

/** 知识库: the search page with filters and the article drawer. */
export class KbPageScreen {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await byId(this.page, 'nav-kb').click();
    await byId(this.page, 'kb-search').waitFor({ state: 'visible' });
    // Off the navigation button, so its shortcut tooltip does not cover the page in screenshots.
    await this.page.mouse.move(700, 890);
  }

  async search(text: string): Promise<void> {
    await byId(this.page, 'kb-search').fill(text);
  }

  results(): Locator {
    return this.page.getByTestId('kb-result');
  }

  status(): Locator {
    return byId(this.page, 'kb-status');
  }

  /** Opens the result whose title contains `title` and waits for its answer. */
  async openResult(title: string): Promise<Locator> {
    await this.results().filter({ hasText: title }).first().click();
    const article = byId(this.page, 'kb-article');
    await article.getByTestId('kb-article-answer').waitFor({ state: 'visible' });
    await animationsDone(article);
    return article;
  }
}
