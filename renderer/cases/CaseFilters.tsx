import { SearchOutlined } from '@ant-design/icons';
import { DatePicker, Input, Select, Space } from 'antd';
import type { InputRef } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState, type Ref } from 'react';
import { CATEGORIES, type Category } from '../../shared/domain/categories';
import { STATUSES, type Status } from '../../shared/domain/status';
import { DISPLAY_TZ } from '../i18n/dates';
import { useT } from '../i18n/I18nProvider';
import { RegionPicker } from '../region/RegionPicker';
import type { PickedRegion } from '../region/pickedRegion';
import type { CaseFilter } from './useCaseList';

const SEARCH_DEBOUNCE_MS = 300;

export type FilterForm = {
  range: [Dayjs, Dayjs] | null;
  statuses: Status[];
  categories: Category[];
  region: PickedRegion | null;
  operator: string;
  text: string;
};

export const EMPTY_FILTER: FilterForm = {
  range: null,
  statuses: [],
  categories: [],
  region: null,
  operator: '',
  text: '',
};

/** The list query for a filter form; dates are whole China-time days, inclusive. */
export function toCaseFilter(f: FilterForm): CaseFilter {
  const q: CaseFilter = {};
  if (f.range) {
    q.from = dayjs.tz(f.range[0].format('YYYY-MM-DD'), DISPLAY_TZ).startOf('day').toISOString();
    q.to = dayjs.tz(f.range[1].format('YYYY-MM-DD'), DISPLAY_TZ).endOf('day').toISOString();
  }
  if (f.statuses.length > 0) q.statuses = f.statuses;
  if (f.categories.length > 0) q.categories = f.categories;
  if (f.region) q.regionCode = f.region.code;
  if (f.operator.trim() !== '') q.operator = f.operator.trim();
  if (f.text.trim() !== '') q.text = f.text.trim();
  return q;
}

/** Filters above the case list. Typing in the search box waits until the operator pauses. */
export function CaseFilters({
  value,
  onChange,
  searchRef,
}: {
  value: FilterForm;
  onChange: (f: FilterForm) => void;
  searchRef: Ref<InputRef>;
}) {
  const t = useT();
  const [text, setText] = useState(value.text);
  const [operator, setOperator] = useState(value.operator);

  useEffect(() => {
    if (text === value.text && operator === value.operator) return;
    const timer = setTimeout(() => onChange({ ...value, text, operator }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, operator, value, onChange]);

  const statusOptions = useMemo(() => STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })), [t]);
  const categoryOptions = useMemo(() => CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) })), [t]);

  return (
    <Space wrap size="small" className="case-filters">
      <Input
        ref={searchRef}
        data-testid="cases-search"
        allowClear
        prefix={<SearchOutlined />}
        style={{ width: 280 }}
        placeholder={t('cases.searchPlaceholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onPressEnter={() => onChange({ ...value, text, operator })}
      />
      <DatePicker.RangePicker
        value={value.range}
        onChange={(range) => onChange({ ...value, range: range && range[0] && range[1] ? [range[0], range[1]] : null })}
        aria-label={t('cases.dateRange')}
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        style={{ minWidth: 160 }}
        placeholder={t('cases.status')}
        value={value.statuses}
        options={statusOptions}
        onChange={(statuses: Status[]) => onChange({ ...value, statuses })}
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        style={{ minWidth: 180 }}
        placeholder={t('cases.category')}
        value={value.categories}
        options={categoryOptions}
        onChange={(categories: Category[]) => onChange({ ...value, categories })}
      />
      <div style={{ width: 320 }}>
        <RegionPicker
          testId="cases-region"
          value={value.region}
          onChange={(region) => onChange({ ...value, region })}
          placeholder={t('cases.region')}
        />
      </div>
      <Input
        allowClear
        style={{ width: 140 }}
        placeholder={t('cases.operator')}
        value={operator}
        onChange={(e) => setOperator(e.target.value)}
      />
    </Space>
  );
}
