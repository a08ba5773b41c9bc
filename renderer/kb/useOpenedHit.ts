import { type RefObject, useState } from 'react';
import type { KbHit } from '../../shared/domain/kb';

/**
 * The hit whose article is open. Once the article has closed, focus goes back to that hit in the
 * list, so ↓, Enter and Ctrl+I go on from there; if the list no longer holds it, to `elsewhere`.
 */
export function useOpenedHit(
  hits: readonly KbHit[],
  pick: (index: number) => void,
  listRef: RefObject<HTMLUListElement | null>,
  elsewhere: () => void,
) {
  const [openId, setOpenId] = useState<string | null>(null);
  const closed = () => {
    const at = hits.findIndex((hit) => hit.id === openId);
    setOpenId(null);
    if (at < 0) return elsewhere();
    pick(at);
    listRef.current?.focus();
  };
  return { openId, setOpenId, closed };
}
