import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FAKE_EXPERT, FAKE_SUPERVISOR, FAKE_USER } from '../test/fakeSync';
import { earlierCase } from '../test/fixtures';
import { renderApp } from '../test/renderApp';
import {
  dayFromToday,
  editorDrawer,
  fieldError,
  modalWith,
  openAsExpert,
  openKbEditPage,
  openRow,
  pick,
  signIn,
  typeDate,
} from './kbEditScreen';

describe('知识维护', () => {
  it('is not offered to operators, only to those who write or review articles', async () => {
    const { seat } = await renderApp();
    await signIn(seat, FAKE_USER);
    fireEvent.keyDown(window, { key: '6', code: 'Digit6', altKey: true });
    expect(screen.queryByTestId('nav-kbEdit')).toBeNull();
    expect(screen.queryByTestId('kbedit-list')).toBeNull();

    await signIn(seat, FAKE_EXPERT);
    expect((await screen.findByTestId('nav-kbEdit')).textContent).toContain('知识维护');
  });

  it('lets an expert write a draft, save it with Ctrl+S and submit it for review', async () => {
    const { seat } = await renderApp();
    await signIn(seat, FAKE_EXPERT);
    await openKbEditPage();
    fireEvent.click(screen.getByTestId('kbedit-new'));
    const editor = await editorDrawer();

    fireEvent.keyDown(window, { key: 's', code: 'KeyS', ctrlKey: true });
    expect(await fieldError(editor, '标题不能为空')).toBeTruthy();
    expect(within(editor).getByText('答案不能为空')).toBeTruthy();
    expect(seat.callsTo('kbEdit:create')).toHaveLength(0);

    fireEvent.change(within(editor).getByTestId('kbedit-title'), { target: { value: '大棚黄瓜叶片背面有白霉怎么办' } });
    fireEvent.change(within(editor).getByTestId('kbedit-answer'), {
      target: { value: '这是黄瓜霜霉病。清晨放风排湿，发病初期喷烯酰吗啉。' },
    });
    await pick('kbedit-category', '植物保护-病虫害');
    fireEvent.keyDown(window, { key: 's', code: 'KeyS', ctrlKey: true });

    expect(await screen.findByText('草稿已保存')).toBeTruthy();
    expect(seat.callsTo('kbEdit:create')[0]?.input).toMatchObject({
      draft: { title: '大棚黄瓜叶片背面有白霉怎么办', category: '植物保护-病虫害', season: '全年' },
    });
    const saved = await editorDrawer();
    await within(saved).findByTestId('kbedit-meta');
    expect(within(saved).getByTestId('kbedit-status').textContent).toBe('草稿');

    fireEvent.click(within(saved).getByTestId('kbedit-submit'));
    expect(await screen.findByText('已提交审核，等待班长审核')).toBeTruthy();
    await waitFor(async () =>
      expect(within(await editorDrawer()).getByTestId('kbedit-status').textContent).toBe('待审核'),
    );
    const row = seat.kbEdit.rows.find((r) => r.draft?.title === '大棚黄瓜叶片背面有白霉怎么办');
    expect(row).toMatchObject({ status: 'in_review', owner: { name: '王立新' } });
    expect(within(await editorDrawer()).queryByTestId('kbedit-save')).toBeNull();
  });

  it('lets a supervisor send a draft back with a reason that the expert then reads', async () => {
    const { seat } = await renderApp();
    await signIn(seat, FAKE_SUPERVISOR);
    await openKbEditPage();
    const editor = await openRow('大豆根腐病怎么防治');
    expect(within(editor).queryByTestId('kbedit-save')).toBeNull();

    fireEvent.click(within(editor).getByTestId('kbedit-send-back'));
    const dialog = await modalWith('退回给专家修改');
    fireEvent.click(within(dialog).getByRole('button', { name: /退\s*回/ }));
    expect(await within(dialog).findByText('请写明退回原因，方便专家修改')).toBeTruthy();
    fireEvent.change(within(dialog).getByTestId('kbedit-send-back-note'), { target: { value: '请写明拌种用量' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /退\s*回/ }));
    expect(await screen.findByText('已退回给专家修改')).toBeTruthy();

    await signIn(seat, FAKE_EXPERT);
    const mine = await openRow('大豆根腐病怎么防治');
    const note = await within(mine).findByTestId('kbedit-review-note');
    expect(note.textContent).toContain('孙秀梅 退回');
    expect(note.textContent).toContain('请写明拌种用量');
    expect(within(mine).getByTestId('kbedit-save')).toBeTruthy();
  });

  it('shows a supervisor what a revision changes against the live version, then publishes it as a new version', async () => {
    const { seat } = await renderApp();
    await signIn(seat, FAKE_SUPERVISOR);
    await openKbEditPage();
    const editor = await openRow('生猪不吃食怎么办');

    fireEvent.click(within(editor).getByRole('tab', { name: '与发布版对比' }));
    const diff = await within(editor).findByTestId('kb-diff');
    expect(diff.querySelector('ins')?.textContent).toBe('猪圈要通风保暖。');
    expect(diff.textContent).toContain('+ 发烧');

    fireEvent.click(within(editor).getByTestId('kbedit-publish'));
    const confirm = await modalWith('发布后，所有坐席检索到的将是这一版。确定发布吗？');
    fireEvent.click(within(confirm).getByRole('button', { name: /确\s*定/ }));
    expect(await screen.findByText('已发布为第 2 版')).toBeTruthy();
    expect(seat.kbEdit.rows.find((r) => r.id === 'kb-0301')).toMatchObject({
      status: 'published',
      publishedVersion: 2,
    });
  });

  it('keeps focus in the editor when an action button is pressed, so Esc can still close it while the server answers', async () => {
    const { editor } = await openAsExpert('玉米大斑病怎么防治');
    fireEvent.click(within(editor).getByTestId('kbedit-save'));
    expect(document.activeElement).toBe(within(editor).getByTestId('kbedit-editor'));
  });

  it('shows an article’s regions by their names and adds one found by pinyin initials', async () => {
    const { seat, editor } = await openAsExpert('水稻稻瘟病如何防治');
    const regions = within(editor).getByTestId('kbedit-regions');
    expect(await within(regions).findByText('吉林省 / 长春市 / 九台区')).toBeTruthy();

    fireEvent.change(within(regions).getByRole('combobox'), { target: { value: 'jlshi' } });
    fireEvent.click(await screen.findByTitle('吉林省 / 吉林市'));
    // The article is past its date: a revision carries a new one.
    typeDate(within(editor).getByTestId('kbedit-valid-until'), dayFromToday(90));
    fireEvent.click(within(editor).getByTestId('kbedit-save'));
    await waitFor(() =>
      expect(seat.callsTo('kbEdit:save')[0]?.input).toMatchObject({ draft: { regions: ['220113', '2202'] } }),
    );
  });

  it('says the server is needed when offline, and loads the list once it is back', async () => {
    const { seat } = await renderApp();
    await signIn(seat, FAKE_EXPERT);
    seat.kbEdit.setOnline(false);
    await screen.findByTestId('nav-kbEdit');
    fireEvent.keyDown(window, { key: '6', code: 'Digit6', altKey: true });

    const notice = await screen.findByTestId('kbedit-server-needed');
    expect(notice.textContent).toContain('知识编写需要连接中心服务器并联网登录');
    expect(notice.textContent).toContain('无法连接中心服务器');

    seat.kbEdit.setOnline(true);
    fireEvent.click(within(notice).getByRole('button', { name: /重\s*试/ }));
    expect(await screen.findByText('没有草稿或被退回的知识')).toBeTruthy();
    expect(screen.queryByTestId('kbedit-server-needed')).toBeNull();
  });

  it('reloads the article and gives the server’s reason when someone changed it meanwhile', async () => {
    const { seat, editor } = await openAsExpert('玉米大斑病怎么防治');
    seat.kbEdit.rows.find((r) => r.id === 'kb-0101')!.revision += 1;

    fireEvent.click(within(editor).getByTestId('kbedit-save'));
    const refused = await within(editor).findByTestId('kbedit-refused');
    expect(refused.textContent).toContain('这条知识刚被别人修改过，请刷新后再操作');
    await waitFor(() => expect(seat.callsTo('kbEdit:get').length).toBeGreaterThanOrEqual(2));
  });
});

describe('知识维护: unsaved edits', () => {
  const title = (editor: HTMLElement) => within(editor).getByTestId<HTMLInputElement>('kbedit-title');
  const closeEditor = (editor: HTMLElement) => fireEvent.click(editor.querySelector('.ant-drawer-close')!);

  it('keeps an article’s unsaved edits across other pages, and Ctrl+S there does not save it', async () => {
    const { seat, editor } = await openAsExpert('水稻稻瘟病如何防治');
    fireEvent.change(title(editor), { target: { value: '水稻稻瘟病如何防治（修订）' } });

    fireEvent.keyDown(window, { key: '2', code: 'Digit2', altKey: true });
    await screen.findByTestId('cases-table');
    fireEvent.keyDown(window, { key: 's', code: 'KeyS', ctrlKey: true });
    fireEvent.keyDown(window, { key: '6', code: 'Digit6', altKey: true });

    expect(title(await editorDrawer()).value).toBe('水稻稻瘟病如何防治（修订）');
    expect(seat.callsTo('kbEdit:save')).toHaveLength(0);
  });

  it('asks before closing an article (or the window) with unsaved edits, and closes at once without them', async () => {
    const opened = await openAsExpert('水稻稻瘟病如何防治');
    const { seat } = opened;
    let editor = opened.editor;
    fireEvent.change(title(editor), { target: { value: '稻瘟病怎么治' } });

    closeEditor(editor);
    const ask = await modalWith('关闭后这些修改会丢失。确定不保存就关闭吗？');
    fireEvent.click(within(ask).getByRole('button', { name: '继续编辑' }));
    expect(title(editor).value).toBe('稻瘟病怎么治');
    expect(screen.getByTestId('kbedit-editor')).toBeTruthy();

    closeEditor(editor);
    // antd leaves a closed confirm in the DOM: the second one is the last.
    await waitFor(() => expect(screen.getAllByTestId('kbedit-discard')).toHaveLength(2));
    fireEvent.click(screen.getAllByTestId('kbedit-discard').at(-1)!);
    await waitFor(() => expect(screen.queryByTestId('kbedit-editor')).toBeNull());
    expect(seat.callsTo('kbEdit:save')).toHaveLength(0);

    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(unload()).toBe(false);
    editor = await openRow('水稻稻瘟病如何防治');
    const original = title(editor).value;
    fireEvent.change(title(editor), { target: { value: '稻瘟病怎么治' } });
    await waitFor(() => expect(unload()).toBe(true));
    fireEvent.change(title(editor), { target: { value: original } });
    await waitFor(() => expect(unload()).toBe(false));
    closeEditor(editor);
    await waitFor(() => expect(screen.queryByTestId('kbedit-editor')).toBeNull());
    expect(screen.getAllByTestId('kbedit-discard')).toHaveLength(2);
  });
});

describe('转为知识', () => {
  it('turns an answered case into a pre-filled draft and opens it for the expert', async () => {
    const answered = earlierCase({ status: 'answered', answer: '稻瘟病抽穗前后喷施三环唑。' });
    const { seat } = await renderApp({ inquiries: [answered] });
    await signIn(seat, FAKE_EXPERT);
    fireEvent.keyDown(window, { key: '2', code: 'Digit2', altKey: true });
    const table = await screen.findByTestId('cases-table');
    await within(table).findByText('S01-261126-0007');
    fireEvent.keyDown(table, { key: 'Enter' });
    fireEvent.click(await screen.findByTestId('case-to-kb'));

    const editor = await editorDrawer();
    expect(await within(editor).findByTestId('kbedit-from-case')).toBeTruthy();
    expect((within(editor).getByTestId('kbedit-title') as HTMLInputElement).value).toBe(answered.question);
    expect((within(editor).getByTestId('kbedit-answer') as HTMLTextAreaElement).value).toBe(
      '稻瘟病抽穗前后喷施三环唑。',
    );
    expect(seat.kbEdit.rows.at(-1)).toMatchObject({ sourceInquiryId: answered.id, status: 'draft' });
  });

  it('asks before the new draft replaces an article with unsaved edits', async () => {
    const answered = earlierCase({ status: 'answered', answer: '稻瘟病抽穗前后喷施三环唑。' });
    const { seat } = await renderApp({ inquiries: [answered] });
    await signIn(seat, FAKE_EXPERT);
    await openKbEditPage();
    fireEvent.click(within(screen.getByTestId('kbedit-views')).getByText('全部'));
    const editor = await openRow('水稻稻瘟病如何防治');
    fireEvent.change(within(editor).getByTestId('kbedit-title'), { target: { value: '稻瘟病怎么治' } });

    fireEvent.keyDown(window, { key: '2', code: 'Digit2', altKey: true });
    const table = await screen.findByTestId('cases-table');
    await within(table).findByText('S01-261126-0007');
    fireEvent.keyDown(table, { key: 'Enter' });
    fireEvent.click(await screen.findByTestId('case-to-kb'));
    const ask = await modalWith('打开新草稿会丢掉当前文章没保存的修改。新草稿已经建好，也可以稍后在“我的草稿”里打开。');
    fireEvent.click(within(ask).getByRole('button', { name: '继续编辑' }));
    expect(screen.getByTestId('cases-table')).toBeTruthy();

    fireEvent.keyDown(window, { key: '6', code: 'Digit6', altKey: true });
    const kept = await editorDrawer();
    expect(within(kept).getByTestId<HTMLInputElement>('kbedit-title').value).toBe('稻瘟病怎么治');
    expect(seat.kbEdit.rows.at(-1)).toMatchObject({ sourceInquiryId: answered.id, status: 'draft' });
  });
});
