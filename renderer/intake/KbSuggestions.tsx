import { Alert, Card, Spin, Tag, Typography } from 'antd';
import { useMemo, useRef } from 'react';
import type { KbSearchContext } from '../../shared/contract/kbMethods';
import type { KbArticle, KbHit } from '../../shared/domain/kb';
import { useHotline } from '../api/HotlineContext';
import { useQuery } from '../api/useQuery';
import { errorLine } from '../api/errorText';
import { useReportError } from '../app/ErrorBanner';
import { HOTKEYS, useHotkey } from '../app/hotkeys';
import { useT } from '../i18n/I18nProvider';
import { ArticleDrawer } from '../kb/ArticleDrawer';
import { KbHitList } from '../kb/KbHitList';
import { shownResult, useKbSearch } from '../kb/useKbSearch';
import { useOpenedHit } from '../kb/useOpenedHit';
import { usePickedHit } from '../kb/usePickedHit';

const SUGGESTIONS = 5;

type Props = {
  question: string;
  context: KbSearchContext;
  /** The caller's region: articles written for other places are left out (province-wide ones stay). */
  regionCode: string | null;
  linkedId: string | null;
  /** Whether the intake page is on screen: its shortcuts are off while another page is shown. */
  active: boolean;
  onInsert: (article: KbArticle) => void;
  onUnlink: () => void;
  /** Esc in the list: back to the question, where the operator was typing. */
  onLeave: () => void;
};

/**
 * 知识推荐: the top articles for the question as it is typed. Alt+↓ moves into the list, ↑/↓ pick,
 * Enter opens the article, Ctrl+I puts the picked answer into the case (and records which article it was).
 */
export function KbSuggestions({ question, context, regionCode, linkedId, active, onInsert, onUnlink, onLeave }: Props) {
  const t = useT();
  const api = useHotline();
  const reportError = useReportError();
  const filters = useMemo(() => (regionCode ? { region: regionCode } : undefined), [regionCode]);
  const state = useKbSearch({ q: question, limit: SUGGESTIONS, context, filters });
  const { hits, picked, current, pick } = usePickedHit(shownResult(state));
  const listRef = useRef<HTMLUListElement>(null);
  const { openId, setOpenId, closed } = useOpenedHit(hits, pick, listRef, onLeave);
  const keysOn = active && openId === null && current !== undefined;
  const linked = useQuery(linkedId, (api) => api.kb.get({ id: linkedId! }));
  const linkedTitle = linked.data?.id === linkedId ? linked.data.title : (linkedId ?? '');

  const insertHit = async (hit: KbHit) => {
    const article = await api.kb.get({ id: hit.id });
    if (article.ok) onInsert(article.value);
    else reportError(article.error);
  };

  useHotkey(HOTKEYS.kbSuggestions, () => listRef.current?.focus(), keysOn);
  useHotkey(HOTKEYS.kbInsert, () => current && void insertHit(current), keysOn);

  return (
    <Card
      size="small"
      className="kb-suggestions"
      data-testid="kb-suggestions"
      // Which answer is on screen (idle / loading / done): lets tests and bench:kb-panel see the panel catch up.
      data-state={state.kind}
      title={
        <span>
          {t('kb.suggest.title')} {state.kind === 'loading' && <Spin size="small" />}
        </span>
      }
      extra={
        <Typography.Text type="secondary" className="kb-suggest-keys">
          {t('kb.suggest.keys', { into: HOTKEYS.kbSuggestions.label, insert: HOTKEYS.kbInsert.label })}
        </Typography.Text>
      }
    >
      {linkedId && (
        <Tag color="green" closable onClose={onUnlink} data-testid="kb-linked" className="kb-linked">
          {t('kb.suggest.linked', { title: linkedTitle })}
        </Tag>
      )}
      <div className="kb-suggest-body">
        {state.kind === 'idle' && <Typography.Text type="secondary">{t('kb.suggest.idle')}</Typography.Text>}
        {state.kind === 'loading' && hits.length === 0 && (
          <Typography.Text type="secondary">{t('kb.suggest.searching')}</Typography.Text>
        )}
        {state.kind === 'failed' && (
          <Alert type="warning" showIcon title={t('kb.suggest.failed')} description={errorLine(t, state.error)} />
        )}
        {state.kind === 'done' && hits.length === 0 && (
          <Typography.Text type="secondary" data-testid="kb-suggest-empty">
            {t('kb.suggest.none')}
          </Typography.Text>
        )}
        {hits.length > 0 && (
          <KbHitList
            hits={hits}
            picked={picked}
            onPick={pick}
            onOpen={(hit) => setOpenId(hit.id)}
            onEscape={onLeave}
            listRef={listRef}
            label={t('kb.suggest.title')}
            testId="kb-suggestion"
          />
        )}
      </div>
      {openId && (
        <ArticleDrawer
          id={openId}
          onClosed={closed}
          onInsert={(article) => {
            setOpenId(null);
            onInsert(article);
          }}
        />
      )}
    </Card>
  );
}
