import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FAKE_SUPERVISOR, FAKE_USER } from '../test/fakeSync';
import { renderApp } from '../test/renderApp';

async function openHistoryOf(query: string, title: string) {
  fireEvent.keyDown(window, { key: '5', code: 'Digit5', altKey: true });
  fireEvent.change(await screen.findByTestId('kb-search'), { target: { value: query } });
  await waitFor(() =>
    expect(screen.queryAllByTestId('kb-result').some((li) => li.textContent?.includes(title))).toBe(true),
  );
  fireEvent.click(screen.getAllByTestId('kb-result').find((li) => li.textContent?.includes(title))!);
  const drawer = await screen.findByTestId('kb-article');
  fireEvent.click(await within(drawer).findByRole('tab', { name: '历史版本' }));
  return within(drawer).findByTestId('kb-history');
}

describe('历史版本 with changes', () => {
  it('shows what a version changed against the one before it, without offering a rollback to operators', async () => {
    const { seat } = await renderApp();
    act(() => seat.sync.signIn(FAKE_USER));
    const history = await openHistoryOf('大斑病', '玉米大斑病怎么防治');
    expect(within(history).getByTestId('kb-version-1').textContent).not.toContain('查看改动');

    const v2 = within(history).getByTestId('kb-version-2');
    fireEvent.click(within(v2).getByRole('button', { name: '查看改动' }));
    const diff = await within(v2).findByTestId('kb-diff');
    expect(seat.callsTo('kbEdit:diff')[0]?.input).toEqual({ id: 'kb-0101', from: 1, to: 2 });
    const marked = (selector: string) => [...diff.querySelectorAll(selector)].map((e) => e.textContent).join('');
    expect(marked('del.diff-removed')).toBe('多菌灵');
    expect(marked('ins.diff-added')).toBe('可苯醚甲环唑');
    expect(diff.textContent).toContain('+ 病斑');
    expect(within(history).queryByTestId('kb-rollback')).toBeNull();
  });

  it('lets a supervisor roll back to an earlier version, published again as the newest', async () => {
    const { seat } = await renderApp();
    act(() => seat.sync.signIn(FAKE_SUPERVISOR));
    const history = await openHistoryOf('大斑病', '玉米大斑病怎么防治');
    expect(within(within(history).getByTestId('kb-version-3')).queryByTestId('kb-rollback')).toBeNull();

    fireEvent.click(within(within(history).getByTestId('kb-version-1')).getByTestId('kb-rollback'));
    const dialog = (await screen.findByText('回滚到第 1 版')).closest<HTMLElement>('.ant-modal')!;
    fireEvent.change(within(dialog).getByRole('textbox'), { target: { value: '新药未登记' } });
    fireEvent.click(within(dialog).getByTestId('kb-rollback-ok'));

    expect(await screen.findByText('已回滚，发布为第 4 版')).toBeTruthy();
    const after = await screen.findByTestId('kb-version-4');
    expect(after.textContent).toContain('第 4 版 · 回滚');
    expect(after.textContent).toContain('恢复第 1 版的内容');
    expect(after.textContent).toContain('新药未登记');
  });
});
