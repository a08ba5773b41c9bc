import { Button, Cascader, Select, Space, Tooltip } from 'antd';
import { useMemo, useState } from 'react';
import { selectInput } from '../app/selectInput';
import { useT } from '../i18n/I18nProvider';
import { RegionNotFound } from './RegionNotFound';
import { pickedFromHit, type PickedRegion } from './pickedRegion';
import { useRegionBrowser } from './useRegionBrowser';
import { useRegionSearch } from './useRegionSearch';

type Props = {
  value: PickedRegion | null;
  onChange: (value: PickedRegion | null) => void;
  testId: string;
  status?: 'error';
  placeholder?: string;
};

/**
 * The region picker: type 长春, 九台, a village or pinyin initials (jt) and choose a hit with the
 * arrow keys, or browse level by level with the button beside it. Both show the full path.
 */
export function RegionPicker({ value, onChange, testId, status, placeholder }: Props) {
  const t = useT();
  const [query, setQuery] = useState('');
  const { hits, searching } = useRegionSearch(query);
  const browser = useRegionBrowser();

  const options = useMemo(() => {
    const list = hits.map(pickedFromHit).map((p) => ({ value: p.code, label: p.label }));
    if (value && !list.some((o) => o.value === value.code)) list.unshift({ value: value.code, label: value.label });
    return list;
  }, [hits, value]);

  const input = useMemo(() => selectInput(testId), [testId]);

  return (
    <Space.Compact block>
      <Select
        showSearch={{ filterOption: false, onSearch: setQuery, searchValue: query }}
        components={{ input }}
        value={value?.code ?? null}
        options={options}
        status={status}
        placeholder={placeholder ?? t('region.placeholder')}
        notFoundContent={<RegionNotFound searching={searching} query={query} />}
        allowClear
        onChange={(code: string | null) => {
          const picked = options.find((o) => o.value === code);
          onChange(picked ? { code: picked.value, label: picked.label } : null);
          setQuery('');
        }}
        style={{ flex: 1 }}
      />
      <Cascader
        options={browser.options}
        loadData={browser.loadData}
        changeOnSelect
        onOpenChange={(open) => open && browser.ensureRoots()}
        onChange={(_codes, selected) => {
          const last = selected?.at(-1);
          if (!last) return onChange(null);
          onChange({ code: String(last.value), label: selected.map((o) => String(o.label)).join(' / ') });
        }}
      >
        <Tooltip title={t('region.browse')}>
          <Button aria-label={t('region.browse')}>{t('region.browseShort')}</Button>
        </Tooltip>
      </Cascader>
    </Space.Compact>
  );
}
