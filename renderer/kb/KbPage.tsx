import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Input, Select, Space, Spin, Typography } from 'antd';
import type { InputRef } from 'antd';
import { useRef, useState } from 'react';
import { CATEGORIES } from '../../shared/domain/categories';
import { KB_SEASONS, type KbFilters } from '../../shared/domain/kb';
import { errorLine } from '../api/errorText';
import { HOTKEYS, useHotkey } from '../app/hotkeys';
import { useT } from '../i18n/I18nProvider';
import { useReferenceLists } from '../reference/useReferenceLists';
import type { PickedRegion } from '../region/pickedRegion';
import { RegionPicker } from '../region/RegionPicker';
import { ArticleDrawer } from './ArticleDrawer';
import { KbHitList } from './KbHitList';
import { KbStatusLine } from './KbStatusLine';
import { shownResult, useKbSearch } from './useKbSearch';
import { useOpenedHit } from './useOpenedHit';
import { usePickedHit } from './usePickedHit';

const PAGE_HITS = 20;
/** The most one search returns (KbSearchQuery): 再显示 stops there. */
const MAX_HITS = 100;

/** 知识库: search the seat's KB with filters, open an article, see its history. Ctrl+F searches, ↓ enters the list. */
export function KbPage() {
  const t = useT();
  const { lists } = useReferenceLists();
  const [q, setQ] = useState('');
  const [filters, setFilters] = useState<KbFilters>({});
  const [region, setRegion] = useState<PickedRegion | null>(null);
  const searchRef = useRef<InputRef>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const [limit, setLimit] = useState(PAGE_HITS);
  const state = useKbSearch({ q, limit, filters, browse: true });
  const { hits, picked, pick } = usePickedHit(shownResult(state));
  const { openId, setOpenId, closed } = useOpenedHit(hits, pick, listRef, () => searchRef.current?.focus());
  useHotkey(HOTKEYS.focusSearch, () => searchRef.current?.focus(), openId === null);

  const setFilter = <K extends keyof KbFilters>(key: K, value: KbFilters[K] | undefined) => {
    setLimit(PAGE_HITS);
    setFilters((f) => {
      const next = { ...f };
      if (value === undefined) delete next[key];
      else next[key] = value;
      return next;
    });
  };

  return (
    <Card size="small" className="kb-page" title={t('kb.page.title')} extra={<KbStatusLine />}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap size="small">
          <Input
            ref={searchRef}
            autoFocus
            data-testid="kb-search"
            allowClear
            prefix={<SearchOutlined />}
            style={{ width: 420 }}
            placeholder={t('kb.page.searchPlaceholder')}
            value={q}
            onChange={(e) => {
              setQ(e.target.value.slice(0, 5000));
              setLimit(PAGE_HITS);
            }}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown' && hits.length > 0) {
                e.preventDefault();
                listRef.current?.focus();
              }
            }}
          />
          <Select
            data-testid="kb-filter-category"
            allowClear
            style={{ width: 220 }}
            placeholder={t('kb.category')}
            value={filters.category}
            options={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
            onChange={(v: string | undefined) => setFilter('category', v)}
          />
          <Select
            data-testid="kb-filter-subject"
            allowClear
            showSearch
            style={{ width: 160 }}
            placeholder={t('kb.subjects')}
            value={filters.subject}
            options={lists.subjects.map((s) => ({ value: s, label: s }))}
            onChange={(v: string | undefined) => setFilter('subject', v)}
          />
          <Select
            data-testid="kb-filter-season"
            allowClear
            style={{ width: 120 }}
            placeholder={t('kb.season')}
            value={filters.season}
            options={KB_SEASONS.map((s) => ({ value: s, label: t(`kb.seasonName.${s}`) }))}
            onChange={(v: KbFilters['season']) => setFilter('season', v)}
          />
          <div style={{ width: 300 }}>
            <RegionPicker
              testId="kb-filter-region"
              placeholder={t('kb.regionFilter')}
              value={region}
              onChange={(picked) => {
                setRegion(picked);
                setFilter('region', picked?.code);
              }}
            />
          </div>
          {state.kind === 'loading' && <Spin size="small" />}
          {state.kind === 'done' && (
            <Typography.Text type="secondary" data-testid="kb-result-count">
              {t(state.result.hits.length === limit ? 'kb.page.countFirst' : 'kb.page.count', {
                count: state.result.hits.length,
                ms: Math.round(state.result.tookMs),
              })}
              {state.result.terms.length > 0 && ` · ${t('kb.page.terms', { terms: state.result.terms.join(' ') })}`}
            </Typography.Text>
          )}
        </Space>
        {state.kind === 'failed' && (
          <Alert type="error" showIcon title={t('kb.page.failed')} description={errorLine(t, state.error)} />
        )}
        {state.kind === 'idle' && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('kb.page.idle')} />}
        {state.kind === 'done' && hits.length === 0 && (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('kb.suggest.none')} />
        )}
        {hits.length > 0 && (
          <KbHitList
            hits={hits}
            picked={picked}
            onPick={pick}
            onOpen={(hit) => setOpenId(hit.id)}
            onEscape={() => searchRef.current?.focus()}
            listRef={listRef}
            label={t('kb.page.title')}
            testId="kb-result"
            withFacts
          />
        )}
        {state.kind === 'done' && hits.length === limit && limit < MAX_HITS && (
          <Button data-testid="kb-more" onClick={() => setLimit((n) => Math.min(n + PAGE_HITS, MAX_HITS))}>
            {t('kb.page.more', { count: PAGE_HITS })}
          </Button>
        )}
      </Space>
      {openId && <ArticleDrawer id={openId} onClosed={closed} />}
    </Card>
  );
}
