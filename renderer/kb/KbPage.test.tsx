import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FAKE_ARTICLES } from '../test/fakeKb';
import { holdFocus, laidOut } from '../test/drawerFocus';
import { renderApp } from '../test/renderApp';

const openKbPage = async () => {
  fireEvent.keyDown(window, { key: '5', code: 'Digit5', altKey: true });
  return screen.findByTestId('kb-search');
};
const resultTexts = () => screen.queryAllByTestId('kb-result').map((li) => li.textContent ?? '');

async function openArticle(query: string, title: string) {
  const search = await openKbPage();
  fireEvent.change(search, { target: { value: query } });
  await waitFor(() => expect(resultTexts().some((t) => t.includes(title))).toBe(true));
  const item = screen.getAllByTestId('kb-result').find((li) => li.textContent?.includes(title));
  fireEvent.click(item!);
  return screen.findByTestId('kb-article');
}

describe('知识库 page', () => {
  it('opens with Alt+5 and tells how many articles this seat searches, and that offline only they are', async () => {
    const { seat } = await renderApp();
    await openKbPage();

    const status = screen.getByTestId('kb-status');
    await waitFor(() => expect(status.textContent).toContain('本机知识库 4 条'));
    expect(status.textContent).toContain('随程序安装的演示知识库');
    expect(within(status).getByTestId('kb-offline').textContent).toBe('离线：仅检索本地知识库');

    seat.sync.setStatus({ online: true });
    await waitFor(() => expect(within(status).queryByTestId('kb-offline')).toBeNull());

    seat.emit('kb:statusChanged', {
      articleCount: 5,
      snapshotId: '3f2a9c0d1e4b5a6978',
      deltaSeq: 12,
      source: 'server',
      syncing: false,
      lastError: null,
    });
    await waitFor(() => expect(status.textContent).toContain('本机知识库 5 条'));
    expect(status.textContent).toContain('3f2a9c0d1e4b');
  });

  it('finds articles by dialect words and narrows them with the category filter', async () => {
    await renderApp();
    const search = await openKbPage();
    fireEvent.change(search, { target: { value: '苞米' } });
    await waitFor(() => expect(resultTexts()).toHaveLength(2));
    expect(screen.getAllByTestId('kb-result')[0]!.querySelector('mark')?.textContent).toBe('玉米');

    const category = screen.getByTestId('kb-filter-category');
    fireEvent.mouseDown(category.querySelector('input') ?? category);
    fireEvent.click(await screen.findByTitle('种植业-粮食作物'));
    await waitFor(() => expect(resultTexts()).toHaveLength(1));
    expect(resultTexts()[0]).toContain('玉米苗期叶片发黄是什么原因');
  });

  it('lists what a filter selects when nothing is typed, to browse a category', async () => {
    await renderApp();
    await openKbPage();
    expect(screen.queryAllByTestId('kb-result')).toHaveLength(0);

    const category = screen.getByTestId('kb-filter-category');
    fireEvent.mouseDown(category.querySelector('input') ?? category);
    fireEvent.click(await screen.findByTitle('植物保护-病虫害'));

    const expected = FAKE_ARTICLES.filter((a) => a.category === '植物保护-病虫害').map((a) => a.title);
    await waitFor(() => expect(resultTexts()).toHaveLength(expected.length));
    for (const title of expected) expect(resultTexts().some((t) => t.includes(title))).toBe(true);
  });

  it('says a full page shows only the first results and shows more on request, up to 100', async () => {
    const { seat } = await renderApp();
    seat.kb.addArticles(
      Array.from({ length: 120 }, (_, i) => ({
        id: `kb-9${String(i).padStart(3, '0')}`,
        title: `玉米田间管理第 ${i + 1} 问`,
        answer: '按当地农技站的建议管理。',
        category: '种植业-粮食作物',
        subjects: ['玉米'],
      })),
    );
    const search = await openKbPage();
    fireEvent.change(search, { target: { value: '玉米' } });
    await waitFor(() => expect(resultTexts()).toHaveLength(20));
    expect(screen.getByTestId('kb-result-count').textContent).toContain('前 20 条');

    for (const shown of [40, 60, 80, 100]) {
      fireEvent.click(screen.getByTestId('kb-more'));
      await waitFor(() => expect(resultTexts()).toHaveLength(shown));
    }
    expect(screen.queryByTestId('kb-more')).toBeNull();
  });

  it('shows where an article applies and narrows the list to a region found by pinyin initials', async () => {
    const { seat } = await renderApp();
    const drawer = await openArticle('苞米', '玉米苗期叶片发黄是什么原因');
    expect(
      (await within(drawer).findByText('吉林省 / 吉林市')).closest('[data-testid="kb-article-regions"]'),
    ).toBeTruthy();
    fireEvent.keyDown(drawer, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('kb-article')).toBeNull());
    expect(resultTexts()).toHaveLength(2);

    fireEvent.change(screen.getByTestId('kb-filter-region'), { target: { value: 'ccs' } });
    fireEvent.click(await screen.findByTitle('吉林省 / 长春市'));
    await waitFor(() => expect(resultTexts()).toHaveLength(1));
    expect(resultTexts()[0]).toContain('玉米大斑病怎么防治');
    expect(seat.callsTo('kb:search').at(-1)?.input).toMatchObject({ filters: { region: '2201' } });
  });

  it('shows an article with its validity, version and usage, and its history from the server', async () => {
    const { seat } = await renderApp();
    seat.kb.setOnline(true);
    const drawer = await openArticle('大斑病', '玉米大斑病怎么防治');
    const source = FAKE_ARTICLES.find((a) => a.id === 'kb-0101')!;

    expect(await within(drawer).findByText(source.answer)).toBeTruthy();
    expect(within(drawer).getByTestId('kb-article-validity').textContent).toContain('每季复核');
    expect(drawer.textContent).toContain('第 3 版');
    expect(drawer.textContent).toContain('已被 12 张工单引用');
    expect(within(drawer).getByTestId('kb-article-regions').textContent).toBe('全省适用');

    fireEvent.click(await within(drawer).findByRole('tab', { name: '历史版本' }));
    const history = await within(drawer).findByTestId('kb-history');
    expect(history.textContent).toContain('第 3 版 · 发布');
    expect(history.textContent).toContain('第 1 版 · 导入');
    expect(history.textContent).toContain('孙秀梅');
  });

  it('says plainly that history needs the server when the seat is offline', async () => {
    const { seat } = await renderApp();
    seat.kb.setOnline(false);
    const drawer = await openArticle('稻瘟病', '水稻稻瘟病如何防治');
    fireEvent.click(await within(drawer).findByRole('tab', { name: '历史版本' }));

    expect((await within(drawer).findByTestId('kb-history-error')).textContent).toContain('离线时无法查看历史版本');
  });

  it('keeps ↓ and Enter on the first result when results appear under a resting pointer; moving the mouse picks', async () => {
    await renderApp();
    const search = await openKbPage();
    fireEvent.change(search, { target: { value: '苞米' } });
    await waitFor(() => expect(resultTexts()).toHaveLength(2));
    const [first, second] = screen.getAllByTestId('kb-result');
    // What a browser sends when a result appears under a pointer that has not moved.
    fireEvent.mouseEnter(second!);
    expect(first!.getAttribute('aria-selected')).toBe('true');

    fireEvent.keyDown(search, { key: 'ArrowDown' });
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    const drawer = await screen.findByTestId('kb-article');
    expect(await within(drawer).findByText(FAKE_ARTICLES[0]!.answer)).toBeTruthy();
    fireEvent.keyDown(drawer, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('kb-article')).toBeNull());

    fireEvent.mouseMove(second!);
    expect(second!.getAttribute('aria-selected')).toBe('true');
  });

  it('puts focus back on the article it opened once the article is closed, by Esc or by the close button', async () => {
    laidOut();
    await renderApp();
    const search = await openKbPage();
    fireEvent.change(search, { target: { value: '苞米' } });
    await waitFor(() => expect(resultTexts()).toHaveLength(2));
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    const list = screen.getAllByTestId('kb-result')[0]!.closest('ul')!;
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    const second = screen.getAllByTestId('kb-result')[1]!;

    fireEvent.keyDown(list, { key: 'Enter' });
    fireEvent.keyDown(holdFocus(await screen.findByTestId('kb-article')), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('kb-article')).toBeNull());
    expect(document.activeElement).toBe(list);
    expect(list.getAttribute('aria-activedescendant')).toBe(second.id);

    fireEvent.keyDown(list, { key: 'Enter' });
    holdFocus(await screen.findByTestId('kb-article'));
    fireEvent.click(screen.getByRole('button', { name: /关闭|Close/ }));
    await waitFor(() => expect(screen.queryByTestId('kb-article')).toBeNull());
    expect(document.activeElement).toBe(list);
    expect(list.getAttribute('aria-activedescendant')).toBe(second.id);
  });

  it('marks an article past its validity date in the results, before it is opened', async () => {
    await renderApp();
    const search = await openKbPage();
    fireEvent.change(search, { target: { value: '稻瘟病 大斑病' } });
    await waitFor(() => expect(resultTexts()).toHaveLength(2));

    const [rice, corn] = ['水稻稻瘟病如何防治', '玉米大斑病怎么防治'].map((title) =>
      screen.getAllByTestId('kb-result').find((li) => li.textContent?.includes(title))!,
    );
    expect(within(rice!).getByTestId('kb-result-expired').textContent).toBe('已过期');
    expect(within(corn!).queryByTestId('kb-result-expired')).toBeNull();
  });

  it('sends a helpful mark once and thanks the operator', async () => {
    const { seat } = await renderApp();
    const drawer = await openArticle('生猪', '生猪不吃食怎么办');
    const feedback = await within(drawer).findByTestId('kb-feedback');
    fireEvent.click(within(feedback).getByRole('button', { name: /有用/ }));

    expect(await within(feedback).findByText('已记录，谢谢。有用 1 · 没用 0')).toBeTruthy();
    expect(seat.kb.feedback).toEqual([{ id: 'kb-0301', helpful: true }]);
    expect(within(feedback).getByRole('button', { name: /没用/ }).hasAttribute('disabled')).toBe(true);
  });
});
