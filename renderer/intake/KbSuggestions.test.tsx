import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FAKE_ARTICLES } from '../test/fakeKb';
import { holdFocus, laidOut } from '../test/drawerFocus';
import { renderApp } from '../test/renderApp';

const type = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });
const question = () => screen.getByTestId('intake-question');
const suggestions = () => screen.getByTestId('kb-suggestions');
const pressCtrlI = () => fireEvent.keyDown(window, { key: 'i', code: 'KeyI', ctrlKey: true });
const article = (id: string) => FAKE_ARTICLES.find((a) => a.id === id)!;
/** Titles arrive cut into marked and plain pieces; the operator reads them whole. */
const shownTitles = () =>
  within(suggestions())
    .queryAllByTestId('kb-suggestion')
    .map((li) => li.textContent ?? '');
const waitForSuggestion = (title: string) =>
  waitFor(() => expect(shownTitles().some((text) => text.includes(title))).toBe(true));

async function chooseCategory(label: string) {
  const input = screen.getByTestId('intake-category');
  fireEvent.mouseDown(input);
  fireEvent.change(input, { target: { value: label } });
  fireEvent.click(await screen.findByTitle(label));
}

describe('knowledge suggestions on intake', () => {
  it('searches once the operator pauses, with the whole question, and marks the matched words', async () => {
    const { seat } = await renderApp();
    type(question(), '苞');
    type(question(), '苞米叶子');
    type(question(), '苞米叶子上有大斑病');

    const items = await within(suggestions()).findAllByTestId('kb-suggestion');
    expect(items[0]?.textContent).toContain('玉米大斑病怎么防治');
    expect(seat.callsTo('kb:search').map((c) => c.input)).toEqual([
      { q: '苞米叶子上有大斑病', limit: 5, filters: undefined, context: {} },
    ]);
    const marks = [...items[0]!.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toContain('大斑病');
    expect(marks).toContain('玉米');
  });

  it('waits for the IME to commit characters instead of searching the pinyin being composed', async () => {
    const { seat } = await renderApp();
    type(question(), '苞米');
    await waitFor(() => expect(seat.callsTo('kb:search')).toHaveLength(1));
    fireEvent.compositionStart(question());
    type(question(), '苞米dab');
    type(question(), '苞米dabanb');
    fireEvent.compositionEnd(question());
    type(question(), '苞米大斑病');

    // The answer to '苞米' may already show the article, so wait for the searches themselves.
    await waitFor(() =>
      expect(seat.callsTo('kb:search').map((c) => (c.input as { q: string }).q)).toEqual(['苞米', '苞米大斑病']),
    );
    await waitForSuggestion('玉米大斑病怎么防治');
  });

  it('marks a suggestion whose article is past its validity date, so it is checked before its answer is used', async () => {
    await renderApp();
    type(question(), '水稻稻瘟病和大斑病');
    await waitFor(() => expect(within(suggestions()).getAllByTestId('kb-suggestion')).toHaveLength(2));

    const [rice, corn] = ['水稻稻瘟病如何防治', '玉米大斑病怎么防治'].map((title) =>
      within(suggestions())
        .getAllByTestId('kb-suggestion')
        .find((li) => li.textContent?.includes(title))!,
    );
    expect(within(rice!).getByTestId('kb-suggestion-expired').textContent).toBe('已过期');
    expect(within(corn!).queryByTestId('kb-suggestion-expired')).toBeNull();
  });

  it('asks before putting the answer of an article past its validity date into the case', async () => {
    await renderApp();
    type(question(), '稻瘟病');
    await waitForSuggestion('水稻稻瘟病如何防治');
    const answer = screen.getByTestId('intake-answer') as HTMLTextAreaElement;
    const titles = () => screen.queryAllByText('这条知识已过有效期');
    // Clicks, not Ctrl+I: the shortcut starts listening a moment after the list appears.
    const askInsert = async () => {
      const before = titles().length;
      fireEvent.click(within(suggestions()).getAllByTestId('kb-suggestion')[0]!);
      const insert = await screen.findByTestId('kb-drawer-insert');
      await waitFor(() => expect((insert as HTMLButtonElement).disabled).toBe(false));
      fireEvent.click(insert);
      await waitFor(() => expect(titles().length).toBeGreaterThan(before));
      return titles().at(-1)!.closest<HTMLElement>('.ant-modal')!;
    };

    const first = await askInsert();
    expect(first.textContent).toContain('2024年9月30日');
    fireEvent.click(within(first).getByRole('button', { name: '取 消' }));
    expect(answer.value).toBe('');

    fireEvent.click(within(await askInsert()).getByRole('button', { name: '仍然放入答复' }));
    await waitFor(() => expect(answer.value).toBe(article('kb-0201').answer));
  });

  it('says nothing fits instead of showing unrelated articles', async () => {
    await renderApp();
    type(question(), '拖拉机打不着火');

    expect(await within(suggestions()).findByText('没有找到相符的知识')).toBeTruthy();
    expect(within(suggestions()).queryAllByTestId('kb-suggestion')).toHaveLength(0);
  });

  it('never lets a slow answer to earlier text replace the answer to the newer text', async () => {
    const { seat } = await renderApp();
    const releaseFirst = seat.kb.holdNextSearch();
    type(question(), '生猪不吃食');
    await waitFor(() => expect(seat.callsTo('kb:search')).toHaveLength(1));
    type(question(), '苞米大斑病');
    await waitForSuggestion('玉米大斑病怎么防治');

    await act(async () => {
      releaseFirst();
      await Promise.resolve();
    });
    expect(shownTitles().join()).not.toContain('生猪不吃食怎么办');
    expect(shownTitles().join()).toContain('玉米大斑病怎么防治');
  });

  it('passes the chosen category and subject as context for the search, not as filters', async () => {
    const { seat } = await renderApp();
    await chooseCategory('植物保护-病虫害');
    type(screen.getByTestId('intake-subject'), '玉米');
    type(question(), '叶子发黄');

    await waitFor(() => expect(seat.callsTo('kb:search').length).toBeGreaterThan(0));
    expect(seat.callsTo('kb:search').at(-1)?.input).toMatchObject({
      q: '叶子发黄',
      context: { category: '植物保护-病虫害', subject: '玉米' },
      filters: undefined,
    });
  });

  it('leaves out articles written for another place once the caller’s region is known', async () => {
    const { seat } = await renderApp();
    type(question(), '苞米');
    await waitForSuggestion('玉米苗期叶片发黄是什么原因');

    fireEvent.change(screen.getByTestId('intake-region'), { target: { value: 'ccs' } });
    fireEvent.click(await screen.findByTitle('吉林省 / 长春市'));
    await waitFor(() => expect(shownTitles().join()).not.toContain('玉米苗期叶片发黄是什么原因'));
    expect(shownTitles().join()).toContain('玉米大斑病怎么防治');
    expect(seat.callsTo('kb:search').at(-1)?.input).toMatchObject({ q: '苞米', filters: { region: '2201' } });
  });

  it('inserts the top answer with Ctrl+I and saves the case with the article it came from', async () => {
    const { seat, phone } = await renderApp();
    type(phone, '13812345678');
    await chooseCategory('植物保护-病虫害');
    type(question(), '苞米大斑病咋治');
    await waitForSuggestion('玉米大斑病怎么防治');
    pressCtrlI();

    const answer = screen.getByTestId('intake-answer') as HTMLTextAreaElement;
    await waitFor(() => expect(answer.value).toBe(article('kb-0101').answer));
    expect(await screen.findByText('本单引用知识：玉米大斑病怎么防治？')).toBeTruthy();
    fireEvent.keyDown(window, { key: 's', code: 'KeyS', ctrlKey: true });

    expect(await screen.findByText(/已保存，工单号/)).toBeTruthy();
    expect(seat.callsTo('inquiry:create')[0]?.input).toMatchObject({
      question: '苞米大斑病咋治',
      answer: article('kb-0101').answer,
      kbArticleId: 'kb-0101',
    });
    expect(seat.inquiries[0]?.kbArticleId).toBe('kb-0101');
  });

  it('keeps what the operator already wrote and adds the article answer below it', async () => {
    await renderApp();
    type(screen.getByTestId('intake-answer'), '先看看是不是缺肥。');
    type(question(), '苞米苗期黄叶');
    await waitForSuggestion('玉米苗期叶片发黄');
    pressCtrlI();

    const answer = screen.getByTestId('intake-answer') as HTMLTextAreaElement;
    await waitFor(() => expect(answer.value).toBe(`先看看是不是缺肥。\n\n${article('kb-0102').answer}`));
  });

  it('keeps the pick on the top suggestion when suggestions appear under a resting pointer; moving the mouse picks', async () => {
    await renderApp();
    type(question(), '苞米黄叶还有大斑病');
    await waitFor(() => expect(within(suggestions()).getAllByTestId('kb-suggestion')).toHaveLength(2));
    const [first, second] = within(suggestions()).getAllByTestId('kb-suggestion');
    // What a browser sends when a suggestion appears under a pointer that has not moved.
    fireEvent.mouseEnter(second!);
    expect(first!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(first!.closest('ul')!, { key: 'Enter' });
    const drawer = await screen.findByTestId('kb-article');
    expect(await within(drawer).findByText(article(first!.id.replace('kb-suggestion-', '')).answer)).toBeTruthy();
    fireEvent.keyDown(drawer, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('kb-article')).toBeNull());

    fireEvent.mouseMove(second!);
    expect(second!.getAttribute('aria-selected')).toBe('true');
  });

  it('puts focus back on the suggestion it opened once the article is closed', async () => {
    laidOut();
    await renderApp();
    type(question(), '苞米黄叶还有大斑病');
    await waitFor(() => expect(within(suggestions()).getAllByTestId('kb-suggestion')).toHaveLength(2));
    const list = within(suggestions()).getByRole('listbox');
    // Alt+↓ is listened for once the list is on screen: repeat it until it has been heard.
    await waitFor(() => {
      fireEvent.keyDown(window, { key: 'ArrowDown', code: 'ArrowDown', altKey: true });
      expect(document.activeElement).toBe(list);
    });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    const second = within(list).getAllByRole('option')[1]!;

    fireEvent.keyDown(list, { key: 'Enter' });
    fireEvent.keyDown(holdFocus(await screen.findByTestId('kb-article')), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('kb-article')).toBeNull());
    expect(document.activeElement).toBe(list);
    expect(list.getAttribute('aria-activedescendant')).toBe(second.id);
  });

  it('is usable from the keyboard: Alt+↓ into the list, ↓ to pick, Enter opens, Ctrl+I in the article inserts it', async () => {
    await renderApp();
    type(question(), '苞米黄叶还有大斑病');
    await within(suggestions()).findAllByTestId('kb-suggestion');
    await waitFor(() => expect(within(suggestions()).getAllByTestId('kb-suggestion')).toHaveLength(2));
    fireEvent.keyDown(window, { key: 'ArrowDown', code: 'ArrowDown', altKey: true });
    const list = within(suggestions()).getByRole('listbox');
    expect(document.activeElement).toBe(list);

    fireEvent.keyDown(list, { key: 'ArrowDown' });
    const picked = within(list).getAllByRole('option')[1]!;
    expect(picked.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(list, { key: 'Enter' });

    const drawer = await screen.findByTestId('kb-article');
    const secondId = picked.id.replace('kb-suggestion-', '');
    expect(await within(drawer).findByText(article(secondId).answer)).toBeTruthy();
    pressCtrlI();
    await waitFor(() =>
      expect((screen.getByTestId('intake-answer') as HTMLTextAreaElement).value).toBe(article(secondId).answer),
    );
    await waitFor(() => expect(screen.getByTestId('kb-linked').textContent).toContain(article(secondId).title));
  });
});
