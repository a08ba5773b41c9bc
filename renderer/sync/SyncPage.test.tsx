import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SyncIssueView } from '../../shared/domain/syncIssue';
import type { FakeSeat } from '../test/fakeSeat';
import { renderApp } from '../test/renderApp';

const conflict: SyncIssueView = {
  id: 'issue-c1',
  kind: 'conflict',
  inquiryId: 'q-1',
  caseNo: 'S01-261128-0002',
  code: 'CONFLICT',
  message: '另一坐席已先修改了答复内容，服务器保留了对方的版本。',
  createdAt: '2026-11-28T05:10:00.000Z',
  resolvedAt: null,
  conflicts: [
    { field: 'answer', base: '建议喷施三环唑', mine: '建议喷施三环唑，七天后复查', theirs: '建议喷施富士一号' },
  ],
  change: null,
};
const rejection: SyncIssueView = {
  id: 'issue-r1',
  kind: 'rejected',
  inquiryId: 'q-2',
  caseNo: 'S01-261128-0005',
  code: 'FORBIDDEN',
  message: '您的账号在离线期间已被停用，这条修改没有被服务器接受。',
  createdAt: '2026-11-28T05:20:00.000Z',
  resolvedAt: null,
  conflicts: [],
  change: { subject: '肉牛' },
};

async function openSyncPage(seat: FakeSeat, issues: SyncIssueView[]) {
  act(() => seat.sync.setIssues(issues));
  fireEvent.keyDown(window, { key: '4', code: 'Digit4', altKey: true });
  return screen.findByTestId('issue-inbox');
}

async function issueCard(inbox: HTMLElement, caseNo: string) {
  const caseLabel = await within(inbox).findByText(caseNo);
  const card = caseLabel.closest<HTMLElement>('[data-testid="issue"]');
  if (!card) throw new Error(`no issue card for ${caseNo}`);
  return card;
}

const resolveCalls = (seat: FakeSeat) => seat.callsTo('sync:resolveIssue').map((c) => c.input);

describe('同步 page', () => {
  it('runs 立即同步 once, disabled while it runs, and reports the result', async () => {
    const { seat } = await renderApp();
    act(() => seat.sync.setStatus({ online: true, pending: 2 }));
    fireEvent.keyDown(window, { key: '4', code: 'Digit4', altKey: true });
    const button = await screen.findByTestId('sync-now');
    const release = seat.sync.holdSyncNow();

    fireEvent.click(button);
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(true));
    expect(button.textContent).toContain('正在同步');
    fireEvent.click(button);
    release();

    expect(await screen.findByText('同步完成：未同步 0 条')).toBeTruthy();
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    expect(seat.callsTo('sync:now')).toHaveLength(1);
    expect(screen.getByTestId('status-unsynced').textContent).toContain('未同步 0 条');
  });

  it('shows the last sync problem in plain Chinese', async () => {
    const { seat } = await renderApp();
    act(() => seat.sync.setStatus({ lastError: '连不上服务器，将在 30 秒后自动重试。修改已保存在本机。' }));
    fireEvent.keyDown(window, { key: '4', code: 'Digit4', altKey: true });

    expect((await screen.findByTestId('sync-last-error')).textContent).toContain('连不上服务器，将在 30 秒后自动重试');
  });
});

describe('冲突与退回 inbox', () => {
  it('shows a conflict per field: before, mine and the server’s, with my added words marked', async () => {
    const { seat } = await renderApp();
    const card = await issueCard(await openSyncPage(seat, [conflict]), 'S01-261128-0002');

    expect(within(card).getByText('冲突')).toBeTruthy();
    expect(within(card).getByTestId('conflict-answer-base').textContent).toBe('建议喷施三环唑');
    const mine = within(card).getByTestId('conflict-answer-mine');
    expect(mine.textContent).toBe('建议喷施三环唑，七天后复查');
    expect(mine.querySelector('ins')?.textContent).toBe('，七天后复查');
    const theirs = within(card).getByTestId('conflict-answer-theirs');
    expect(theirs.querySelector('del')?.textContent).toBe('三环唑');
    expect(theirs.querySelector('ins')?.textContent).toBe('富士一号');
  });

  it('keeps mine with 保留我的 and removes the conflict from the list', async () => {
    const { seat } = await renderApp();
    const inbox = await openSyncPage(seat, [conflict]);
    fireEvent.click(within(await issueCard(inbox, 'S01-261128-0002')).getByRole('button', { name: '保留我的' }));

    await waitFor(() => expect(resolveCalls(seat)).toEqual([{ id: 'issue-c1', action: 'mine' }]));
    expect(await within(inbox).findByText('没有需要处理的冲突或退回')).toBeTruthy();
  });

  it('takes the server’s version only after the operator confirms', async () => {
    const { seat } = await renderApp();
    const card = await issueCard(await openSyncPage(seat, [conflict]), 'S01-261128-0002');
    fireEvent.click(within(card).getByRole('button', { name: '采用服务器的' }));
    expect(resolveCalls(seat)).toEqual([]);

    const confirm = await screen.findByText('采用服务器的内容后，本机的这次修改将不再发送。确定吗？');
    const popup = confirm.closest<HTMLElement>('.ant-popover') ?? document.body;
    fireEvent.click(within(popup).getByRole('button', { name: '采用服务器的' }));
    await waitFor(() => expect(resolveCalls(seat)).toEqual([{ id: 'issue-c1', action: 'theirs' }]));
  });

  it('merges in an editor pre-filled with both texts and sends the edited text', async () => {
    const { seat } = await renderApp();
    const card = await issueCard(await openSyncPage(seat, [conflict]), 'S01-261128-0002');
    fireEvent.click(within(card).getByRole('button', { name: '合 并' }));

    const editor = await screen.findByTestId('merge-answer');
    expect((editor as HTMLTextAreaElement).value).toBe('建议喷施富士一号\n建议喷施三环唑，七天后复查');
    fireEvent.change(editor, { target: { value: '建议喷施富士一号，七天后复查' } });
    fireEvent.click(screen.getByRole('button', { name: '保存合并结果' }));

    await waitFor(() =>
      expect(resolveCalls(seat)).toEqual([
        { id: 'issue-c1', action: 'merge', merged: { answer: '建议喷施富士一号，七天后复查' } },
      ]),
    );
  });

  it('names every field of a refused change in Chinese, the case number and the note included', async () => {
    const { seat } = await renderApp();
    const refusedCreate: SyncIssueView = {
      ...rejection,
      id: 'issue-r2',
      caseNo: 'S01-261128-0007',
      change: { caseNo: 'S01-261128-0008', question: '苞米苗发紫咋回事', note: '补录' },
    };
    const inbox = await openSyncPage(seat, [refusedCreate]);
    const card = await issueCard(inbox, 'S01-261128-0007');
    const change = within(card).getByTestId('issue-change');
    for (const label of ['工单号', '问题描述', '修改说明']) expect(within(change).getByText(label)).toBeTruthy();
    expect(change.textContent).not.toMatch(/caseNo|note/);
  });

  it('shows a rejection with its reason and the change, and dismisses it only on 知道了', async () => {
    const { seat } = await renderApp();
    const inbox = await openSyncPage(seat, [conflict, rejection]);
    const card = await issueCard(inbox, 'S01-261128-0005');

    expect(within(card).getByText('退回')).toBeTruthy();
    expect(within(card).getByTestId('issue-message').textContent).toBe(
      '原因：您的账号在离线期间已被停用，这条修改没有被服务器接受。',
    );
    expect(within(card).getByTestId('issue-change').textContent).toContain('肉牛');
    expect(within(card).queryByRole('button', { name: '保留我的' })).toBeNull();

    act(() => seat.sync.setStatus({ online: true }));
    expect(await within(inbox).findByText('S01-261128-0005')).toBeTruthy();

    fireEvent.click(within(card).getByRole('button', { name: '知道了' }));
    await waitFor(() => expect(resolveCalls(seat)).toEqual([{ id: 'issue-r1', action: 'dismiss' }]));
    await waitFor(() => expect(within(inbox).queryByText('S01-261128-0005')).toBeNull());
    expect(within(inbox).getByText('S01-261128-0002')).toBeTruthy();
  });
});
