import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, type ReactNode } from 'react';
import { CATEGORIES, type Category } from '../../shared/domain/categories';
import type { CaseSearchHit } from '../../shared/domain/kbServer';
import { isOpen } from '../../shared/domain/status';
import { formatDateTime } from '../i18n/dates';
import { useLocale, useT, type Translate } from '../i18n/I18nProvider';
import { MarkedText } from '../kb/MarkedText';
import { markTerms } from './markTerms';

type Props = {
  hits: CaseSearchHit[];
  terms: string[];
  loading: boolean;
  onOpen: (hit: CaseSearchHit) => void;
  emptyText: ReactNode;
};

/** The server's category is free text; a known one is shown in the UI's language. */
export function categoryLabel(t: Translate, category: string): string {
  return (CATEGORIES as readonly string[]).includes(category) ? t(`category.${category as Category}`) : category;
}

/** Server hits, newest first; every row is a tab stop that Enter (or a click) opens. */
export function ServerCaseTable({ hits, terms, loading, onOpen, emptyText }: Props) {
  const t = useT();
  const locale = useLocale();

  const columns = useMemo<ColumnsType<CaseSearchHit>>(
    () => [
      { title: t('case.caseNo'), dataIndex: 'caseNo', width: 170 },
      {
        title: t('case.createdAt'),
        dataIndex: 'createdAt',
        width: 170,
        render: (v: string) => formatDateTime(locale, v),
      },
      { title: t('cases.server.seat'), dataIndex: 'seatCode', width: 80 },
      {
        title: t('intake.status'),
        dataIndex: 'status',
        width: 100,
        render: (v: CaseSearchHit['status']) => <Tag color={isOpen(v) ? 'orange' : 'green'}>{t(`status.${v}`)}</Tag>,
      },
      {
        title: t('intake.category'),
        dataIndex: 'category',
        width: 160,
        render: (v: string) => categoryLabel(t, v),
      },
      {
        title: t('cases.question'),
        dataIndex: 'questionExcerpt',
        render: (v: string) => <MarkedText parts={markTerms(v, terms)} />,
      },
    ],
    [locale, t, terms],
  );

  return (
    <div aria-label={t('cases.server.tableLabel')} data-testid="cases-server-table">
      <Table<CaseSearchHit>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={hits}
        loading={loading && hits.length === 0}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText }}
        onRow={(hit) => ({
          tabIndex: 0,
          className: 'cases-server-row',
          onClick: () => onOpen(hit),
          onKeyDown: (e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            onOpen(hit);
          },
        })}
      />
    </div>
  );
}
