// The 知识维护 screen as its tests drive it: by keyboard and test ids, through antd's drawer and modals.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { expect } from 'vitest';
import type { User } from '../../shared/sync/auth';
import type { FakeSeat } from '../test/fakeSeat';
import { FAKE_EXPERT } from '../test/fakeSync';
import { renderApp } from '../test/renderApp';
import { seatToday } from '../i18n/dates';

export const signIn = (seat: FakeSeat, user: User) => act(() => seat.sync.signIn(user));

export async function openKbEditPage() {
  await screen.findByTestId('nav-kbEdit');
  fireEvent.keyDown(window, { key: '6', code: 'Digit6', altKey: true });
  return screen.findByTestId('kbedit-list');
}

export const rowTexts = () => screen.queryAllByTestId('kbedit-row').map((r) => r.textContent ?? '');

export async function openRow(title: string) {
  await waitFor(() => expect(rowTexts().some((t) => t.includes(title))).toBe(true));
  fireEvent.click(screen.getAllByTestId('kbedit-row').find((r) => r.textContent?.includes(title))!);
  const editor = await editorDrawer();
  await within(editor).findByTestId('kbedit-meta');
  return editor;
}

/** The console on a fake seat, an expert signed in, and the article titled `title` open from 全部. */
export async function openAsExpert(title: string) {
  const { seat } = await renderApp();
  await signIn(seat, FAKE_EXPERT);
  await openKbEditPage();
  fireEvent.click(within(screen.getByTestId('kbedit-views')).getByText('全部'));
  return { seat, editor: await openRow(title) };
}

export const fieldError = (editor: HTMLElement, text: string) => within(editor).findByText(text);

/** The editor drawer, header (title, status, action buttons) and body. */
export async function editorDrawer() {
  const body = await screen.findByTestId('kbedit-editor');
  return body.closest<HTMLElement>('.ant-drawer-content-wrapper') ?? body;
}

export async function pick(testId: string, option: string) {
  const select = screen.getByTestId(testId);
  fireEvent.mouseDown(select.querySelector('input') ?? select);
  fireEvent.click(await screen.findByTitle(option));
}

/** A day `days` from today in the Shanghai calendar validity dates are written in (negative: past). */
export const dayFromToday = (days: number) => dayjs(seatToday()).add(days, 'day').format('YYYY-MM-DD');

/** Types a date into a date field and commits it with Enter, as a keyboard user does. */
export function typeDate(input: HTMLElement, date: string) {
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: date } });
  fireEvent.keyDown(input, { key: 'Enter' });
}

/** The open modal that shows `text` (antd's modals carry no accessible name in jsdom). */
export async function modalWith(text: string | RegExp) {
  const found = await screen.findByText(text);
  return found.closest<HTMLElement>('.ant-modal') ?? found;
}
