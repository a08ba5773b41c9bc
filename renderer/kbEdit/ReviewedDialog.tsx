import { Checkbox, DatePicker, Form, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { kbReviewedValidityOn, type KbArticleDetail, type KbReviewedValidity } from '../../shared/domain/kbServer';
import { useLocale, useT } from '../i18n/I18nProvider';
import { seatToday, validityDate } from '../i18n/dates';

type Props = {
  open: boolean;
  detail: KbArticleDetail;
  busy: boolean;
  onCancel: () => void;
  afterClose: () => void;
  onConfirm: (validity: KbReviewedValidity) => Promise<void>;
};

/**
 * 复核无误 on an article past its date: the content may still be right, but its old date would keep it
 * past, so the reviewer gives a new one (or review each season instead), checked by the shared schema.
 */
export function ReviewedDialog({ open, detail, busy, onCancel, afterClose, onConfirm }: Props) {
  const t = useT();
  const locale = useLocale();
  const [date, setDate] = useState<Dayjs | null>(null);
  const [eachSeason, setEachSeason] = useState(detail.reviewEachSeason);
  const [problem, setProblem] = useState<string | null>(null);
  const today = seatToday();

  const confirm = () => {
    const checked = kbReviewedValidityOn(today).safeParse({
      validUntil: date ? date.format('YYYY-MM-DD') : null,
      reviewEachSeason: eachSeason,
    });
    if (!checked.success) return setProblem(checked.error.issues[0]?.message ?? null);
    void onConfirm(checked.data);
  };

  return (
    <Modal
      open={open}
      title={t('kbEdit.reviewedDialog.title')}
      okText={t('kbEdit.reviewed')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'kbedit-reviewed-ok' }}
      focusable={{ focusTriggerAfterClose: false }}
      afterClose={afterClose}
      onOk={confirm}
      onCancel={onCancel}
    >
      <Typography.Paragraph>
        {t('kbEdit.reviewedDialog.body', {
          date: detail.validUntil ? validityDate(locale, detail.validUntil) : '—',
        })}
      </Typography.Paragraph>
      <Form layout="vertical" component="div">
        <Form.Item
          label={t('kbEdit.reviewedDialog.validUntil')}
          validateStatus={problem ? 'error' : undefined}
          help={problem ?? undefined}
        >
          <DatePicker
            data-testid="kbedit-reviewed-date"
            autoFocus
            style={{ width: '100%' }}
            value={date}
            disabledDate={(d) => d.format('YYYY-MM-DD') < today}
            onChange={(d: Dayjs | null) => {
              setDate(d);
              setProblem(null);
            }}
          />
        </Form.Item>
        <Checkbox
          data-testid="kbedit-reviewed-each-season"
          checked={eachSeason}
          onChange={(e) => {
            setEachSeason(e.target.checked);
            setProblem(null);
          }}
        >
          {t('kbEdit.reviewedDialog.eachSeason')}
        </Checkbox>
      </Form>
    </Modal>
  );
}
