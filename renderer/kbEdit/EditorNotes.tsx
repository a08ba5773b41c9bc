import { Alert, Space, Typography } from 'antd';
import type { KbArticleDetail } from '../../shared/domain/kbServer';
import { useT } from '../i18n/I18nProvider';
import type { KbRights } from '../kb/rights';

type Props = { detail: KbArticleDetail; rights: KbRights; responsible: boolean };

/**
 * What the user should know before touching the article: why a supervisor sent it back (or what
 * they noted on publishing), why it cannot be edited, that it is due for re-check, where it came from.
 */
export function EditorNotes({ detail, rights, responsible }: Props) {
  const t = useT();
  const sentBack = detail.status === 'draft' && detail.reviewNote !== null;
  // A supervisor reviewing is not told the article waits for review: the review buttons say it.
  const readOnly =
    detail.status === 'retired' || (detail.status === 'in_review' && !rights.review)
      ? t(`kbEdit.readOnly.${detail.status}`)
      : rights.author && !responsible
        ? t('kbEdit.readOnly.notMine', { name: detail.owner?.name ?? t('kbEdit.noOwner') })
        : !rights.author && !rights.review
          ? t('kbEdit.readOnly.role')
          : null;

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary" data-testid="kbedit-meta">
        {t('kbEdit.editor.meta', { owner: detail.owner?.name ?? t('kbEdit.noOwner'), author: detail.author.name })}
      </Typography.Text>
      {detail.reviewNote !== null && (
        <Alert
          data-testid="kbedit-review-note"
          type={sentBack ? 'warning' : 'info'}
          showIcon
          title={t(sentBack ? 'kbEdit.note.sentBack' : 'kbEdit.note.review', {
            name: detail.reviewer?.name ?? '—',
          })}
          description={detail.reviewNote}
        />
      )}
      {detail.reviewDue && <Alert type="error" showIcon title={t(`kbEdit.dueNote.${detail.reviewDue}`)} />}
      {readOnly && <Alert type="info" title={readOnly} />}
      {detail.sourceInquiryId !== null && detail.publishedVersion === null && (
        <Alert type="info" title={t('kbEdit.fromCaseNote')} data-testid="kbedit-from-case" />
      )}
      {detail.publishedVersion !== null && detail.draft !== null && (
        <Typography.Text type="secondary">{t('kbEdit.liveNote', { version: detail.publishedVersion })}</Typography.Text>
      )}
    </Space>
  );
}
