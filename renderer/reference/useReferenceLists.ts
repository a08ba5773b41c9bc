import type { ReferenceLists } from '../../shared/domain/reference';
import { useQuery } from '../api/useQuery';

const EMPTY: ReferenceLists = { departments: [], experts: [], subjects: [] };

/** Departments, experts and subjects for pickers; empty lists (not a broken form) until they arrive. */
export function useReferenceLists(): { lists: ReferenceLists; loading: boolean } {
  const query = useQuery('ref:lists', (api) => api.ref.lists());
  return { lists: query.data ?? EMPTY, loading: query.loading };
}
