import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Input, Space, Typography } from 'antd';
import type { InputRef } from 'antd';
import { useState, type Ref } from 'react';
import type { CaseSearchHit } from '../../shared/domain/kbServer';
import { useSession } from '../account/SessionContext';
import { useHotline } from '../api/HotlineContext';
import { errorLine } from '../api/errorText';
import { useT } from '../i18n/I18nProvider';
import { ServerCaseTable } from './ServerCaseTable';
import { useServerBlock } from './serverReach';
import { ServerHitDrawer } from './ServerHitDrawer';
import { useServerCaseSearch } from './useServerCaseSearch';

type Props = {
  searchRef: Ref<InputRef>;
  /** The hit is a case this seat keeps: open it the usual way (details, edit, timeline). */
  onOpenLocal: (id: string) => void;
  /** Gets what is typed in the search box, for the local search to run. */
  onBackToLocal: (text: string) => void;
};

/**
 * 全部历史（服务器）: every case on the central server, searched on Enter, paged with "加载更多"; when no
 * case holds every word, the server's closest cases on one page, said so above them.
 */
export function ServerCaseSearch({ searchRef, onOpenLocal, onBackToLocal }: Props) {
  const t = useT();
  const api = useHotline();
  const search = useServerCaseSearch();
  const { openLogin } = useSession();
  const [text, setText] = useState('');
  const [shown, setShown] = useState<CaseSearchHit | null>(null);

  const open = async (hit: CaseSearchHit) => {
    const local = await api.inquiry.get({ id: hit.id });
    if (!local.ok && local.error.code === 'NOT_FOUND') setShown(hit);
    else onOpenLocal(hit.id);
  };

  // Not reachable or not logged in online: both mean "only what this seat keeps can be searched".
  const offline = search.error?.code === 'OFFLINE' || search.error?.code === 'UNAUTHORIZED';
  // The seat's status may already say so before any search; an answer from the server overrules it.
  const block = useServerBlock();
  const blocked = search.error === null && !search.answered && block !== null;
  const needsLogin = blocked
    ? block === 'notLoggedIn' || block === 'offlineLogin'
    : search.error?.code === 'UNAUTHORIZED';
  const nothingShown = search.error !== null && search.hits.length === 0;
  const status = search.loading
    ? t('cases.server.searching')
    : search.q === null || nothingShown
      ? ''
      : t(search.nextCursor ? 'cases.server.shownMore' : 'cases.server.shown', { shown: search.hits.length });
  const some = search.match === 'some' && search.hits.length > 0 && !search.loading;

  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space.Compact>
          <Input
            ref={searchRef}
            data-testid="cases-server-search"
            autoFocus
            allowClear
            prefix={<SearchOutlined />}
            style={{ width: 420 }}
            placeholder={t('cases.server.searchPlaceholder')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onPressEnter={() => search.search(text)}
          />
          <Button type="primary" loading={search.loading} onClick={() => search.search(text)}>
            {t('cases.server.search')}
          </Button>
        </Space.Compact>
        <Typography.Text data-testid="cases-server-status" type="secondary">
          {status}
        </Typography.Text>
      </Space>
      {(search.error || blocked) && (
        <Alert
          data-testid="cases-server-error"
          data-reason={search.error ? search.error.code : block}
          type={offline || blocked ? 'info' : 'warning'}
          showIcon
          title={offline || blocked ? t('cases.server.offline') : t('cases.server.failed')}
          description={
            search.error
              ? offline
                ? search.error.message
                : errorLine(t, search.error)
              : t(`cases.server.blocked.${block ?? 'unreachable'}`)
          }
          action={
            <Space orientation="vertical" size="small">
              {/* Before any search there is nothing to repeat: 重试 tries what is typed, once something is. */}
              <Button
                size="small"
                disabled={blocked && text.trim() === ''}
                onClick={blocked ? () => search.search(text) : search.retry}
              >
                {t('common.retry')}
              </Button>
              {needsLogin && (
                <Button size="small" onClick={openLogin}>
                  {t('bar.login')}
                </Button>
              )}
              <Button size="small" type="primary" onClick={() => onBackToLocal(text)}>
                {t('cases.server.backToLocal')}
              </Button>
            </Space>
          }
        />
      )}
      {some && (
        <Alert
          data-testid="cases-server-some"
          type="info"
          showIcon
          title={t('cases.server.some', { n: search.hits.length })}
        />
      )}
      {!nothingShown && (
        <ServerCaseTable
          hits={search.hits}
          terms={search.terms}
          loading={search.loading}
          onOpen={(hit) => void open(hit)}
          emptyText={
            <Empty
              description={search.q === null ? t('cases.server.hint') : t('cases.server.empty', { q: search.q })}
            />
          }
        />
      )}
      {search.nextCursor !== null && (
        <Button block data-testid="cases-server-more" loading={search.loading} onClick={search.loadMore}>
          {t('cases.server.loadMore')}
        </Button>
      )}
      {shown && <ServerHitDrawer hit={shown} terms={search.terms} onClose={() => setShown(null)} />}
    </Space>
  );
}
