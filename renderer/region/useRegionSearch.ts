import { useEffect, useRef, useState } from 'react';
import type { RegionHit } from '../../shared/domain/region';
import { useHotline } from '../api/HotlineContext';

const SEARCH_DEBOUNCE_MS = 250;

/** Regions matching what is typed (a name or pinyin initials), looked up once typing pauses; a stale answer is dropped. */
export function useRegionSearch(query: string) {
  const api = useHotline();
  const [hits, setHits] = useState<RegionHit[]>([]);
  const [searching, setSearching] = useState(false);
  const latest = useRef(0);

  useEffect(() => {
    const q = query.trim();
    if (q === '') return;
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      setSearching(true);
      void api.region.search({ q, limit: 20 }).then((result) => {
        if (ticket !== latest.current) return;
        setSearching(false);
        setHits(result.ok ? result.value : []);
      });
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [api, query]);

  return { hits, searching };
}
