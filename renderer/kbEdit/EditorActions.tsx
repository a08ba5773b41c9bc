import { App, Button, Form, Input, Modal, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { KbSendBackRequest, type KbArticleDetail } from '../../shared/domain/kbServer';
import { HOTKEYS } from '../app/hotkeys';
import { useT } from '../i18n/I18nProvider';
import type { KbRights } from '../kb/rights';
import type { ArticleStep } from './useEditedArticle';

export type ReviewStep = 'publish' | 'retire' | 'reviewed' | 'sendBack';

type Props = {
  detail: KbArticleDetail | null;
  rights: KbRights;
  editable: boolean;
  responsible: boolean;
  busy: ArticleStep | null;
  onSave: () => void;
  onSubmit: () => void;
  onStep: (step: ReviewStep, note?: string) => Promise<boolean>;
  /** Puts the focus back into the editor after a dialog, so Esc still closes it. */
  onRefocus: () => void;
};

/** The buttons the user's role and the article's state allow; publishing and retiring ask first, sending back asks why. */
export function EditorActions(props: Props) {
  const { detail, rights, editable, responsible, busy, onSave, onSubmit, onStep, onRefocus } = props;
  const t = useT();
  const { modal } = App.useApp();
  const [sendingBack, setSendingBack] = useState(false);
  const inReview = detail?.status === 'in_review';
  const confirm = (step: 'publish' | 'retire') =>
    modal.confirm({
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
          <Button data-testid="kbedit-send-back" loading={busy === 'sendBack'} onClick={() => setSendingBack(true)}>
            {t('kbEdit.sendBack')}
          </Button>
        </>
      )}
      {detail?.reviewDue && (rights.review || (rights.author && responsible)) && (
        <Button data-testid="kbedit-reviewed" loading={busy === 'reviewed'} onClick={() => void onStep('reviewed')}>
          {t('kbEdit.reviewed')}
        </Button>
      )}
      {rights.review && detail && detail.status !== 'retired' && (
        <Button danger data-testid="kbedit-retire" loading={busy === 'retire'} onClick={() => confirm('retire')}>
          {t('kbEdit.retire')}
        </Button>
      )}
      <SendBackDialog
        open={sendingBack}
        busy={busy === 'sendBack'}
        onCancel={() => setSendingBack(false)}
        afterClose={onRefocus}
        onSend={async (note) => {
          const sent = await onStep('sendBack', note);
          if (sent) setSendingBack(false);
          return sent;
        }}
      />
    </Space>
  );
}

/** 退回 needs a reason the expert can act on; the shared schema says when it is missing. */
function SendBackDialog({
  open,
  busy,
  onCancel,
  afterClose,
  onSend,
}: {
  open: boolean;
  busy: boolean;
  onCancel: () => void;
  afterClose: () => void;
  onSend: (note: string) => Promise<boolean>;
}) {
  const t = useT();
  const [note, setNote] = useState('');
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
