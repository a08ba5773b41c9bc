import { Button, Typography } from 'antd';
import { useState } from 'react';
import { useQuery } from '../api/useQuery';
import { useT } from '../i18n/I18nProvider';
import { ArticleDrawer } from '../kb/ArticleDrawer';

/**
 * The KB article a case was answered from, by its title, so whoever follows the case up sees which
 * answer the farmer got; an article this seat's KB no longer holds (retired) is named by its id.
 */
export function CaseKbArticle({ id }: { id: string }) {
  const t = useT();
  const query = useQuery(id, (api) => api.kb.get({ id }));
  const article = query.data?.id === id ? query.data : undefined;
  const [open, setOpen] = useState(false);

  if (!article)
    return (
      <Typography.Text type={query.error ? 'secondary' : undefined} data-testid="case-kb-article">
        {query.error ? t('case.kbArticleGone', { id }) : id}
      </Typography.Text>
    );
  return (
    <>
      <Button
        type="link"
        size="small"
        className="case-kb-article"
        onClick={() => setOpen(true)}
        data-testid="case-kb-article"
      >
        {article.title}
      </Button>
      {open && <ArticleDrawer id={id} onClosed={() => setOpen(false)} />}
    </>
  );
}
