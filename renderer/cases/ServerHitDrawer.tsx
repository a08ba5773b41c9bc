import { Alert, Descriptions, Drawer, Space, Tag, Typography } from 'antd';
import type { CaseSearchHit } from '../../shared/domain/kbServer';
import { isOpen } from '../../shared/domain/status';
import { useQuery } from '../api/useQuery';
import { formatDateTime } from '../i18n/dates';
import { useLocale, useT } from '../i18n/I18nProvider';
import { MarkedText } from '../kb/MarkedText';
import { markTerms } from './markTerms';
import { categoryLabel } from './ServerCaseTable';

/** A case found on the server but not kept at this seat: what the hit carries, read-only. */
export function ServerHitDrawer({ hit, terms, onClose }: { hit: CaseSearchHit; terms: string[]; onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  const code = hit.regionCode;
  // The name comes from this seat's region list; a code it does not know is shown as it is.
  const region = useQuery(code ? `region:${code}` : null, (api) => api.region.path({ code: code ?? '' }));
  const regionText = region.data ? region.data.path.map((p) => p.name).join(' ') : (code ?? '—');

  return (
    <Drawer open onClose={onClose} size={640} title={t('cases.server.hitTitle', { caseNo: hit.caseNo })}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="cases-server-hit">
        <Alert type="info" showIcon title={t('cases.server.notLocal')} />
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label={t('case.caseNo')}>{hit.caseNo}</Descriptions.Item>
          <Descriptions.Item label={t('intake.status')}>
            <Tag color={isOpen(hit.status) ? 'orange' : 'green'}>{t(`status.${hit.status}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('case.createdAt')}>{formatDateTime(locale, hit.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('cases.server.seat')}>{hit.seatCode}</Descriptions.Item>
          <Descriptions.Item label={t('cases.server.phone')}>{hit.callerPhoneMasked}</Descriptions.Item>
          <Descriptions.Item label={t('intake.category')}>{categoryLabel(t, hit.category)}</Descriptions.Item>
          <Descriptions.Item label={t('cases.server.subject')}>{hit.subject ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('cases.server.kbArticle')}>{hit.kbArticleId ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('intake.region')} span={2}>
            {regionText}
          </Descriptions.Item>
          <Descriptions.Item label={t('cases.question')} span={2}>
            <Typography.Text>
              <MarkedText parts={markTerms(hit.questionExcerpt, terms)} />
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('cases.server.answer')} span={2}>
            {hit.answerExcerpt ? <MarkedText parts={markTerms(hit.answerExcerpt, terms)} /> : '—'}
          </Descriptions.Item>
        </Descriptions>
      </Space>
    </Drawer>
  );
}
