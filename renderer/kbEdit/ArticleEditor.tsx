import { Alert, App, Drawer, Form, Skeleton, Space, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { KbArticleDetail, KbDraft } from '../../shared/domain/kbServer';
import { diffKbDrafts } from '../../shared/domain/kbDiff';
import { useSession } from '../account/SessionContext';
import { useHotline } from '../api/HotlineContext';
import { errorLine } from '../api/errorText';
import { HOTKEYS, useHotkey } from '../app/hotkeys';
import { seatToday } from '../i18n/dates';
import { useT } from '../i18n/I18nProvider';
import { ArticleHistory } from '../kb/ArticleHistory';
import { DiffFields } from '../kb/DiffFields';
import { isResponsible, kbRights } from '../kb/rights';
import { DraftForm } from './DraftForm';
import {
  EMPTY_VALUES,
  draftFromValues,
  editableDraft,
  publishedDraft,
  sameValues,
  valuesFromDraft,
  type DraftValues,
} from './draftValues';
import { EditorActions, type ReviewStep, type StepInput } from './EditorActions';
import { EditorNotes } from './EditorNotes';
import { KbEditFailure, needsServer } from './KbEditFailure';
import { StatusTag } from './StatusTag';
import { type UnsavedRef, useUnsavedEdits } from './unsavedEdits';
import { useEditedArticle } from './useEditedArticle';

type Props = {
  /** null: a new article, created on the first save. */
  id: string | null;
  onOpen: (id: string) => void;
  onClose: () => void;
  /** After any change the server accepted, so the work list shows it. */
  onChanged: () => void;
  /** False while another page is shown: the editor keeps its edits but hides and takes no keys. */
  visible: boolean;
  unsavedRef?: UnsavedRef;
};

const sameDraft = (a: KbDraft | null, b: KbDraft) => JSON.stringify(a) === JSON.stringify(b);

/** One article: the draft form, what it changes against the live version, its history, and the steps of review. */
export function ArticleEditor({ id, onOpen, onClose, onChanged, visible, unsavedRef }: Props) {
  const t = useT();
  const api = useHotline();
  const { message } = App.useApp();
  const user = useSession().session?.user;
  const rights = kbRights(user);
  const article = useEditedArticle(id);
  const { detail } = article;
  const [form] = Form.useForm<DraftValues>();
  const [picked, setTab] = useState<string | null>(null);
  const bodyRef = useRef<HTMLDivElement>(null);

  const responsible = detail ? isResponsible(user, detail) : rights.author;
  const editable =
    rights.author && responsible && (detail ? detail.status === 'draft' || detail.status === 'published' : id === null);
  const shown = useMemo(() => (detail ? editableDraft(detail) : null), [detail]);
  const loaded = useMemo(() => (shown ? valuesFromDraft(shown) : EMPTY_VALUES), [shown]);
  const differs = useCallback(() => !sameValues(form.getFieldsValue(true), loaded), [form, loaded]);
  const edits = useUnsavedEdits(unsavedRef, differs);
  const { recheck } = edits;

  // The form follows the article whenever the server's answer changes what it holds (a load, a
  // rollback, a reload after CONFLICT); after the editor's own save it already holds those values.
  useEffect(() => {
    if (shown) form.setFieldsValue(loaded);
    recheck();
  }, [form, shown, loaded, recheck]);

  const checkedDraft = (): KbDraft | null => {
    const checked = draftFromValues(form.getFieldsValue(true), seatToday());
    if (checked.ok) return checked.draft;
    form.setFields(checked.errors);
    void message.error(t('kbEdit.fixFields'));
    return null;
  };

  const persist = async (): Promise<KbArticleDetail | null> => {
    const draft = checkedDraft();
    if (!draft) return null;
    if (!detail) return article.run('save', () => api.kbEdit.create({ draft }));
    return article.run('save', () => api.kbEdit.save({ id: detail.id, expectedRevision: detail.revision, draft }));
  };

  // A pressed button turns busy and drops focus; keeping it in the drawer lets Esc close it meanwhile.
  const keepFocus = () => bodyRef.current?.focus();

  const afterChange = (after: KbArticleDetail, done: string) => {
    void message.success(done);
    // The pressed button may be gone now (submitted, published).
    keepFocus();
    onChanged();
    if (id === null) onOpen(after.id);
  };

  const save = async () => {
    const saved = await persist();
    if (saved) afterChange(saved, t('kbEdit.done.save'));
  };

  const submit = async () => {
    keepFocus();
    const values = draftFromValues(form.getFieldsValue(true), seatToday());
    const unchanged = detail?.status === 'draft' && values.ok && sameDraft(detail.draft, values.draft);
    const base = unchanged ? detail : await persist();
    if (!base) return;
    const submitted = await article.run('submit', () =>
      api.kbEdit.act({ id: base.id, action: 'submit', expectedRevision: base.revision }),
    );
    if (submitted) afterChange(submitted, t('kbEdit.done.submit'));
    else if (id === null) onOpen(base.id);
  };

  const step = async (name: ReviewStep, input: StepInput = {}): Promise<boolean> => {
    if (!detail) return false;
    keepFocus();
    const base = { id: detail.id, expectedRevision: detail.revision };
    const { note, validity } = input;
    const after = await article.run(name, () =>
      name === 'sendBack'
        ? api.kbEdit.act({ ...base, action: name, note: note ?? '' })
        : api.kbEdit.act({ ...base, action: name, ...(validity ? { validity } : {}) }),
    );
    if (!after) return false;
    // A new validity confirmed on review goes out as the next version.
    const done = validity ? 'kbEdit.done.reviewedValidity' : (`kbEdit.done.${name}` as const);
    afterChange(after, t(done, { version: after.publishedVersion ?? '' }));
    return true;
  };

  useHotkey(HOTKEYS.save, () => void save(), visible && editable && article.busy === null);

  const failure = article.failure;

  const live = detail ? publishedDraft(detail) : null;
  const changes = live && detail?.draft ? diffKbDrafts(live, detail.draft) : null;
  // A supervisor opening a revision to review starts with what it changes.
  const tab = picked ?? (rights.review && detail?.status === 'in_review' && changes ? 'changes' : 'content');
  const title = detail
    ? (shown?.title ?? detail.id)
    : id === null
      ? t('kbEdit.editor.new')
      : t('kbEdit.editor.loading');

  return (
    <Drawer
      open={visible}
      // A new article starts in its title field (DraftForm); an existing one is read first.
      autoFocus={id !== null}
      onClose={() => edits.leave(onClose)}
      size={820}
      title={
        <Space>
          <span data-testid="kbedit-editor-title">{title}</span>
          {detail && <StatusTag status={detail.status} testId="kbedit-status" />}
        </Space>
      }
      extra={
        <EditorActions
          detail={detail}
          rights={rights}
          editable={editable}
          responsible={responsible}
          busy={article.busy}
          onSave={() => {
            keepFocus();
            void save();
          }}
          onSubmit={() => void submit()}
          onStep={step}
          onRefocus={keepFocus}
        />
      }
    >
      <div data-testid="kbedit-editor" ref={bodyRef} tabIndex={-1} className="kbedit-body">
        {article.loadError && !detail && (
          <KbEditFailure error={article.loadError} title={t('kbEdit.editor.loadFailed')} onRetry={article.reload} />
        )}
        {id !== null && !detail && !article.loadError && <Skeleton active />}
        {failure && needsServer(failure) && (
          <KbEditFailure error={failure} title={t('kbEdit.editor.loadFailed')} onRetry={article.reload} />
        )}
        {failure && !needsServer(failure) && (
          <Alert
            data-testid="kbedit-refused"
            type={failure.code === 'CONFLICT' ? 'warning' : 'error'}
            showIcon
            title={errorLine(t, failure)}
            description={failure.code === 'CONFLICT' ? t('kbEdit.conflictReloaded') : undefined}
          />
        )}
        {(detail || id === null) && (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {detail && <EditorNotes detail={detail} rights={rights} responsible={responsible} />}
            <Tabs
              activeKey={tab}
              onChange={setTab}
              items={[
                {
                  key: 'content',
                  label: t('kbEdit.tab.content'),
                  children: (
                    <DraftForm
                      form={form}
                      initial={loaded}
                      disabled={!editable}
                      onEdited={recheck}
                      focusTitle={id === null}
                    />
                  ),
                },
                ...(changes && live
                  ? [
                      {
                        key: 'changes',
                        label: t('kbEdit.tab.changes'),
                        children: (
                          <Space orientation="vertical" style={{ width: '100%' }}>
                            <Typography.Text type="secondary">
                              {t('kbEdit.changes.title', { version: detail?.publishedVersion ?? '' })}
                            </Typography.Text>
                            <DiffFields fields={changes} />
                          </Space>
                        ),
                      },
                    ]
                  : []),
                ...(detail && detail.publishedVersion !== null
                  ? [
                      {
                        key: 'history',
                        label: t('kbEdit.tab.history'),
                        children: (
                          <ArticleHistory
                            id={detail.id}
                            currentVersion={detail.status === 'retired' ? null : detail.publishedVersion}
                            revision={detail.revision}
                            onChanged={(after) => {
                              if (after) article.setDetail(after);
                              else article.reload();
                              onChanged();
                            }}
                          />
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </Space>
        )}
      </div>
    </Drawer>
  );
}
