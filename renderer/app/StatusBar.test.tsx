import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { earlierCase } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

describe('status bar', () => {
  it('says when no server is configured, so the operator knows data stays on this PC', async () => {
    const { seat } = await renderApp();
    act(() => seat.sync.setStatus({ serverConfigured: false }));

    expect(screen.getByTestId('status-online').textContent).toBe('未配置服务器');
    expect(screen.queryByTestId('status-last-sync')).toBeNull();
  });

  it('shows online, the unsynced count with the age of the oldest change, and the last sync', async () => {
    const { seat } = await renderApp({ inquiries: [earlierCase()] });
    act(() =>
      seat.sync.setStatus({ online: true, pending: 3, oldestPendingAt: hoursAgo(3.2), lastSyncAt: hoursAgo(4) }),
    );

    expect(screen.getByTestId('status-online').textContent).toBe('在线');
    expect(screen.getByTestId('status-unsynced').textContent).toBe('未同步 3 条 · 最早 3 小时前');
    expect(screen.getByTestId('status-last-sync').textContent).toMatch(/^上次同步 \d{4}年\d+月\d+日 \d\d:\d\d$/);
  });

  it('shows 同步中… only while the seat is syncing', async () => {
    const { seat } = await renderApp();
    expect(screen.queryByTestId('status-syncing')).toBeNull();
    act(() => seat.sync.setStatus({ online: true, syncing: true }));
    expect(screen.getByTestId('status-syncing').textContent).toBe('同步中…');
    act(() => seat.sync.setStatus({ syncing: false }));
    expect(screen.queryByTestId('status-syncing')).toBeNull();
  });

  it('shows a red count of waiting conflicts that opens the inbox', async () => {
    const { seat } = await renderApp();
    act(() =>
      seat.sync.setIssues([
        {
          id: 'i-1',
          kind: 'rejected',
          inquiryId: 'q-1',
          caseNo: 'S01-261128-0003',
          code: 'FORBIDDEN',
          message: '您的账号已被停用，这条修改没有被服务器接受。',
          createdAt: hoursAgo(1),
          resolvedAt: null,
          conflicts: [],
          change: { answer: '多施钾肥' },
        },
      ]),
    );

    const badge = await screen.findByTestId('status-issues');
    expect(badge.getAttribute('data-count')).toBe('1');
    fireEvent.click(badge);
    const inbox = await screen.findByTestId('issue-inbox');
    expect(await within(inbox).findByText('S01-261128-0003')).toBeTruthy();
  });

  it('shows 需要升级 when the server refuses this version, keeping the unsynced count', async () => {
    const { seat } = await renderApp();
    act(() => seat.sync.setStatus({ needsUpgrade: true, pending: 5 }));

    expect(screen.getByTestId('status-upgrade').textContent).toBe('需要升级');
    expect(screen.getByTestId('status-unsynced').textContent).toContain('未同步 5 条');
  });

  it('shows 需要登录 and opens the login dialog when the seat needs a login', async () => {
    const { seat } = await renderApp();
    act(() => seat.sync.setStatus({ needsLogin: true }));

    expect(screen.getByTestId('status-needs-login').textContent).toBe('需要登录');
    await waitFor(() => expect(screen.getByTestId('login-form')).toBeTruthy());
  });
});
