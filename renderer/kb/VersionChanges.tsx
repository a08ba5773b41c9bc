import { Alert, Skeleton } from 'antd';
import { errorLine } from '../api/errorText';
import { useQuery } from '../api/useQuery';
import { useT } from '../i18n/I18nProvider';
import { DiffFields } from './DiffFields';

/** What version `to` changed against the one before it, from the server (kbEdit:diff). */
export function VersionChanges({ id, to }: { id: string; to: number }) {
  const t = useT();
  const query = useQuery(`kb-diff:${id}:${to}`, (api) => api.kbEdit.diff({ id, from: to - 1, to }));
  if (query.error)
    return <Alert type="warning" showIcon title={t('kb.diff.failed')} description={errorLine(t, query.error)} />;
  if (!query.data) return <Skeleton active paragraph={{ rows: 2 }} />;
  return <DiffFields fields={query.data.fields} />;
}
