import { App, Button, Form, Input, Modal, Space, Tooltip } from 'antd';
import { useState } from 'react';
import {
  KbSendBackRequest,
  isPastValidity,
  type KbArticleDetail,
  type KbReviewedValidity,
} from '../../shared/domain/kbServer';
import { HOTKEYS } from '../app/hotkeys';
import { seatToday, validityDate } from '../i18n/dates';
import { useLocale, useT } from '../i18n/I18nProvider';
import type { KbRights } from '../kb/rights';
import { ReviewedDialog } from './ReviewedDialog';
import type { ArticleStep } from './useEditedArticle';

export type ReviewStep = 'publish' | 'retire' | 'reviewed' | 'sendBack';
/** 退回 needs a reason; 复核无误 on an article past its date needs a new validity. */
export type StepInput = { note?: string; validity?: KbReviewedValidity };

type Props = {
  detail: KbArticleDetail | null;
  rights: KbRights;
  editable: boolean;
  responsible: boolean;
  busy: ArticleStep | null;
  onSave: () => void;
  onSubmit: () => void;
  onStep: (step: ReviewStep, input?: StepInput) => Promise<boolean>;
  /** Puts the focus back into the editor after a dialog, so Esc still closes it. */
  onRefocus: () => void;
};

/**
 * The buttons the user's role and the article's state allow; publishing and retiring ask first,
 * sending back asks why, confirming an article past its date asks for the new one.
 */
export function EditorActions(props: Props) {
  const { detail, rights, editable, responsible, busy, onSave, onSubmit, onStep, onRefocus } = props;
  const t = useT();
  const locale = useLocale();
  const { modal } = App.useApp();
  /** The send-back dialog, and the reason it starts from (given when a publish was refused). */
  const [sendBack, setSendBack] = useState({ open: false, note: '' });
  const [reviewing, setReviewing] = useState(false);
  const inReview = detail?.status === 'in_review';
  const pastDate = detail?.draft?.validUntil;

  // The server refuses to publish a draft past its date (it would reach seats already due for
  // review) and only the expert can change it: say so, and offer the send-back with the reason.
  const refusePastDate = (date: string) =>
    modal.confirm({
      title: t('kbEdit.publishPast.title'),
      content: t('kbEdit.publishPast.body', { date: validityDate(locale, date) }),
      okText: t('kbEdit.sendBack'),
      cancelText: t('common.cancel'),
      focusable: { focusTriggerAfterClose: false },
      afterClose: onRefocus,
      onOk: () => setSendBack({ open: true, note: t('kbEdit.publishPast.note', { date: validityDate(locale, date) }) }),
    });

  const confirm = (step: 'publish' | 'retire') => {
    if (step === 'publish' && pastDate && isPastValidity(pastDate, seatToday())) return refusePastDate(pastDate);
    return modal.confirm({
      title: t(`kbEdit.${step}`),
      content: t(`kbEdit.confirm.${step}`),
      okText: t('kbEdit.confirm.ok'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: step === 'retire' },
      // The button that opened it is gone once the step is done: focus goes back to the editor instead.
      focusable: { focusTriggerAfterClose: false },
      afterClose: onRefocus,
      onOk: () => onStep(step),
    });
  };

  return (
    <Space wrap data-testid="kbedit-actions">
      {editable && (
        <>
          <Tooltip title={HOTKEYS.save.label}>
            <Button data-testid="kbedit-save" loading={busy === 'save'} onClick={onSave}>
              {t('kbEdit.save')} <kbd>{HOTKEYS.save.label}</kbd>
            </Button>
          </Tooltip>
          <Button type="primary" data-testid="kbedit-submit" loading={busy === 'submit'} onClick={onSubmit}>
            {t('kbEdit.submit')}
          </Button>
        </>
      )}
      {rights.review && inReview && (
        <>
          <Button
            type="primary"
            data-testid="kbedit-publish"
            loading={busy === 'publish'}
            onClick={() => confirm('publish')}
          >
            {t('kbEdit.publish')}
          </Button>
          <Button
            data-testid="kbedit-send-back"
            loading={busy === 'sendBack'}
            onClick={() => setSendBack({ open: true, note: '' })}
          >
            {t('kbEdit.sendBack')}
          </Button>
        </>
      )}
      {detail?.reviewDue && (rights.review || (rights.author && responsible)) && (
        <Button
          data-testid="kbedit-reviewed"
          loading={busy === 'reviewed'}
          onClick={() => (detail.reviewDue === 'expired' ? setReviewing(true) : void onStep('reviewed'))}
        >
          {t('kbEdit.reviewed')}
        </Button>
      )}
      {rights.review && detail && detail.status !== 'retired' && (
        <Button danger data-testid="kbedit-retire" loading={busy === 'retire'} onClick={() => confirm('retire')}>
          {t('kbEdit.retire')}
        </Button>
      )}
      <SendBackDialog
        // A new starting reason is a new dialog; closing keeps it, so the dialog can fade out.
        key={sendBack.note}
        open={sendBack.open}
        initialNote={sendBack.note}
        busy={busy === 'sendBack'}
        onCancel={() => setSendBack((s) => ({ ...s, open: false }))}
        afterClose={onRefocus}
        onSend={async (note) => {
          const sent = await onStep('sendBack', { note });
          if (sent) setSendBack((s) => ({ ...s, open: false }));
          return sent;
        }}
      />
      {detail && (
        <ReviewedDialog
          open={reviewing}
          detail={detail}
          busy={busy === 'reviewed'}
          onCancel={() => setReviewing(false)}
          afterClose={onRefocus}
          onConfirm={async (validity) => {
            const done = await onStep('reviewed', { validity });
            if (done) setReviewing(false);
          }}
        />
      )}
    </Space>
  );
}

/** 退回 needs a reason the expert can act on; the shared schema says when it is missing. */
function SendBackDialog({
  open,
  initialNote,
  busy,
  onCancel,
  afterClose,
  onSend,
}: {
  open: boolean;
  initialNote: string;
  busy: boolean;
  onCancel: () => void;
  afterClose: () => void;
  onSend: (note: string) => Promise<boolean>;
}) {
  const t = useT();
  const [note, setNote] = useState(initialNote);
  const [problem, setProblem] = useState<string | null>(null);
  const send = () => {
    const checked = KbSendBackRequest.shape.note.safeParse(note);
    if (!checked.success) return setProblem(checked.error.issues[0]?.message ?? null);
    void onSend(checked.data).then((sent) => {
      if (sent) setNote('');
    });
  };
  return (
    <Modal
      open={open}
      title={t('kbEdit.sendBack.title')}
      okText={t('kbEdit.sendBack')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy }}
      focusable={{ focusTriggerAfterClose: false }}
      afterClose={afterClose}
      onOk={send}
      onCancel={onCancel}
    >
      <Form layout="vertical" component="div">
        <Form.Item
          label={t('kbEdit.sendBack.reason')}
          required
          validateStatus={problem ? 'error' : undefined}
          help={problem ?? undefined}
        >
          <Input.TextArea
            data-testid="kbedit-send-back-note"
            autoFocus
            maxLength={500}
            autoSize={{ minRows: 3, maxRows: 6 }}
            value={note}
            onChange={(e) => {
              setNote(e.target.value);
              setProblem(null);
            }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
