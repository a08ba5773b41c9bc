import { useState } from 'react';
import type { KbHit, KbSearchResult } from '../../shared/domain/kb';

/** Which hit of a result the keyboard is on; a new result starts again at its top hit. */
export function usePickedHit(result: KbSearchResult | null) {
  const [pick, setPick] = useState<{ of: KbSearchResult | null; index: number }>({ of: null, index: 0 });
  const hits = result?.hits ?? [];
  const picked = pick.of === result ? Math.min(pick.index, hits.length - 1) : 0;
  const current: KbHit | undefined = hits[picked];
  return { hits, picked, current, pick: (index: number) => setPick({ of: result, index }) };
}
