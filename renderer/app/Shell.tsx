import { App as AntApp, Button, Layout, Space, Tooltip } from 'antd';
import { useRef, useState } from 'react';
import { useSession } from '../account/SessionContext';
import { CasesPage } from '../cases/CasesPage';
import { useT } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/zh-CN';
import { IntakePage } from '../intake/IntakePage';
import { KbPage } from '../kb/KbPage';
import { kbRights } from '../kb/rights';
import { KbEditNavProvider } from '../kbEdit/KbEditNav';
import { KbEditPage, type EditorTarget } from '../kbEdit/KbEditPage';
import { confirmDiscard } from '../kbEdit/unsavedEdits';
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
 * mounted while hidden so a half-typed inquiry survives a look at the case list; so does 知识维护 once
 * opened, so an article being edited survives too. 知识维护 is there only for those who write or review
 * articles; other pages (a case's 转为知识) may open an article in it.
 */
export function Shell() {
  const t = useT();
  const [page, setPage] = useState<PageId>('intake');
  const [editing, setEditing] = useState<EditorTarget>(null);
  const [kbEditMounted, setKbEditMounted] = useState(false);
  const editorUnsaved = useRef(false);
  const { modal } = AntApp.useApp();
  const user = useSession().session?.user;
  const writesKb = kbRights(user).works;
  const show = (id: PageId) => {
    setPage(id);
    if (id === 'kbEdit') setKbEditMounted(true);
  };
  const openInKbEdit = (id: string) => {
    const go = () => {
      setEditing({ id });
      show('kbEdit');
    };
    if (editorUnsaved.current && editing?.id !== id) confirmDiscard(modal, t, 'switch', go);
    else go();
  };
  useHotkey(HOTKEYS.navIntake, () => show('intake'));
  useHotkey(HOTKEYS.navCases, () => show('cases'));
  useHotkey(HOTKEYS.navSettings, () => show('settings'));
  useHotkey(HOTKEYS.navSync, () => show('sync'));
  useHotkey(HOTKEYS.navKb, () => show('kb'));
  useHotkey(HOTKEYS.navKbEdit, () => show('kbEdit'), writesKb);

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
                  onClick={() => show(item.id)}
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
          <IntakePage active={page === 'intake'} onShow={() => show('intake')} />
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
        {kbEditMounted && writesKb && (
          <div hidden={page !== 'kbEdit'} className="page">
            <KbEditPage
              key={user?.id}
              editing={editing}
              onEdit={setEditing}
              active={page === 'kbEdit'}
              unsavedRef={editorUnsaved}
            />
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
      <StatusBar onOpenSync={() => show('sync')} />
    </Layout>
  );
}
