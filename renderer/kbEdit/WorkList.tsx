import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, type KeyboardEvent, type ReactNode } from 'react';
import { formatDateTime } from '../i18n/dates';
import { useLocale, useT } from '../i18n/I18nProvider';
import { DueTag, StatusTag } from './StatusTag';
import type { WorkRow } from './useWorkList';

type Props = { rows: WorkRow[]; loading: boolean; onOpen: (id: string) => void; emptyText: ReactNode };

/** Moves focus between rows with ↑/↓ and opens the focused one with Enter. */
function onRowKey(e: KeyboardEvent<HTMLElement>, open: () => void) {
  const row = e.currentTarget;
  const next = e.key === 'ArrowDown' ? row.nextElementSibling : e.key === 'ArrowUp' ? row.previousElementSibling : null;
  if (e.key === 'Enter') {
    e.preventDefault();
    open();
  } else if (next instanceof HTMLElement) {
    e.preventDefault();
    next.focus();
  }
}

/** The articles of one view; every row is a tab stop, so the list works without a mouse. */
export function WorkList({ rows, loading, onOpen, emptyText }: Props) {
  const t = useT();
  const locale = useLocale();
  const columns = useMemo<ColumnsType<WorkRow>>(
    () => [
      {
        title: t('kbEdit.col.title'),
        dataIndex: 'title',
        render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
      },
      { title: t('kbEdit.col.category'), dataIndex: 'category', width: 170 },
      {
        title: t('kbEdit.col.status'),
        dataIndex: 'status',
        width: 90,
        render: (v: WorkRow['status']) => <StatusTag status={v} />,
      },
      {
        title: t('kbEdit.col.version'),
        dataIndex: 'publishedVersion',
        width: 100,
        render: (v: number | null) => (v === null ? t('kbEdit.unpublished') : t('kbEdit.versionValue', { version: v })),
      },
      {
        title: t('kbEdit.col.owner'),
        dataIndex: 'owner',
        width: 100,
        render: (v: WorkRow['owner']) => v?.name ?? t('kbEdit.noOwner'),
      },
      {
        title: t('kbEdit.col.updatedAt'),
        dataIndex: 'updatedAt',
        width: 170,
        render: (v: string) => formatDateTime(locale, v),
      },
      {
        title: t('kbEdit.col.due'),
        dataIndex: 'reviewDue',
        width: 80,
        render: (v: WorkRow['reviewDue'], r) => (v ? <DueTag reason={v} validUntil={r.validUntil} /> : null),
      },
    ],
    [locale, t],
  );

  return (
    <Table<WorkRow>
      data-testid="kbedit-list"
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      locale={{ emptyText }}
      onRow={(r) => ({
        tabIndex: 0,
        className: 'kbedit-row',
        'data-testid': 'kbedit-row',
        onClick: () => onOpen(r.id),
        onKeyDown: (e: KeyboardEvent<HTMLElement>) => onRowKey(e, () => onOpen(r.id)),
      })}
    />
  );
}
