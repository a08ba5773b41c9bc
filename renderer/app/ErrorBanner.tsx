import { Alert, Button } from 'antd';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { ContractError } from '../../shared/contract/result';
import { useConnectionState } from '../api/HotlineContext';
import { describeError } from '../api/errorText';
import { useT } from '../i18n/I18nProvider';

type Reporter = { report(error: ContractError): void; dismiss(): void; error: ContractError | null };

const ErrorContext = createContext<Reporter>({ report: () => undefined, dismiss: () => undefined, error: null });

/** Holds the latest failure of a seat call so one banner, always in the same place, tells the operator. */
export function ErrorBannerProvider({ children }: { children: ReactNode }) {
  const [error, setError] = useState<ContractError | null>(null);
  const dismiss = useCallback(() => setError(null), []);
  const value = useMemo<Reporter>(() => ({ report: setError, dismiss, error }), [dismiss, error]);
  return <ErrorContext.Provider value={value}>{children}</ErrorContext.Provider>;
}

export function useReportError(): Reporter['report'] {
  return useContext(ErrorContext).report;
}

export function useDismissError(): Reporter['dismiss'] {
  return useContext(ErrorContext).dismiss;
}

/** Connection trouble first (it explains every other failure), else the last failed call. */
export function ErrorBanner() {
  const t = useT();
  const connection = useConnectionState();
  const { error, dismiss } = useContext(ErrorContext);

  if (connection === 'offline' || connection === 'no-token') {
    return (
      <Alert
        data-testid="error-banner"
        role="alert"
        type="error"
        banner
        title={t(connection === 'offline' ? 'banner.offline.title' : 'banner.noToken.title')}
        description={t(connection === 'offline' ? 'banner.offline' : 'banner.noToken')}
      />
    );
  }
  if (!error) return null;
  const { title, detail } = describeError(t, error);
  return (
    <Alert
      data-testid="error-banner"
      role="alert"
      type="error"
      banner
      title={title}
      description={detail}
      action={
        <Button size="small" onClick={dismiss}>
          {t('common.dismiss')}
        </Button>
      }
    />
  );
}
