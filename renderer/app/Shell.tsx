import { Button, Layout, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { CasesPage } from '../cases/CasesPage';
import { useT } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/zh-CN';
import { IntakePage } from '../intake/IntakePage';
import { KbPage } from '../kb/KbPage';
import { SettingsPage } from '../settings/SettingsPage';
import { SyncPage } from '../sync/SyncPage';
import { ErrorBanner } from './ErrorBanner';
import { HOTKEYS, useHotkey, type Hotkey } from './hotkeys';
import { StatusBar } from './StatusBar';

export type PageId = 'intake' | 'cases' | 'kb' | 'settings' | 'sync';

const NAV: { id: PageId; label: MessageKey; hotkey: Hotkey }[] = [
  { id: 'intake', label: 'nav.intake', hotkey: HOTKEYS.navIntake },
  { id: 'cases', label: 'nav.cases', hotkey: HOTKEYS.navCases },
  { id: 'kb', label: 'nav.kb', hotkey: HOTKEYS.navKb },
  { id: 'settings', label: 'nav.settings', hotkey: HOTKEYS.navSettings },
  { id: 'sync', label: 'nav.sync', hotkey: HOTKEYS.navSync },
];

/**
 * Top navigation, the banner and the status bar around the current page. The intake page stays
 * mounted while hidden so a half-typed inquiry survives a look at the case list.
 */
export function Shell() {
  const t = useT();
  const [page, setPage] = useState<PageId>('intake');
  useHotkey(HOTKEYS.navIntake, () => setPage('intake'));
  useHotkey(HOTKEYS.navCases, () => setPage('cases'));
  useHotkey(HOTKEYS.navSettings, () => setPage('settings'));
  useHotkey(HOTKEYS.navSync, () => setPage('sync'));
  useHotkey(HOTKEYS.navKb, () => setPage('kb'));

  return (
    <Layout className="shell">
      <Layout.Header className="shell-header">
        <span className="shell-title">{t('app.title')}</span>
        <nav aria-label={t('nav.label')}>
          <Space>
            {NAV.map((item) => (
              <Tooltip key={item.id} title={item.hotkey.label}>
                <Button
                  data-testid={`nav-${item.id}`}
                  type={page === item.id ? 'primary' : 'text'}
                  className="shell-nav-button"
                  aria-current={page === item.id ? 'page' : undefined}
                  onClick={() => setPage(item.id)}
                >
                  {t(item.label)} <kbd>{item.hotkey.label}</kbd>
                </Button>
              </Tooltip>
            ))}
          </Space>
        </nav>
      </Layout.Header>
      <ErrorBanner />
      <Layout.Content className="shell-content">
        <div hidden={page !== 'intake'} className="page">
          <IntakePage active={page === 'intake'} onShow={() => setPage('intake')} />
        </div>
        {page === 'cases' && (
          <div className="page">
            <CasesPage />
          </div>
        )}
        {page === 'kb' && (
          <div className="page">
            <KbPage />
          </div>
        )}
        {page === 'sync' && (
          <div className="page">
            <SyncPage />
          </div>
        )}
        {page === 'settings' && (
          <div className="page">
            <SettingsPage />
          </div>
        )}
      </Layout.Content>
      <StatusBar onOpenSync={() => setPage('sync')} />
    </Layout>
  );
}
