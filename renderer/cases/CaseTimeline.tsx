import { Empty, Tag, Timeline, Typography } from 'antd';
import { z } from 'zod';
import type { InquiryEvent } from '../../shared/domain/inquiry';
import { STATUSES } from '../../shared/domain/status';
import { formatDateTime } from '../i18n/dates';
import { useLocale, useT, type Translate } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/zh-CN';

const StatusChange = z.object({ from: z.enum(STATUSES), to: z.enum(STATUSES) });
const Created = z.object({ caseNo: z.string().optional(), status: z.enum(STATUSES).optional() });
const Note = z.object({ text: z.string() });
export const FIELD_LABELS: Record<string, MessageKey> = {
  caseNo: 'field.caseNo',
  callerName: 'field.callerName',
  regionCode: 'field.regionCode',
  channel: 'field.channel',
  category: 'field.category',
  subject: 'field.subject',
  question: 'field.question',
  answer: 'field.answer',
  priority: 'field.priority',
  expertId: 'field.expertId',
  departmentId: 'field.departmentId',
  kbArticleId: 'field.kbArticleId',
  status: 'field.status',
  note: 'field.note',
};

/** One timeline entry in words an operator reads at a glance. */
export function describeEvent(t: Translate, event: InquiryEvent): string {
  switch (event.type) {
    case 'created': {
      const data = Created.safeParse(event.data);
      return t('timeline.created', { status: t(`status.${(data.success && data.data.status) || 'intake'}`) });
    }
    case 'status_changed': {
      const data = StatusChange.safeParse(event.data);
      return data.success
        ? t('timeline.statusChanged', { from: t(`status.${data.data.from}`), to: t(`status.${data.data.to}`) })
        : t('timeline.statusChangedPlain');
    }
    case 'edited': {
      const fields = Object.keys(event.data).map((f) => (FIELD_LABELS[f] ? t(FIELD_LABELS[f]) : f));
      return t('timeline.edited', { fields: fields.join('、') });
    }
    case 'note': {
      const data = Note.safeParse(event.data);
      return t('timeline.note', { text: data.success ? data.data.text : '' });
    }
  }
}

const COLORS: Record<InquiryEvent['type'], string> = {
  created: 'green',
  edited: 'blue',
  status_changed: 'orange',
  note: 'gray',
};

export function CaseTimeline({ events, refused = [] }: { events: InquiryEvent[]; refused?: readonly string[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div data-testid="case-timeline">
      {events.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('timeline.empty')} />}
      <Timeline
        items={events.map((e) => ({
          key: e.id,
          color: COLORS[e.type],
          content: (
            <div>
              <Typography.Text delete={refused.includes(e.id)}>{describeEvent(t, e)}</Typography.Text>
              {refused.includes(e.id) && (
                <Tag color="red" data-testid="event-refused">
                  {t('timeline.refused')}
                </Tag>
              )}
              <div>
                <Typography.Text type="secondary">
                  {formatDateTime(locale, e.at)} · {e.operator} <Tag>{e.seatCode}</Tag>
                </Typography.Text>
              </div>
            </div>
          ),
        }))}
      />
    </div>
  );
}
