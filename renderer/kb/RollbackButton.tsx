import { Alert, App, Button, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ContractError, Result } from '../../shared/contract/result';
import type { KbArticleDetail } from '../../shared/domain/kbServer';
import { useHotline } from '../api/HotlineContext';
import { errorLine } from '../api/errorText';
import { useT } from '../i18n/I18nProvider';

type Props = {
  id: string;
  version: number;
  /** The revision the caller shows; without it (the 知识库 drawer holds no revision) the latest is read first. */
  revision?: number;
  /** After a rollback, and after a CONFLICT so the caller reloads what changed under it. */
  onChanged: (after: KbArticleDetail | null) => void;
};

/** 回滚到此版本 (supervisors): publishes an earlier version's content again, with an optional note. */
export function RollbackButton({ id, version, revision, onChanged }: Props) {
  const t = useT();
  const api = useHotline();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ContractError | null>(null);

  const currentRevision = async (): Promise<Result<number>> => {
    if (revision !== undefined) return { ok: true, value: revision };
    const latest = await api.kbEdit.get({ id });
    return latest.ok ? { ok: true, value: latest.value.revision } : latest;
  };

  const rollback = async () => {
    setBusy(true);
    const base = await currentRevision();
    const text = note.trim();
    const result = base.ok
      ? await api.kbEdit.act({
          id,
          action: 'rollback',
          expectedRevision: base.value,
          toVersion: version,
          ...(text ? { note: text } : {}),
        })
      : base;
    setBusy(false);
    if (!result.ok) {
      setFailure(result.error);
      if (result.error.code === 'CONFLICT') onChanged(null);
      return;
    }
    setOpen(false);
    message.success(t('kb.rollback.done', { version: result.value.publishedVersion ?? version }));
    onChanged(result.value);
  };

  return (
    <>
      <Button size="small" data-testid="kb-rollback" onClick={() => setOpen(true)}>
        {t('kb.history.rollback')}
      </Button>
      <Modal
        open={open}
        title={t('kb.rollback.title', { version })}
        okText={t('kb.rollback.ok')}
        okButtonProps={{ danger: true, loading: busy, 'data-testid': 'kb-rollback-ok' }}
        onOk={() => void rollback()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph>{t('kb.rollback.body', { version })}</Typography.Paragraph>
          <Input.TextArea
            aria-label={t('kb.rollback.note')}
            placeholder={t('kb.rollback.note')}
            maxLength={500}
            autoSize={{ minRows: 2, maxRows: 4 }}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          {failure && <Alert type="error" showIcon title={errorLine(t, failure)} />}
        </Space>
      </Modal>
    </>
  );
}
