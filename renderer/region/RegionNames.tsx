import { Tag } from 'antd';
import { useT } from '../i18n/I18nProvider';
import { useRegionLabels } from './useRegionLabels';

/** Where something applies, by name; no regions means the whole province. */
export function RegionNames({ codes, testId }: { codes: readonly string[]; testId: string }) {
  const t = useT();
  const labels = useRegionLabels(codes);
  if (codes.length === 0) return <span data-testid={testId}>{t('region.everywhere')}</span>;
  return (
    <span data-testid={testId}>
      {codes.map((code) => (
        <Tag key={code}>{labels.get(code) ?? code}</Tag>
      ))}
    </span>
  );
}
