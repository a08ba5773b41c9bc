import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PHONE_PROBLEM_MESSAGES } from '../../shared/domain/phone';
import { earlierCase } from '../test/fixtures';
import { FAKE_PASSWORD } from '../test/fakeSync';
import { renderApp } from '../test/renderApp';

const type = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });
const pressCtrlS = () => fireEvent.keyDown(window, { key: 's', code: 'KeyS', ctrlKey: true });

async function chooseCategory(label: string) {
  const input = screen.getByTestId('intake-category');
  fireEvent.mouseDown(input);
  fireEvent.change(input, { target: { value: label } });
  fireEvent.click(await screen.findByTitle(label));
}

describe('intake', () => {
  it('shows why a phone number is invalid and saves nothing', async () => {
    const { seat, phone } = await renderApp();
    type(phone, '12345');
    type(screen.getByTestId('intake-question'), '玉米苗发黄怎么办');
    pressCtrlS();

    expect(await screen.findByText(PHONE_PROBLEM_MESSAGES.bad_length)).toBeTruthy();
    expect(seat.callsTo('inquiry:create')).toHaveLength(0);
  });

  it('looks the caller up once the number is complete and flags a repeat call with the open case', async () => {
    const { seat, phone } = await renderApp({ inquiries: [earlierCase()] });
    type(phone, '138 1234 5678');

    const flag = await screen.findByTestId('caller-repeat-flag');
    expect(flag.textContent).toContain('S01-261126-0007');
    expect(flag.textContent).toContain('转专家');
    expect(seat.callsTo('caller:history').map((c) => c.input)).toEqual([{ phone: '13812345678', limit: 20 }]);
    expect(within(screen.getByTestId('caller-history')).getByText(/稻瘟病/)).toBeTruthy();
    await waitFor(() => expect((screen.getByTestId('intake-caller-name') as HTMLInputElement).value).toBe('张德山'));
  });

  it('saves with Ctrl+S, shows the case number and clears the draft', async () => {
    const { seat, phone } = await renderApp();
    type(phone, '0431-85551234');
    await chooseCategory('种植业-粮食作物');
    type(screen.getByTestId('intake-question'), '玉米苗发黄，叶尖干枯');
    type(screen.getByTestId('intake-answer'), '可能缺锌，建议叶面喷施硫酸锌');
    pressCtrlS();

    expect(await screen.findByText(/已保存，工单号 S01-\d{6}-0001/)).toBeTruthy();
    const [create] = seat.callsTo('inquiry:create');
    expect(create?.input).toMatchObject({
      callerPhone: '0431-85551234',
      category: '种植业-粮食作物',
      question: '玉米苗发黄，叶尖干枯',
    });
    await waitFor(() => expect(seat.callsTo('draft:clear')).toHaveLength(1));
    expect(seat.draft).toBeNull();
    expect((screen.getByTestId('intake-question') as HTMLTextAreaElement).value).toBe('');
  });

  it('does not show the next person at the seat the case the previous one saved', async () => {
    const { phone } = await renderApp();
    fireEvent.click(screen.getByTestId('status-login'));
    const form = await screen.findByTestId('login-form');
    fireEvent.change(within(form).getByTestId('login-username'), { target: { value: 'op1' } });
    const password = within(form).getByTestId('login-password');
    fireEvent.change(password, { target: { value: FAKE_PASSWORD } });
    fireEvent.submit(password.closest('form')!);
    await screen.findByTestId('status-user');

    type(phone, '0431-85551234');
    await chooseCategory('种植业-粮食作物');
    type(screen.getByTestId('intake-question'), '玉米苗发黄，叶尖干枯');
    pressCtrlS();
    expect(await screen.findByTestId('intake-last-saved')).toBeTruthy();

    fireEvent.click(within(screen.getByTestId('status-user')).getByTestId('status-logout'));
    await screen.findByTestId('status-login');
    expect(screen.queryByTestId('intake-last-saved')).toBeNull();
  });

  it('asks before the window closes on an unsaved form (关闭前确认), and not on an empty one', async () => {
    const { phone } = await renderApp();
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(unload()).toBe(false);
    type(phone, '13812345678');
    await waitFor(() => expect(unload()).toBe(true));
  });

  it('saves once when Ctrl+S is pressed twice in a row', async () => {
    const { seat, phone } = await renderApp();
    type(phone, '13812345678');
    await chooseCategory('畜牧兽医');
    type(screen.getByTestId('intake-question'), '生猪不吃食');
    pressCtrlS();
    pressCtrlS();

    expect(await screen.findByText(/已保存，工单号/)).toBeTruthy();
    pressCtrlS();
    await waitFor(() => expect(seat.callsTo('draft:clear')).toHaveLength(1));
    expect(seat.callsTo('inquiry:create')).toHaveLength(1);
  });

  it('asks for a note before saving a closed inquiry that has no answer', async () => {
    const { seat, phone } = await renderApp();
    type(phone, '13812345678');
    await chooseCategory('其他');
    type(screen.getByTestId('intake-question'), '打错电话');
    fireEvent.mouseDown(screen.getByTestId('intake-status'));
    fireEvent.click(await screen.findByTitle('已办结'));
    pressCtrlS();

    expect(await screen.findByText('请填写原因说明')).toBeTruthy();
    expect(seat.callsTo('inquiry:create')).toHaveLength(0);
  });

  it('restores an unsaved inquiry on start and says so', async () => {
    const { seat } = await renderApp({
      draft: {
        phone: '13812345678',
        question: '大豆结荚少',
        category: '种植业-粮食作物',
        callStartedAt: new Date().toISOString(),
      },
    });

    await waitFor(() =>
      expect((screen.getByTestId('intake-question') as HTMLTextAreaElement).value).toBe('大豆结荚少'),
    );
    expect((await screen.findAllByText('已恢复未保存的受理单')).length).toBeGreaterThan(0);
    expect((screen.getByTestId('intake-phone') as HTMLInputElement).value).toBe('13812345678');
    expect(seat.callsTo('draft:clear')).toHaveLength(0);
  });

  it('autosaves what the operator types as the intake draft', async () => {
    const { seat, phone } = await renderApp();
    type(phone, '1391234');
    await waitFor(() => expect(seat.draft?.data).toMatchObject({ phone: '1391234' }), { timeout: 2000 });
    expect(seat.draft?.key).toBe('intake');
  });

  it('starts a new inquiry on F2 with the timer running and focus on the phone field', async () => {
    const { phone } = await renderApp();
    await act(async () => {
      fireEvent.keyDown(window, { key: 'F2', code: 'F2' });
      await new Promise((resolve) => requestAnimationFrame(resolve));
    });
    expect(document.activeElement).toBe(phone);
    expect(screen.getByTestId('call-timer').getAttribute('data-running')).toBe('true');
  });
});
