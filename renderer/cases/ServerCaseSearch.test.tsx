import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { earlierCase } from '../test/fixtures';
import { FAKE_USER } from '../test/fakeSync';
import { renderApp } from '../test/renderApp';

/** Opens 工单 and moves the 检索范围 switch to the server with the keyboard, as an operator would. */
async function openServerSearch() {
  fireEvent.keyDown(window, { key: '2', code: 'Digit2', altKey: true });
  const local = await screen.findByRole('radio', { name: '本机工单' });
  fireEvent.keyDown(local, { key: 'ArrowRight' });
  return screen.findByTestId('cases-server-search');
}

function searchFor(input: HTMLElement, text: string) {
  fireEvent.change(input, { target: { value: text } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
  fireEvent.keyUp(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
}

const rowOf = (caseNo: string) => screen.getByText(caseNo).closest('tr')!;
const caseNosShown = (table: HTMLElement) =>
  [...table.querySelectorAll('tr.cases-server-row')].map((row) => row.querySelector('td')?.textContent);
const marked = (table: HTMLElement) => [...table.querySelectorAll('mark')].map((m) => m.textContent);

describe('cases: all history through the server', () => {
  it('searches the server on Enter, marks the matched words and loads more with the cursor', async () => {
    const { seat } = await renderApp({ inquiries: [earlierCase()] });
    const input = await openServerSearch();
    expect(screen.queryByTestId('cases-table')).toBeNull();
    expect(document.activeElement).toBe(input);

    searchFor(input, '玉米 叶子');
    const table = await screen.findByTestId('cases-server-table');
    await within(table).findByText('S02-250611-0003');
    expect(within(table).getByText('S03-240702-0011')).toBeTruthy();
    expect([...table.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['玉米', '叶子', '玉米', '叶子']);
    expect(within(table).getAllByText('已办结').length).toBeGreaterThan(0);
    expect(screen.getByTestId('cases-server-status').textContent).toBe('已显示 2 条');

    searchFor(input, '玉米');
    await waitFor(() => expect(screen.getByTestId('cases-server-status').textContent).toBe('已显示 2 条，还有更多'));
    expect(within(table).queryByText('S01-230815-0042')).toBeNull();
    fireEvent.click(screen.getByTestId('cases-server-more'));
    await within(table).findByText('S01-230815-0042');
    expect(within(table).getByText('S02-250611-0003')).toBeTruthy();
    expect(screen.queryByTestId('cases-server-more')).toBeNull();
    expect(seat.callsTo('cases:searchServer').map((c) => c.input)).toEqual([
      { q: '玉米 叶子' },
      { q: '玉米' },
      { q: '玉米', cursor: '2' },
    ]);
  });

  it('says plainly when nothing on the server matches', async () => {
    await renderApp();
    searchFor(await openServerSearch(), '拖拉机');
    expect(await screen.findByText('服务器上没有符合“拖拉机”的工单')).toBeTruthy();
  });

  it('opens a case this seat keeps as usual, and shows only the summary of one it does not', async () => {
    await renderApp({ inquiries: [earlierCase()] });
    const input = await openServerSearch();

    searchFor(input, '稻瘟病');
    await screen.findByText('S01-261126-0007');
    fireEvent.keyDown(rowOf('S01-261126-0007'), { key: 'Enter' });
    expect(await within(await screen.findByTestId('case-detail')).findByTestId('case-answer')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /关闭|Close/ }));
    await waitFor(() => expect(screen.queryByTestId('case-detail')).toBeNull());

    searchFor(input, '猪');
    await screen.findByText('S02-240301-0007');
    fireEvent.click(rowOf('S02-240301-0007'));
    const summary = await screen.findByTestId('cases-server-hit');
    expect(within(summary).getByText(/本机没有这张工单/)).toBeTruthy();
    expect(within(summary).getByText('139****2345')).toBeTruthy();
    // The region's names arrive from a lookup after the summary itself.
    expect(await within(summary).findByText('吉林省 长春市 九台区')).toBeTruthy();
    expect(within(summary).queryByRole('textbox')).toBeNull();
  });

  it('says only local cases can be searched when offline, retries, and goes back to local search in one click', async () => {
    const { seat } = await renderApp({ inquiries: [earlierCase()] });
    seat.caseSearch.setOnline(false);
    const input = await openServerSearch();

    searchFor(input, '玉米');
    const alert = await screen.findByTestId('cases-server-error');
    expect(within(alert).getByText('离线：只能检索本机工单')).toBeTruthy();
    expect(within(alert).getByText(/无法连接中心服务器/)).toBeTruthy();
    expect(screen.getByTestId('cases-server-status').textContent).toBe('');

    seat.caseSearch.setOnline(true);
    fireEvent.click(within(alert).getByRole('button', { name: /重\s*试/ }));
    await screen.findByText('S02-250611-0003');
    expect(screen.queryByTestId('cases-server-error')).toBeNull();

    seat.caseSearch.setOnline(false);
    searchFor(input, '稻瘟病');
    const again = await screen.findByTestId('cases-server-error');
    fireEvent.click(within(again).getByRole('button', { name: '改为检索本机工单' }));
    expect(await within(await screen.findByTestId('cases-table')).findByText('S01-261126-0007')).toBeTruthy();
    expect(screen.getByRole('radio', { name: '本机工单' })).toHaveProperty('checked', true);
  });

  it('carries the words typed for the server over to this seat’s cases, searches them there and puts focus in that box', async () => {
    const pigs = earlierCase({
      id: '0190a0b0-0000-7000-8000-000000000098',
      caseNo: 'S01-261126-0008',
      subject: '生猪',
      question: '生猪不吃食',
    });
    const { seat } = await renderApp({ inquiries: [earlierCase(), pigs] });
    seat.caseSearch.setOnline(false);
    searchFor(await openServerSearch(), '稻瘟病');
    fireEvent.click(
      within(await screen.findByTestId('cases-server-error')).getByRole('button', { name: '改为检索本机工单' }),
    );

    const local = (await screen.findByTestId('cases-search')) as HTMLInputElement;
    expect(local.value).toBe('稻瘟病');
    await waitFor(() => expect(document.activeElement).toBe(local));
    const table = screen.getByTestId('cases-table');
    await waitFor(() => expect(within(table).queryByText('S01-261126-0008')).toBeNull());
    expect(within(table).getByText('S01-261126-0007')).toBeTruthy();
  });

  it('says at once, before any search, that an offline seat can only search its own cases, and lets the operator try anyway', async () => {
    const { seat } = await renderApp();
    // The fake seat starts as a seat without network would: server set, not reachable, nobody logged in.
    const input = await openServerSearch();

    const notice = await screen.findByTestId('cases-server-error');
    expect(within(notice).getByText('离线：只能检索本机工单')).toBeTruthy();
    expect(within(notice).getByText(/现在连不上中心服务器/)).toBeTruthy();
    expect(within(notice).getByRole('button', { name: /重\s*试/ })).toHaveProperty('disabled', true);
    expect(seat.callsTo('cases:searchServer')).toEqual([]);
    expect(screen.getByTestId('cases-server-status').textContent).toBe('');

    // The network is back before the seat noticed: the server's answer replaces the notice.
    fireEvent.change(input, { target: { value: '猪' } });
    fireEvent.click(within(notice).getByRole('button', { name: /重\s*试/ }));
    await within(await screen.findByTestId('cases-server-table')).findByText('S02-240301-0007');
    expect(screen.queryByTestId('cases-server-error')).toBeNull();
    searchFor(input, '玉米');
    await waitFor(() => expect(screen.getByTestId('cases-server-status').textContent).toBe('已显示 2 条，还有更多'));
    expect(screen.queryByTestId('cases-server-error')).toBeNull();
    expect(seat.callsTo('cases:searchServer').map((c) => c.input)).toEqual([{ q: '猪' }, { q: '玉米' }]);
  });

  it('names what keeps the server out of reach and drops the notice once the seat is online and logged in', async () => {
    const { seat } = await renderApp();
    act(() => seat.sync.setStatus({ serverConfigured: false }));
    await openServerSearch();
    const notice = await screen.findByTestId('cases-server-error');
    expect(within(notice).getByText(/尚未设置服务器地址/)).toBeTruthy();

    act(() => seat.sync.setStatus({ serverConfigured: true, online: true }));
    await within(notice).findByText(/需要先联网登录/);
    fireEvent.click(within(notice).getByRole('button', { name: /登\s*录/ }));
    expect(await screen.findByRole('dialog')).toBeTruthy();
    act(() => seat.sync.signIn(FAKE_USER));
    await waitFor(() => expect(screen.queryByTestId('cases-server-error')).toBeNull());
    expect(seat.callsTo('cases:searchServer')).toEqual([]);
  });

  it('says so when no case holds every word, and lists those holding the most of them on one page', async () => {
    const { seat } = await renderApp({ inquiries: [earlierCase()] });
    const input = await openServerSearch();

    searchFor(input, '玉米 黄斑 发烧');
    const some = await screen.findByTestId('cases-server-some');
    expect(some.textContent).toBe('没有同时包含全部关键词的工单。下面 4 条包含其中部分关键词，按相近程度排列。');
    const table = screen.getByTestId('cases-server-table');
    expect(caseNosShown(table)).toEqual(['S02-250611-0003', 'S03-240702-0011', 'S02-240301-0007', 'S01-230815-0042']);
    expect(marked(table)).toEqual(['玉米', '黄斑', '玉米', '发烧', '玉米']);
    expect(screen.getByTestId('cases-server-status').textContent).toBe('已显示 4 条');
    expect(screen.queryByTestId('cases-server-more')).toBeNull();
    expect(screen.queryByTestId('cases-server-error')).toBeNull();

    // Every word held again: the line goes, newest first and paged as before.
    searchFor(input, '玉米');
    await waitFor(() => expect(screen.queryByTestId('cases-server-some')).toBeNull());
    expect(await screen.findByTestId('cases-server-more')).toBeTruthy();
    expect(seat.callsTo('cases:searchServer')).toHaveLength(2);
  });

  it('marks the synonyms the server searched for, and the longer of two overlapping words', async () => {
    await renderApp();
    const input = await openServerSearch();

    searchFor(input, '苞米 黄斑');
    const table = await screen.findByTestId('cases-server-table');
    await within(table).findByText('S02-250611-0003');
    expect(marked(table)).toEqual(['玉米', '黄斑']);

    searchFor(input, '玉米 玉米叶');
    await within(table).findByText('S03-240702-0011');
    expect(caseNosShown(table)).toEqual(['S02-250611-0003', 'S03-240702-0011']);
    expect(marked(table)).toEqual(['玉米叶', '玉米叶']);
  });
});
