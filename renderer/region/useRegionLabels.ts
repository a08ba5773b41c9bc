import { useEffect, useRef, useState } from 'react';
import { useHotline } from '../api/HotlineContext';
import { pickedFromHit } from './pickedRegion';

/**
 * Full-path names (吉林省 / 长春市 / 九台区) for region codes, each looked up once with 'region:path'.
 * A code the seat's region table does not know keeps showing as the code itself.
 */
export function useRegionLabels(codes: readonly string[]): ReadonlyMap<string, string> {
  const api = useHotline();
  const [labels, setLabels] = useState<ReadonlyMap<string, string>>(new Map());
  const asked = useRef(new Set<string>());

  useEffect(() => {
    for (const code of codes) {
      if (asked.current.has(code)) continue;
      asked.current.add(code);
      void api.region.path({ code }).then((result) => {
        if (result.ok) setLabels((known) => new Map(known).set(code, pickedFromHit(result.value).label));
      });
    }
  }, [api, codes]);

  return labels;
}
