import { Alert, Button, Card, Empty, Segmented, Space, Typography } from 'antd';
import type { InputRef } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { errorLine } from '../api/errorText';
import { HOTKEYS, useHotkey } from '../app/hotkeys';
import { useT } from '../i18n/I18nProvider';
import { CaseDetail } from './CaseDetail';
import { CaseFilters, EMPTY_FILTER, toCaseFilter, type FilterForm } from './CaseFilters';
import { CasesTable } from './CasesTable';
import { ServerCaseSearch } from './ServerCaseSearch';
import { useCaseList } from './useCaseList';

type Mode = 'local' | 'server';

/**
 * 工单: every case saved at this seat, filtered and searched, opened with Enter; or, online, every
 * case on the central server (全部历史).
 */
export function CasesPage() {
  const t = useT();
  const [mode, setMode] = useState<Mode>('local');
  const [form, setForm] = useState<FilterForm>(EMPTY_FILTER);
  const [openId, setOpenId] = useState<string | null>(null);
  const searchRef = useRef<InputRef>(null);
  const filter = useMemo(() => toCaseFilter(form), [form]);
  const list = useCaseList(filter);
  useHotkey(HOTKEYS.focusSearch, () => searchRef.current?.focus(), openId === null);
  // Set by 改为检索本机工单: the local search box appears only after the switch, so focus follows it there.
  const focusLocalSearch = useRef(false);
  useEffect(() => {
    if (mode !== 'local' || !focusLocalSearch.current) return;
    focusLocalSearch.current = false;
    searchRef.current?.focus();
  }, [mode]);

  // The server is out of reach: search this seat's cases for what was typed (an empty box keeps the local search).
  const backToLocal = (text: string) => {
    if (text.trim() !== '') setForm((f) => ({ ...f, text }));
    focusLocalSearch.current = true;
    setMode('local');
  };

  const filtered = Object.keys(filter).length > 0;
  const emptyText = (
    <Empty description={filtered ? t('cases.emptyFiltered') : t('cases.empty')}>
      {filtered && <Button onClick={() => setForm(EMPTY_FILTER)}>{t('cases.clearFilters')}</Button>}
    </Empty>
  );

  return (
    <Card size="small" className="cases-page">
      <Space orientation="vertical" size="small" style={{ width: '100%' }}>
        <Segmented<Mode>
          data-testid="cases-mode"
          aria-label={t('cases.mode.label')}
          value={mode}
          options={[
            { value: 'local', label: t('cases.mode.local') },
            { value: 'server', label: t('cases.mode.server') },
          ]}
          onChange={setMode}
        />
        {mode === 'server' ? (
          <ServerCaseSearch searchRef={searchRef} onOpenLocal={setOpenId} onBackToLocal={backToLocal} />
        ) : (
          <>
            <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
              <CaseFilters value={form} onChange={setForm} searchRef={searchRef} />
              <Typography.Text data-testid="cases-total" type="secondary">
                {list.loading && list.items.length === 0
                  ? t('cases.loading')
                  : t('cases.total', { total: list.total, shown: list.items.length })}
              </Typography.Text>
            </Space>
            {list.error && (
              <Alert
                type="error"
                showIcon
                title={t('cases.loadFailed')}
                description={errorLine(t, list.error)}
                action={<Button onClick={list.reload}>{t('common.retry')}</Button>}
              />
            )}
            <CasesTable
              items={list.items}
              loading={list.loading}
              onNeedMore={list.loadMore}
              onOpen={setOpenId}
              emptyText={emptyText}
            />
          </>
        )}
      </Space>
      {openId && <CaseDetail id={openId} onClose={() => setOpenId(null)} />}
    </Card>
  );
}
