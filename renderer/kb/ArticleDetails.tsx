import { Descriptions, Space, Tag, Typography } from 'antd';
import type { KbArticle } from '../../shared/domain/kb';
import { isPastValidity } from '../../shared/domain/kbServer';
import { formatDate, formatDateTime, seatToday } from '../i18n/dates';
import { useLocale, useT } from '../i18n/I18nProvider';
import { RegionNames } from '../region/RegionNames';

/** An article as an operator checks it before reading it out: the answer first, then why it can be trusted. */
export function ArticleDetails({ article }: { article: KbArticle }) {
  const t = useT();
  const locale = useLocale();
  const expired = isPastValidity(article.validUntil, seatToday());
  const validity =
    article.validUntil !== null
      ? t('kb.validUntil', { date: formatDate(locale, article.validUntil) })
      : article.reviewEachSeason
        ? t('kb.reviewEachSeason')
        : t('kb.noExpiry');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph data-testid="kb-article-answer" className="kb-answer">
        {article.answer}
      </Typography.Paragraph>
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('kb.category')}>{article.category}</Descriptions.Item>
        <Descriptions.Item label={t('kb.season')}>{t(`kb.seasonName.${article.season}`)}</Descriptions.Item>
        <Descriptions.Item label={t('kb.subjects')} span={2}>
          {article.subjects.length > 0 ? article.subjects.map((s) => <Tag key={s}>{s}</Tag>) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('kb.tags')} span={2}>
          {article.tags.length > 0 ? article.tags.map((s) => <Tag key={s}>{s}</Tag>) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('kb.regions')} span={2}>
          <RegionNames codes={article.regions} testId="kb-article-regions" />
        </Descriptions.Item>
        <Descriptions.Item label={t('kb.validity')}>
          <Typography.Text type={expired ? 'danger' : undefined} data-testid="kb-article-validity">
            {validity}
            {expired && ` · ${t('kb.expired')}`}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('kb.version')}>
          {t('kb.versionValue', { version: article.version, at: formatDateTime(locale, article.updatedAt) })}
        </Descriptions.Item>
        <Descriptions.Item label={t('kb.usage')} span={2}>
          {t('kb.usageValue', { count: article.usageCount })}
        </Descriptions.Item>
      </Descriptions>
    </Space>
  );
}
