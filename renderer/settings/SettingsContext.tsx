import { Button, Result as AntResult, Spin } from 'antd';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Result } from '../../shared/contract/result';
import type { Settings, SettingsPatch } from '../../shared/domain/settings';
import { useHotline } from '../api/HotlineContext';
import { errorLine } from '../api/errorText';
import { useQuery } from '../api/useQuery';
import { useT } from '../i18n/I18nProvider';

type SettingsState = { settings: Settings; update(patch: SettingsPatch): Promise<Result<Settings>> };

const SettingsContext = createContext<SettingsState | null>(null);

/** Loads the seat's settings before anything else renders: locale, seat code and operator come from them. */
export function SettingsProvider({ children }: { children: ReactNode }) {
  const api = useHotline();
  const t = useT();
  const query = useQuery('settings', (a) => a.settings.get());
  const [saved, setSaved] = useState<Settings | null>(null);
  const settings = saved ?? query.data;

  const update = useCallback(
    async (patch: SettingsPatch) => {
      const result = await api.settings.update(patch);
      if (result.ok) setSaved(result.value);
      return result;
    },
    [api],
  );
  const value = useMemo(() => (settings ? { settings, update } : null), [settings, update]);

  if (value) return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
  if (query.error) {
    return (
      <AntResult
        status="error"
        title={t('startup.failed')}
        subTitle={errorLine(t, query.error)}
        extra={
          <Button type="primary" onClick={query.reload}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  return (
    <div className="app-loading">
      <Spin size="large" />
      <span>{t('startup.loading')}</span>
    </div>
  );
}

export function useSettings(): SettingsState {
  const state = useContext(SettingsContext);
  if (!state) throw new Error('SettingsProvider is missing above this component');
  return state;
}
