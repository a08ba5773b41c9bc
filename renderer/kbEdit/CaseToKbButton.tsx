import { BookOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import type { Inquiry } from '../../shared/domain/inquiry';
import { useSession } from '../account/SessionContext';
import { useHotline } from '../api/HotlineContext';
import { errorLine } from '../api/errorText';
import { useT } from '../i18n/I18nProvider';
import { kbRights } from '../kb/rights';
import { useOpenInKbEdit } from './KbEditNav';

/**
 * 转为知识 (issue 4 §3): for experts, on a case that has an answer. The server makes a draft from
 * its copy of the case, linked back to it, and the 知识维护 page opens with that draft.
 */
export function CaseToKbButton({ inquiry }: { inquiry: Inquiry }) {
  const t = useT();
  const api = useHotline();
  const { modal } = App.useApp();
  const open = useOpenInKbEdit();
  const author = kbRights(useSession().session?.user).author;
  const [busy, setBusy] = useState(false);
  if (!open || !author || inquiry.answer.trim() === '') return null;

  const convert = async () => {
    setBusy(true);
    const result = await api.kbEdit.fromCase({ inquiryId: inquiry.id });
    setBusy(false);
    if (result.ok) open(result.value.id);
    else modal.warning({ title: t('kbEdit.fromCase.failed'), content: errorLine(t, result.error) });
  };

  return (
    <Button icon={<BookOutlined />} data-testid="case-to-kb" loading={busy} onClick={() => void convert()}>
      {t('kbEdit.fromCase')}
    </Button>
  );
}
