import { Alert, Button, Drawer, Skeleton, Space, Tabs, Tooltip } from 'antd';
import { useState } from 'react';
import type { KbArticle } from '../../shared/domain/kb';
import { errorLine } from '../api/errorText';
import { useQuery } from '../api/useQuery';
import { HOTKEYS, useHotkey } from '../app/hotkeys';
import { useT } from '../i18n/I18nProvider';
import { ArticleDetails } from './ArticleDetails';
import { ArticleHistory } from './ArticleHistory';
import { FeedbackButtons } from './FeedbackButtons';

type Props = {
  id: string;
  /** Once the drawer has slid away and released focus, so the caller can put focus where the operator goes on. */
  onClosed: () => void;
  /** On the intake screen: puts the answer into the case being taken. */
  onInsert?: (article: KbArticle) => void;
};

/** One article from the local KB, with its history from the server and the helpful marks. */
export function ArticleDrawer({ id, onClosed, onInsert }: Props) {
  const t = useT();
  const [open, setOpen] = useState(true);
  const [tab, setTab] = useState('article');
  const query = useQuery(`kb-article:${id}`, (api) => api.kb.get({ id }));
  const article = query.data?.id === id ? query.data : undefined;
  const insert = () => {
    if (article && onInsert) onInsert(article);
  };
  useHotkey(HOTKEYS.kbInsert, insert, open && onInsert !== undefined && article !== undefined);

  return (
    <Drawer
      open={open}
      onClose={() => setOpen(false)}
      // While open, the drawer pulls any focus moved outside it back in; once it has closed the
      // caller may move focus (the drawer itself returns it to the element that opened it, if still
      // there). No destroyOnHidden: it would skip this when closed before it had finished opening.
      afterOpenChange={(visible) => !visible && onClosed()}
      size={680}
      title={article?.title ?? t('kb.loading')}
      extra={
        onInsert && (
          <Tooltip title={HOTKEYS.kbInsert.label}>
            <Button type="primary" data-testid="kb-drawer-insert" disabled={!article} onClick={insert}>
              {t('kb.insert')} <kbd>{HOTKEYS.kbInsert.label}</kbd>
            </Button>
          </Tooltip>
        )
      }
    >
      <div data-testid="kb-article">
        {query.error && !article && (
          <Alert
            type="error"
            showIcon
            title={t('kb.loadFailed')}
            description={errorLine(t, query.error)}
            action={<Button onClick={query.reload}>{t('common.retry')}</Button>}
          />
        )}
        {!article && !query.error && <Skeleton active />}
        {article && (
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              {
                key: 'article',
                label: t('kb.tab.article'),
                children: (
                  <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                    <ArticleDetails article={article} />
                    <FeedbackButtons id={article.id} />
                  </Space>
                ),
              },
              { key: 'history', label: t('kb.tab.history'), children: <ArticleHistory id={article.id} /> },
            ]}
          />
        )}
      </div>
    </Drawer>
  );
}
