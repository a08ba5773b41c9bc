import { useCallback, useEffect, useState } from 'react';
import type { ContractError, Result } from '../../shared/contract/result';
import type { KbArticleDetail } from '../../shared/domain/kbServer';
import { useHotline } from '../api/HotlineContext';

export type ArticleStep = 'save' | 'submit' | 'publish' | 'sendBack' | 'retire' | 'reviewed';

/**
 * The article in the editor as the server last answered for it (kbEdit:get, or the answer to the
 * editor's own change). A refused change is kept to show; a CONFLICT also loads the article again,
 * so the user decides on what is really there now.
 */
export function useEditedArticle(id: string | null) {
  const api = useHotline();
  const [detail, setDetail] = useState<KbArticleDetail | null>(null);
  const [loadError, setLoadError] = useState<ContractError | null>(null);
  const [failure, setFailure] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState<ArticleStep | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (id === null) return;
    let current = true;
    void api.kbEdit.get({ id }).then((r) => {
      if (!current) return;
      if (r.ok) setDetail(r.value);
      setLoadError(r.ok ? null : r.error);
    });
    return () => {
      current = false;
    };
  }, [api, id, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  const run = useCallback(
    async (step: ArticleStep, call: () => Promise<Result<KbArticleDetail>>): Promise<KbArticleDetail | null> => {
      setBusy(step);
      const result = await call();
      setBusy(null);
      if (!result.ok) {
        setFailure(result.error);
        if (result.error.code === 'CONFLICT') reload();
        return null;
      }
      setFailure(null);
      setDetail(result.value);
      return result.value;
    },
    [reload],
  );

  return { detail, loadError, failure, busy, run, reload, setDetail };
}
