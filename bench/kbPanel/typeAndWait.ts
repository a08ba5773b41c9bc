import type { Page } from 'playwright-core';

/** How long one panel update may take before the bench calls it lost (and fails) rather than slow. */
const LOST_AFTER_MS = 10_000;

/**
 * Runs in the console page (a string, so the bench's Node types need no DOM): arms a watch that
 * resolves `window.panelWait` with the milliseconds from the question field's next input event to the
 * frame after the 知识推荐 panel shows the answer for the new text (`data-state` loading → done).
 */
const ARM_WATCH = `(() => {
  const panel = document.querySelector('[data-testid="kb-suggestions"]');
  const field = document.querySelector('[data-testid="intake-question"]');
  if (!panel || !field) throw new Error('the intake screen with its 知识推荐 panel is not open');
  window.panelWait = new Promise((resolve, reject) => {
    let typedAt = null;
    let sawLoading = false;
    const timer = setTimeout(() => reject(new Error('the panel did not catch up')), ${LOST_AFTER_MS});
    field.addEventListener('input', () => (typedAt = performance.now()), { once: true });
    const observer = new MutationObserver(() => {
      if (panel.dataset.state === 'loading') sawLoading = true;
      if (typedAt === null || !sawLoading || panel.dataset.state !== 'done') return;
      observer.disconnect();
      clearTimeout(timer);
      const started = typedAt;
      requestAnimationFrame(() => resolve(performance.now() - started));
    });
    observer.observe(panel, { attributes: true, attributeFilter: ['data-state'] });
  });
})()`;

/** Types one character into the focused question field; returns keystroke → panel in ms (what the operator waits for). */
export async function typeAndWait(page: Page, char: string): Promise<number> {
  await page.evaluate(ARM_WATCH);
  await page.keyboard.type(char);
  return Number(await page.evaluate('window.panelWait'));
}
