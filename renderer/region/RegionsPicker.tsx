import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../i18n/I18nProvider';
import { RegionNotFound } from './RegionNotFound';
import { pickedFromHit } from './pickedRegion';
import { useRegionLabels } from './useRegionLabels';
import { useRegionSearch } from './useRegionSearch';

/** One empty list for an unset field, so the lookups keyed on it do not rerun on every render. */
const NONE: string[] = [];

type Props = {
  /** Region codes, as a form field holds them. */
  value?: string[];
  onChange?: (codes: string[]) => void;
  testId: string;
  placeholder?: string;
};

/**
 * Several regions at once (where an article applies): type a name or pinyin initials and pick a hit
 * (the list closes; type again for another); chosen ones show their full path.
 */
export function RegionsPicker({ value = NONE, onChange, testId, placeholder }: Props) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const { hits, searching } = useRegionSearch(query);
  const labels = useRegionLabels(value);

  const options = useMemo(() => {
    const found = hits.map(pickedFromHit);
    const chosen = value.map((code) => ({
      value: code,
      label: labels.get(code) ?? found.find((p) => p.code === code)?.label ?? code,
    }));
    const more = found.filter((p) => !value.includes(p.code)).map((p) => ({ value: p.code, label: p.label }));
    return [...chosen, ...more];
  }, [hits, labels, value]);

  return (
    <Select
      data-testid={testId}
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: setQuery, searchValue: query }}
      value={value}
      options={options}
      placeholder={placeholder ?? t('region.placeholder')}
      notFoundContent={<RegionNotFound searching={searching} query={query} />}
      open={open}
      onOpenChange={setOpen}
      // antd gives Esc to the newest overlay, and a list fading out still counts as one: without the
      // fade, Esc right after a pick reaches the drawer (the editor asks before dropping the edits).
      transitionName=""
      onChange={(codes: string[]) => {
        onChange?.(codes);
        setQuery('');
        // Most articles name one or two places: close after a pick so Tab moves on, as in the other fields.
        setOpen(false);
      }}
    />
  );
}
