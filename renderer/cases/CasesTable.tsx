import { Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType, TableRef } from 'antd/es/table';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode, type UIEvent } from 'react';
import type { InquirySummary } from '../../shared/domain/inquiry';
import { isOpen } from '../../shared/domain/status';
import { formatDateTime } from '../i18n/dates';
import { useLocale, useT } from '../i18n/I18nProvider';

const ROW_HEIGHT = 40;
/** Start fetching the next page this many rows before the end, so scrolling rarely waits. */
const PREFETCH_ROWS = 30;

type Props = {
  items: InquirySummary[];
  loading: boolean;
  onNeedMore: () => void;
  onOpen: (id: string) => void;
  emptyText: ReactNode;
};

/** A virtualized case list: arrow keys move, Enter opens; scrolling near the end asks for the next page. */
export function CasesTable({ items, loading, onNeedMore, onOpen, emptyText }: Props) {
  const t = useT();
  const locale = useLocale();
  const [cursor, setCursor] = useState(0);
  const [height, setHeight] = useState(() => tableHeight());
  const tableRef = useRef<TableRef>(null);

  useEffect(() => {
    const onResize = () => setHeight(tableHeight());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);

  const columns = useMemo<ColumnsType<InquirySummary>>(
    () => [
      { title: t('case.caseNo'), dataIndex: 'caseNo', width: 170 },
      {
        title: t('case.createdAt'),
        dataIndex: 'createdAt',
        width: 170,
        render: (v: string) => formatDateTime(locale, v),
      },
      {
        title: t('cases.caller'),
        key: 'caller',
        width: 180,
        render: (_: unknown, r) =>
          (r.callerPhone === 'unknown' ? t('intake.phoneHiddenValue') : r.callerPhone) +
          (r.callerName ? ` ${r.callerName}` : ''),
      },
      {
        title: t('intake.region'),
        dataIndex: 'regionName',
        width: 200,
        ellipsis: true,
        render: (v: string | null) => v ?? '—',
      },
      {
        title: t('intake.category'),
        dataIndex: 'category',
        width: 150,
        render: (v: InquirySummary['category']) => t(`category.${v}`),
      },
      {
        title: t('intake.status'),
        dataIndex: 'status',
        width: 100,
        render: (v: InquirySummary['status']) => <Tag color={isOpen(v) ? 'orange' : 'green'}>{t(`status.${v}`)}</Tag>,
      },
      { title: t('case.operator'), dataIndex: 'operator', width: 100 },
      {
        title: t('cases.question'),
        dataIndex: 'questionExcerpt',
        render: (v: string, r) => (
          <Typography.Text ellipsis>
            {r.pendingSync && (
              <Tooltip title={t('case.pendingSync')}>
                <Tag color="orange">{t('cases.unsyncedShort')}</Tag>
              </Tooltip>
            )}
            {v}
          </Typography.Text>
        ),
      },
    ],
    [locale, t],
  );

  const move = (next: number) => {
    const index = Math.max(0, Math.min(items.length - 1, next));
    setCursor(index);
    tableRef.current?.scrollTo({ index });
    if (index >= items.length - PREFETCH_ROWS) onNeedMore();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (items.length === 0) return;
    const page = Math.max(1, Math.floor(height / ROW_HEIGHT) - 1);
    const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (e.key in steps) {
      e.preventDefault();
      move(cursor + (steps[e.key] ?? 0));
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      move(e.key === 'Home' ? 0 : items.length - 1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const row = items[cursor];
      if (row) onOpen(row.id);
    }
  };

  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    if (el.scrollHeight - el.scrollTop - el.clientHeight < PREFETCH_ROWS * ROW_HEIGHT) onNeedMore();
  };

  return (
    <div
      className="cases-table"
      tabIndex={0}
      onKeyDown={onKeyDown}
      aria-label={t('cases.tableLabel')}
      data-testid="cases-table"
    >
      <Table<InquirySummary>
        ref={tableRef}
        virtual
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={items}
        loading={loading && items.length === 0}
        pagination={false}
        scroll={{ x: 1300, y: height }}
        onScroll={onScroll}
        locale={{ emptyText }}
        rowClassName={(_, index) => (index === cursor ? 'cases-row-current' : '')}
        onRow={(record, index) => ({
          onClick: () => {
            setCursor(index ?? 0);
            onOpen(record.id);
          },
        })}
      />
    </div>
  );
}

function tableHeight(): number {
  return Math.max(240, window.innerHeight - 290);
}
