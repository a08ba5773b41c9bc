import { DislikeOutlined, LikeOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Out } from '../../shared/contract/contract';
import type { ContractError } from '../../shared/contract/result';
import { useHotline } from '../api/HotlineContext';
import { errorLine } from '../api/errorText';
import { useT } from '../i18n/I18nProvider';

type Sent =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'sent'; counts: Out<'kb:feedback'> }
  | { kind: 'failed'; error: ContractError };

/** 有用 / 没用: tells the article's expert whether it answered the farmer. Needs the server; says so when offline. */
export function FeedbackButtons({ id }: { id: string }) {
  const t = useT();
  const api = useHotline();
  const [sent, setSent] = useState<Sent>({ kind: 'idle' });

  const send = async (helpful: boolean) => {
    setSent({ kind: 'sending' });
    const result = await api.kb.feedback({ id, helpful });
    setSent(result.ok ? { kind: 'sent', counts: result.value } : { kind: 'failed', error: result.error });
  };

  return (
    <Space wrap data-testid="kb-feedback">
      <Typography.Text type="secondary">{t('kb.feedback.ask')}</Typography.Text>
      <Button
        size="small"
        icon={<LikeOutlined />}
        disabled={sent.kind === 'sending' || sent.kind === 'sent'}
        onClick={() => void send(true)}
      >
        {t('kb.feedback.helpful')}
      </Button>
      <Button
        size="small"
        icon={<DislikeOutlined />}
        disabled={sent.kind === 'sending' || sent.kind === 'sent'}
        onClick={() => void send(false)}
      >
        {t('kb.feedback.notHelpful')}
      </Button>
      {sent.kind === 'sent' && (
        <Typography.Text type="success">
          {t('kb.feedback.thanks', { helpful: sent.counts.helpful, notHelpful: sent.counts.notHelpful })}
        </Typography.Text>
      )}
      {sent.kind === 'failed' && (
        <Typography.Text type="warning" data-testid="kb-feedback-error">
          {sent.error.code === 'OFFLINE' ? t('kb.feedback.offline') : errorLine(t, sent.error)}
        </Typography.Text>
      )}
    </Space>
  );
}
