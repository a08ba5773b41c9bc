import { Spin } from 'antd';
import { useT } from '../i18n/I18nProvider';

/** What a region picker's list says while it has no hits: searching, how to search, or nothing matched. */
export function RegionNotFound({ searching, query }: { searching: boolean; query: string }) {
  const t = useT();
  if (searching) return <Spin size="small" />;
  return <>{query.trim() === '' ? t('region.searchHint') : t('region.noMatch')}</>;
}
