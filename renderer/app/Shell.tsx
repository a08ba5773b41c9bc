import { Button, Layout, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { useSession } from '../account/SessionContext';
import { CasesPage } from '../cases/CasesPage';
import { useT } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/zh-CN';
import { IntakePage } from '../intake/IntakePage';
import { KbPage } from '../kb/KbPage';
import { kbRights } from '../kb/rights';
import { KbEditNavProvider } from '../kbEdit/KbEditNav';
import { KbEditPage, type EditorTarget } from '../kbEdit/KbEditPage';
import { SettingsPage } from '../settings/SettingsPage';
import { SyncPage } from '../sync/SyncPage';
import { ErrorBanner } from './ErrorBanner';
import { HOTKEYS, useHotkey, type Hotkey } from './hotkeys';
import { StatusBar } from './StatusBar';

export type PageId = 'intake' | 'cases' | 'kb' | 'kbEdit' | 'settings' | 'sync';

const NAV: { id: PageId; label: MessageKey; hotkey: Hotkey }[] = [
  { id: 'intake', label: 'nav.intake', hotkey: HOTKEYS.navIntake },
  { id: 'cases', label: 'nav.cases', hotkey: HOTKEYS.navCases },
  { id: 'kb', label: 'nav.kb', hotkey: HOTKEYS.navKb },
  { id: 'kbEdit', label: 'nav.kbEdit', hotkey: HOTKEYS.navKbEdit },
  { id: 'settings', label: 'nav.settings', hotkey: HOTKEYS.navSettings },
  { id: 'sync', label: 'nav.sync', hotkey: HOTKEYS.navSync },
];

/**
 * Top navigation, the banner and the status bar around the current page. The intake page stays
 * mounted while hidden so a half-typed inquiry survives a look at the case list. 知识维护 is there
 * only for those who write or review articles; other pages (a case's 转为知识) may open an article in it.
 */
export function Shell() {
  const t = useT();
  const [page, setPage] = useState<PageId>('intake');
  const [editing, setEditing] = useState<EditorTarget>(null);
  const user = useSession().session?.user;
  const writesKb = kbRights(user).works;
  const openInKbEdit = (id: string) => {
    setEditing({ id });
    setPage('kbEdit');
  };
  useHotkey(HOTKEYS.navIntake, () => setPage('intake'));
  useHotkey(HOTKEYS.navCases, () => setPage('cases'));
  useHotkey(HOTKEYS.navSettings, () => setPage('settings'));
  useHotkey(HOTKEYS.navSync, () => setPage('sync'));
  useHotkey(HOTKEYS.navKb, () => setPage('kb'));
  useHotkey(HOTKEYS.navKbEdit, () => setPage('kbEdit'), writesKb);

  return (
    <Layout className="shell">
      <Layout.Header className="shell-header">
        <span className="shell-title">{t('app.title')}</span>
        <nav aria-label={t('nav.label')}>
          <Space>
            {NAV.filter((item) => item.id !== 'kbEdit' || writesKb).map((item) => (
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
        <KbEditNavProvider value={writesKb ? openInKbEdit : null}>
          {page === 'cases' && (
            <div className="page">
              <CasesPage />
            </div>
          )}
        </KbEditNavProvider>
        {page === 'kb' && (
          <div className="page">
            <KbPage />
          </div>
        )}
        {page === 'kbEdit' && writesKb && (
          <div className="page">
            <KbEditPage key={user?.id} editing={editing} onEdit={setEditing} />
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
