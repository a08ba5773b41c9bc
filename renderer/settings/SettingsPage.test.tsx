import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../test/renderApp';

async function openSettings() {
  fireEvent.keyDown(window, { key: '3', code: 'Digit3', altKey: true });
  return screen.findByTestId('settings-form');
}

describe('settings', () => {
  it('refuses an invalid seat code with the reason and saves nothing', async () => {
    const { seat } = await renderApp();
    await openSettings();
    fireEvent.change(screen.getByTestId('settings-seat-code'), { target: { value: '1x' } });
    fireEvent.click(screen.getByTestId('settings-save'));

    expect(await screen.findByText(/坐席编号为 2–8 位大写字母或数字/)).toBeTruthy();
    expect(seat.callsTo('settings:update')).toHaveLength(0);
  });

  it('shows the new seat code and operator in the status bar once saved', async () => {
    await renderApp();
    await openSettings();
    fireEvent.change(screen.getByTestId('settings-seat-code'), { target: { value: 'CC02' } });
    fireEvent.change(screen.getByTestId('settings-operator'), { target: { value: '刘敏' } });
    fireEvent.click(screen.getByTestId('settings-save'));

    await waitFor(() => expect(screen.getByTestId('status-seat').textContent).toContain('CC02'));
    expect(screen.getByTestId('status-operator').textContent).toContain('刘敏');
  });

  it('switches the whole UI to English', async () => {
    await renderApp();
    await openSettings();
    fireEvent.mouseDown(screen.getByText('简体中文'));
    fireEvent.click(await screen.findByTitle('English'));
    fireEvent.click(screen.getByTestId('settings-save'));

    await waitFor(() => expect(screen.getByTestId('nav-intake').textContent).toContain('Intake'));
    expect(screen.getByTestId('status-online').textContent).toContain('Offline');
  });
});
