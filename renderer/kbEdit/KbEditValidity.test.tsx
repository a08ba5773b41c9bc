import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seatToday } from '../i18n/dates';
import { FAKE_EXPERT, FAKE_SUPERVISOR } from '../test/fakeSync';
import { renderApp } from '../test/renderApp';
import {
  dayFromToday,
  editorDrawer,
  fieldError,
  modalWith,
  openKbEditPage,
  openRow,
  pick,
  rowTexts,
  signIn,
  typeDate,
} from './kbEditScreen';

describe('知识维护: validity', () => {
  it('puts the cursor in the title of a new article', async () => {
    const { seat } = await renderApp();
    await signIn(seat, FAKE_EXPERT);
    await openKbEditPage();
    fireEvent.click(screen.getByTestId('kbedit-new'));
    const editor = await editorDrawer();
    await waitFor(() => expect(document.activeElement).toBe(within(editor).getByTestId('kbedit-title')));
  });

  it('says a validity date is past as soon as it is typed, and saves no draft with it', async () => {
    const { seat } = await renderApp();
    await signIn(seat, FAKE_EXPERT);
    await openKbEditPage();
    fireEvent.click(screen.getByTestId('kbedit-new'));
    const editor = await editorDrawer();
    fireEvent.change(within(editor).getByTestId('kbedit-title'), { target: { value: '玉米螟什么时候放赤眼蜂' } });
    fireEvent.change(within(editor).getByTestId('kbedit-answer'), { target: { value: '在玉米螟产卵初期放蜂。' } });
    await pick('kbedit-category', '植物保护-病虫害');

    const validUntil = within(editor).getByTestId('kbedit-valid-until');
    typeDate(validUntil, dayFromToday(-1));
    expect(await fieldError(editor, '有效期已过，请填写今天或以后的日期')).toBeTruthy();
    fireEvent.keyDown(window, { key: 's', code: 'KeyS', ctrlKey: true });
    expect(await screen.findByText('请先改正标出的内容')).toBeTruthy();
    expect(seat.callsTo('kbEdit:create')).toHaveLength(0);

    typeDate(validUntil, seatToday());
    await waitFor(() => expect(within(editor).queryByText('有效期已过，请填写今天或以后的日期')).toBeNull());
    fireEvent.keyDown(window, { key: 's', code: 'KeyS', ctrlKey: true });
    expect(await screen.findByText('草稿已保存')).toBeTruthy();
    expect(seat.callsTo('kbEdit:create')[0]?.input).toMatchObject({ draft: { validUntil: seatToday() } });
  });

  it('does not publish a draft past its date, and offers to send it back with that reason', async () => {
    const { seat } = await renderApp();
    const inReview = seat.kbEdit.rows.find((r) => r.id === 'kb-e-0001')!;
    inReview.draft = { ...inReview.draft!, validUntil: dayFromToday(-2) };
    await signIn(seat, FAKE_SUPERVISOR);
    await openKbEditPage();
    const editor = await openRow('大豆根腐病怎么防治');

    fireEvent.click(within(editor).getByTestId('kbedit-publish'));
    const refused = await modalWith(/有效期只有专家能改/);
    expect(refused.textContent).toContain('有效期已过，不能发布');
    fireEvent.click(within(refused).getByRole('button', { name: /退\s*回/ }));
    const dialog = await modalWith('退回给专家修改');
    const note = within(dialog).getByTestId<HTMLTextAreaElement>('kbedit-send-back-note');
    expect(note.value).toContain('已过，请改为今天或以后的日期');
    fireEvent.click(within(dialog).getByRole('button', { name: /退\s*回/ }));

    expect(await screen.findByText('已退回给专家修改')).toBeTruthy();
    expect(seat.callsTo('kbEdit:act').map((c) => (c.input as { action: string }).action)).toEqual(['sendBack']);
    expect(inReview).toMatchObject({ status: 'draft', reviewNote: note.value });
  });

  it('asks for a new validity date to confirm an article past its date, and takes it off 待复核', async () => {
    const { seat } = await renderApp();
    await signIn(seat, FAKE_EXPERT);
    await openKbEditPage();
    fireEvent.click(within(screen.getByTestId('kbedit-views')).getByText('待复核'));
    const editor = await openRow('水稻稻瘟病如何防治');

    fireEvent.click(within(editor).getByTestId('kbedit-reviewed'));
    const dialog = await modalWith('复核无误：请填写新的有效期');
    expect(dialog.textContent).toContain('有效期至 2026年10月31日，已经过了');
    const date = within(dialog).getByTestId('kbedit-reviewed-date');
    await waitFor(() => expect(document.activeElement).toBe(date));
    fireEvent.click(within(dialog).getByTestId('kbedit-reviewed-ok'));
    expect(await within(dialog).findByText('请填写新的有效期，或改为每季复核')).toBeTruthy();
    expect(seat.callsTo('kbEdit:act')).toHaveLength(0);

    const until = dayFromToday(180);
    typeDate(date, until);
    fireEvent.click(within(dialog).getByTestId('kbedit-reviewed-ok'));
    expect(await screen.findByText(/已确认复核，新的有效期已发布为第 \d+ 版/)).toBeTruthy();
    expect(seat.callsTo('kbEdit:act')[0]?.input).toMatchObject({
      id: 'kb-0201',
      action: 'reviewed',
      validity: { validUntil: until, reviewEachSeason: false },
    });
    await waitFor(() => expect(rowTexts().some((t) => t.includes('水稻稻瘟病如何防治'))).toBe(false));
  });

  it('confirms a review-each-season article at once, without asking for a date', async () => {
    const { seat } = await renderApp();
    seat.kbEdit.rows.find((r) => r.id === 'kb-0101')!.due = 'season';
    await signIn(seat, FAKE_EXPERT);
    await openKbEditPage();
    fireEvent.click(within(screen.getByTestId('kbedit-views')).getByText('待复核'));
    const editor = await openRow('玉米大斑病怎么防治');

    fireEvent.click(within(editor).getByTestId('kbedit-reviewed'));
    expect(await screen.findByText('已确认复核，内容仍然有效')).toBeTruthy();
    expect(seat.callsTo('kbEdit:act')[0]?.input).toEqual({ id: 'kb-0101', action: 'reviewed', expectedRevision: 3 });
    expect(screen.queryByText('复核无误：请填写新的有效期')).toBeNull();
  });
});
