import { Alert, App, Button, Card, Col, Row, Space, Tooltip, Typography } from 'antd';
import type { InputRef } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallerHistory, Inquiry } from '../../shared/domain/inquiry';
import type { KbArticle } from '../../shared/domain/kb';
import { isPastValidity } from '../../shared/domain/kbServer';
import { useSession } from '../account/SessionContext';
import { useHotline } from '../api/HotlineContext';
import { HOTKEYS, useHotkey } from '../app/hotkeys';
import { useDismissError, useReportError } from '../app/ErrorBanner';
import { formatDateTime, seatToday, validityDate } from '../i18n/dates';
import { useLocale, useT } from '../i18n/I18nProvider';
import { pickedFromHit } from '../region/pickedRegion';
import { useReferenceLists } from '../reference/useReferenceLists';
import { useSettings } from '../settings/SettingsContext';
import { CallerHistoryPanel } from './CallerHistoryPanel';
import { CallTimer } from './CallTimer';
import { IntakeForm } from './IntakeForm';
import { KbSuggestions } from './KbSuggestions';
import {
  buildInquiryInput,
  EMPTY_INTAKE,
  isBlankIntake,
  type FieldErrors,
  type IntakeField,
  type IntakeValues,
} from './intakeValues';
import { completePhone, useCallerHistory } from './useCallerHistory';
import { useIntakeDraft } from './useIntakeDraft';

/** Where focus goes when a field has a problem: the element the operator types into. */
const FOCUS_TARGET: Partial<Record<IntakeField, string>> = {
  phone: 'intake-phone',
  callerName: 'intake-caller-name',
  region: 'intake-region',
  category: 'intake-category',
  subject: 'intake-subject',
  question: 'intake-question',
  answer: 'intake-answer',
  status: 'intake-status',
  expertId: 'intake-expert',
  departmentId: 'intake-department',
  note: 'intake-note',
};

/** Limits of the KB search input (shared/domain/kb.ts): longer text is cut, never an error while typing. */
const KB_QUERY_MAX = 5000;
const KB_SUBJECT_MAX = 40;

const startedNow = (): IntakeValues => ({ ...EMPTY_INTAKE, callStartedAt: new Date().toISOString() });

/** 受理台: one call, one inquiry. F2 starts, Ctrl+S saves, Ctrl+Enter saves and starts the next call. */
export function IntakePage({ active, onShow }: { active: boolean; onShow: () => void }) {
  const t = useT();
  const locale = useLocale();
  const api = useHotline();
  const { message, modal } = App.useApp();
  const reportError = useReportError();
  const dismissError = useDismissError();
  const { settings } = useSettings();
  const { lists } = useReferenceLists();
  const [values, setValues] = useState<IntakeValues>(EMPTY_INTAKE);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const { session } = useSession();
  const userId = session?.user?.id ?? null;
  // Who saved it: the next person to log in at this seat does not see it as their own.
  const [lastSaved, setLastSaved] = useState<{ inquiry: Inquiry; by: string | null } | null>(null);
  const shownSaved = lastSaved?.by === userId ? lastSaved.inquiry : null;
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const phoneRef = useRef<InputRef>(null);
  // State updates too late to stop a second Ctrl+S pressed in the same frame from saving twice.
  const savingRef = useRef(false);
  /** The values last saved: a stale shortcut handler still holding them must not save them again. */
  const savedValues = useRef<IntakeValues | null>(null);
  const prefilledFor = useRef<string | null>(null);

  const focusPhone = useCallback(() => requestAnimationFrame(() => phoneRef.current?.focus()), []);

  const draft = useIntakeDraft(values, (restored, savedAt) => {
    setValues(restored);
    setRestoredAt(savedAt);
    message.info(t('intake.draftRestored'));
  });

  const { flush } = draft;

  const phone = completePhone(values.phone, values.phoneHidden);
  const history = useCallerHistory(phone, (found: CallerHistory) => {
    if (prefilledFor.current === found.phone) return;
    prefilledFor.current = found.phone;
    if (found.callerName)
      setValues((v) => (v.callerName.trim() === '' ? { ...v, callerName: found.callerName ?? '' } : v));
    const regionCode = found.regionCode;
    if (regionCode) {
      void api.region.path({ code: regionCode }).then((r) => {
        if (r.ok) setValues((v) => (v.region === null ? { ...v, region: pickedFromHit(r.value) } : v));
      });
    }
  });

  const change = useCallback((patch: Partial<IntakeValues>) => {
    setValues((v) => ({ ...v, ...patch, callStartedAt: v.callStartedAt ?? new Date().toISOString() }));
    setErrors((e) => {
      const next = { ...e };
      for (const key of Object.keys(patch) as IntakeField[]) delete next[key];
      if ('status' in patch)
        for (const key of ['answer', 'expertId', 'departmentId', 'note'] as const) delete next[key];
      return next;
    });
  }, []);

  const putAnswer = (article: KbArticle) => {
    const current = values.answer.trim();
    const answer =
      current === '' ? article.answer : current.includes(article.answer) ? current : `${current}\n\n${article.answer}`;
    change({ answer, kbArticleId: article.id });
    requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="intake-answer"]')?.focus());
  };
  // Ctrl+I skips the article view, where an expired article says so: the farmer must not get stale advice unseen.
  const insertAnswer = (article: KbArticle) => {
    if (!isPastValidity(article.validUntil, seatToday())) return putAnswer(article);
    modal.confirm({
      title: t('intake.kbExpired.title'),
      content: t('intake.kbExpired.body', { date: validityDate(locale, article.validUntil!) }),
      okText: t('intake.kbExpired.ok'),
      cancelText: t('common.cancel'),
      onOk: () => putAnswer(article),
    });
  };
  // While an IME composes, the field holds pinyin letters; suggestions wait for the committed characters.
  const [composingFrom, setComposingFrom] = useState<string | null>(null);
  const focusQuestion = () => document.querySelector<HTMLElement>('[data-testid="intake-question"]')?.focus();
  const subject = values.subject.trim();

  const startNew = useCallback(() => {
    setValues(startedNow());
    setErrors({});
    setGeneral([]);
    setRestoredAt(null);
    prefilledFor.current = null;
    focusPhone();
  }, [focusPhone]);

  const requestNew = useCallback(() => {
    onShow();
    if (isBlankIntake(values)) return startNew();
    modal.confirm({
      title: t('intake.discard.title'),
      content: t('intake.discard.body'),
      okText: t('intake.discard.ok'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: true },
      onOk: async () => {
        await draft.clear();
        startNew();
      },
    });
  }, [draft, modal, onShow, startNew, t, values]);

  const save = useCallback(
    async (andNew: boolean) => {
      if (savingRef.current || values === savedValues.current) return;
      const built = buildInquiryInput(values, new Date());
      if (!built.ok) {
        setErrors(built.errors);
        setGeneral(built.general);
        const first = (Object.keys(FOCUS_TARGET) as IntakeField[]).find((f) => built.errors[f]);
        const target = first ? FOCUS_TARGET[first] : undefined;
        if (target) document.querySelector<HTMLElement>(`[data-testid="${target}"]`)?.focus();
        return;
      }
      savingRef.current = true;
      setSaving(true);
      const result = await api.inquiry.create(built.input);
      setSaving(false);
      if (!result.ok) {
        savingRef.current = false;
        reportError(result.error);
        return;
      }
      savedValues.current = values;
      dismissError();
      setLastSaved({ inquiry: result.value, by: userId });
      message.success({ content: t('intake.saved', { caseNo: result.value.caseNo }), duration: 4 });
      const cleared = await draft.clear();
      if (!cleared.ok) reportError(cleared.error);
      setErrors({});
      setGeneral([]);
      setRestoredAt(null);
      prefilledFor.current = null;
      setValues(andNew ? startedNow() : EMPTY_INTAKE);
      savingRef.current = false;
      focusPhone();
    },
    [api, dismissError, draft, focusPhone, message, reportError, t, userId, values],
  );

  useHotkey(HOTKEYS.newInquiry, requestNew);
  useHotkey(HOTKEYS.save, () => void save(false), active);
  useHotkey(HOTKEYS.saveAndNew, () => void save(true), active);

  useEffect(() => {
    if (active) focusPhone();
  }, [active, focusPhone]);

  useEffect(() => {
    if (isBlankIntake(values)) return;
    // In Electron the main process turns the veto into a dialog (electron/main/window/confirmLeave.ts).
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      flush();
      if (settings.ui.confirmLeave) e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [flush, settings.ui.confirmLeave, values]);

  const onPhoneBlur = () => {
    if (values.phoneHidden || values.phone.trim() === '') return;
    const built = buildInquiryInput(values, new Date());
    const phoneProblem = built.ok ? undefined : built.errors.phone;
    if (phoneProblem) setErrors((e) => ({ ...e, phone: phoneProblem }));
  };

  return (
    <div className="intake-page">
      <Card size="small" className="intake-toolbar">
        <Space wrap size="middle">
          <Tooltip title={HOTKEYS.newInquiry.label}>
            <Button data-testid="intake-new" onClick={requestNew}>
              {t('intake.new')} <kbd>{HOTKEYS.newInquiry.label}</kbd>
            </Button>
          </Tooltip>
          <Tooltip title={HOTKEYS.save.label}>
            <Button data-testid="intake-save" type="primary" loading={saving} onClick={() => void save(false)}>
              {t('intake.save')} <kbd>{HOTKEYS.save.label}</kbd>
            </Button>
          </Tooltip>
          <Tooltip title={HOTKEYS.saveAndNew.label}>
            <Button data-testid="intake-save-new" loading={saving} onClick={() => void save(true)}>
              {t('intake.saveAndNew')} <kbd>{HOTKEYS.saveAndNew.label}</kbd>
            </Button>
          </Tooltip>
          <CallTimer startedAt={values.callStartedAt} />
          <Typography.Text
            type={draft.status.kind === 'failed' ? 'danger' : 'secondary'}
            data-testid="intake-draft-status"
          >
            {draft.status.kind === 'saved' && t('intake.draftSaved', { at: formatDateTime(locale, draft.status.at) })}
            {draft.status.kind === 'failed' && t('intake.draftFailed', { reason: draft.status.message })}
          </Typography.Text>
        </Space>
      </Card>
      {restoredAt && (
        <Alert
          type="info"
          showIcon
          closable={{ onClose: () => setRestoredAt(null) }}
          title={t('intake.draftRestored')}
          description={t('intake.draftRestoredAt', { at: formatDateTime(locale, restoredAt) })}
        />
      )}
      {shownSaved && (
        <Alert
          data-testid="intake-last-saved"
          type="success"
          showIcon
          closable={{ onClose: () => setLastSaved(null) }}
          title={t('intake.lastSaved', { caseNo: shownSaved.caseNo })}
        />
      )}
      {general.length > 0 && (
        <Alert type="error" showIcon title={t('intake.cannotSave')} description={general.join('；')} />
      )}
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Card
            size="small"
            onCompositionStart={() => setComposingFrom(values.question)}
            onCompositionEnd={() => setComposingFrom(null)}
          >
            <IntakeForm
              disabled={saving}
              values={values}
              errors={errors}
              lists={lists}
              phoneRef={phoneRef}
              onChange={change}
              onPhoneBlur={onPhoneBlur}
            />
          </Card>
        </Col>
        <Col xs={24} lg={9} className="intake-side">
          <KbSuggestions
            question={(composingFrom ?? values.question).slice(0, KB_QUERY_MAX)}
            context={{
              category: values.category ?? undefined,
              subject: subject !== '' && subject.length <= KB_SUBJECT_MAX ? subject : undefined,
            }}
            regionCode={values.region?.code ?? null}
            linkedId={values.kbArticleId}
            active={active}
            onInsert={insertAnswer}
            onUnlink={() => change({ kbArticleId: null })}
            onLeave={focusQuestion}
          />
          <CallerHistoryPanel state={history} phoneHidden={values.phoneHidden} />
        </Col>
      </Row>
    </div>
  );
}
