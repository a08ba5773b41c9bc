import { within } from '@testing-library/react';
import { onTestFinished, vi } from 'vitest';

/**
 * In a browser an open drawer holds focus: it takes focus as it opens, and its trap pulls back any
 * focus() aimed outside it. jsdom lays nothing out, so the trap finds nothing it could focus and does
 * neither. `laidOut` gives every element a layout parent; `holdFocus` puts focus in the drawer.
 */
export function laidOut() {
  const spy = vi.spyOn(HTMLElement.prototype, 'offsetParent', 'get').mockImplementation(function (this: HTMLElement) {
    return this.parentElement;
  });
  onTestFinished(() => spy.mockRestore());
}

export const holdFocus = (article: HTMLElement) => {
  within(article.closest<HTMLElement>('.ant-drawer')!)
    .getByRole('button', { name: /关闭|Close/ })
    .focus();
  return article;
};
