import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { earlierCase } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

async function openCasesAndFirstCase() {
  fireEvent.keyDown(window, { key: '2', code: 'Digit2', altKey: true });
  const table = await screen.findByTestId('cases-table');
  await within(table).findByText('S01-261126-0007');
  fireEvent.keyDown(table, { key: 'Enter' });
  return screen.findByTestId('case-detail');
}

describe('cases', () => {
  it('lists local cases with the total and opens one with Enter, showing its timeline', async () => {
    await renderApp({ inquiries: [earlierCase()] });
    const detail = await openCasesAndFirstCase();

    expect(screen.getByTestId('cases-total').textContent).toContain('共 1 条');
    expect(await within(detail).findByText('受理登记（受理）')).toBeTruthy();
    expect(within(detail).getByTestId('case-timeline')).toBeTruthy();
  });

  it('saves an edit against the version it was based on', async () => {
    const { seat } = await renderApp({ inquiries: [earlierCase()] });
    const detail = await openCasesAndFirstCase();
    fireEvent.change(await within(detail).findByTestId('case-answer'), { target: { value: '喷施三环唑' } });
    fireEvent.click(within(detail).getByTestId('case-save'));

    await waitFor(() => expect(seat.callsTo('inquiry:update')).toHaveLength(1));
    expect(seat.callsTo('inquiry:update')[0]?.input).toMatchObject({
      expectedVersion: 1,
      changes: { answer: '喷施三环唑' },
    });
    expect(await within(detail).findByText(/修改了 答复内容/)).toBeTruthy();
  });

  it('tells the operator to reload when the case changed meanwhile', async () => {
    const { seat } = await renderApp({ inquiries: [earlierCase()] });
    const detail = await openCasesAndFirstCase();
    await within(detail).findByTestId('case-answer');
    seat.inquiries[0] = { ...seat.inquiries[0]!, version: 2 };
    fireEvent.change(within(detail).getByTestId('case-answer'), { target: { value: '喷施三环唑' } });
    fireEvent.click(within(detail).getByTestId('case-save'));

    expect(await within(detail).findByText('该工单已被修改')).toBeTruthy();
    expect(within(detail).getByRole('button', { name: '重新加载' })).toBeTruthy();
  });

  it('names the KB article a case was answered from by its title, and opens it', async () => {
    await renderApp({ inquiries: [earlierCase({ kbArticleId: 'kb-0101' })] });
    const detail = await openCasesAndFirstCase();

    const link = await within(detail).findByRole('button', { name: '玉米大斑病怎么防治？' });
    fireEvent.click(link);
    expect(await screen.findByTestId('kb-article-answer')).toBeTruthy();
  });

  it('says so when the article a case used is no longer in the KB', async () => {
    await renderApp({ inquiries: [earlierCase({ kbArticleId: 'kb-9999' })] });
    const detail = await openCasesAndFirstCase();

    expect((await within(detail).findByText(/kb-9999（本机知识库中已没有这条知识）/)).textContent).toBeTruthy();
  });
});
