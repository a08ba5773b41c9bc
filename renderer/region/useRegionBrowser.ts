import { useCallback, useState } from 'react';
import { useHotline } from '../api/HotlineContext';

export type RegionOption = {
  value: string;
  label: string;
  isLeaf: boolean;
  loading?: boolean;
  children?: RegionOption[];
};

/** Level-by-level region options for the cascader, fetched with 'region:children' only when a level is opened. */
export function useRegionBrowser() {
  const api = useHotline();
  const [options, setOptions] = useState<RegionOption[]>([]);
  const [rootsRequested, setRootsRequested] = useState(false);

  const ensureRoots = useCallback(() => {
    if (rootsRequested) return;
    setRootsRequested(true);
    void api.region.children({ parentCode: null }).then((result) => {
      if (result.ok) setOptions(result.value.map((r) => ({ value: r.code, label: r.name, isLeaf: !r.hasChildren })));
      else setRootsRequested(false);
    });
  }, [api, rootsRequested]);

  const loadData = useCallback(
    (selected: RegionOption[]) => {
      const target = selected.at(-1);
      if (!target) return;
      const code = target.value;
      void api.region.children({ parentCode: code }).then((result) => {
        if (!result.ok) return;
        const children = result.value.map((r) => ({ value: r.code, label: r.name, isLeaf: !r.hasChildren }));
        setOptions((current) => attachChildren(current, code, children));
      });
    },
    [api],
  );

  return { options, loadData, ensureRoots };
}

function attachChildren(options: RegionOption[], code: string, children: RegionOption[]): RegionOption[] {
  return options.map((o) => {
    if (o.value === code) return { ...o, children, isLeaf: children.length === 0 };
    if (o.children && code.startsWith(o.value)) return { ...o, children: attachChildren(o.children, code, children) };
    return o;
  });
}
