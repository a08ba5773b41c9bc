import { App as AntApp, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCNAntd from 'antd/locale/zh_CN';
import { useLayoutEffect } from 'react';
import { SessionProvider } from '../account/SessionContext';
import { applyDayjsLocale } from '../i18n/dates';
import { I18nProvider } from '../i18n/I18nProvider';
import { useSettings } from '../settings/SettingsContext';
import { SyncStatusProvider } from '../sync/SyncStatusContext';
import { ErrorBannerProvider } from './ErrorBanner';
import { Shell } from './Shell';

const FONT_SIZES = { standard: 14, large: 16 } as const;

/** Applies the operator's UI preferences (language, font size) to antd, dayjs and our own texts. */
export function AppFrame() {
  const { settings } = useSettings();
  const { locale, fontSize } = settings.ui;
  useLayoutEffect(() => {
    applyDayjsLocale(locale);
    document.documentElement.lang = locale;
  }, [locale]);

  return (
    <I18nProvider locale={locale}>
      <ConfigProvider
        locale={locale === 'zh-CN' ? zhCNAntd : enUS}
        theme={{
          algorithm: theme.defaultAlgorithm,
          token: { fontSize: FONT_SIZES[fontSize], colorPrimary: '#1f6f43' },
        }}
      >
        <AntApp className="app-root">
          <ErrorBannerProvider>
            <SyncStatusProvider>
              <SessionProvider>
                <Shell />
              </SessionProvider>
            </SyncStatusProvider>
          </ErrorBannerProvider>
        </AntApp>
      </ConfigProvider>
    </I18nProvider>
  );
}
