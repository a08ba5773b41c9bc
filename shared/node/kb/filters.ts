import type { KbFilters } from '../../domain/kb';
import { REGION_CODE_LENGTHS } from '../../domain/region';

/**
 * Filters as SQL over the article row `a`: fixed fragments, values bound as parameters. An article
 * without regions applies province-wide; one with regions matches a filter region that lies inside
 * one of them or contains one of them (a county filter finds the city's articles and vice versa).
 */
export function filterSql(filters: KbFilters): { sql: string; params: string[] } {
  const parts: string[] = [];
  const params: string[] = [];
  if (filters.category) {
    parts.push('a.category = ?');
    params.push(filters.category);
  }
  if (filters.season) {
    // Year-round articles answer in every season.
    parts.push("(a.season = ? OR a.season = '全年')");
    params.push(filters.season);
  }
  if (filters.subject) {
    parts.push('EXISTS (SELECT 1 FROM kb_article_subject s WHERE s.rid = a.rid AND s.subject = ?)');
    params.push(filters.subject);
  }
  if (filters.region) {
    const code = filters.region;
    const ancestors = REGION_CODE_LENGTHS.filter((n) => n <= code.length).map((n) => code.slice(0, n));
    parts.push(
      `(a.regionless = 1 OR EXISTS (SELECT 1 FROM kb_article_region r WHERE r.rid = a.rid AND ` +
        `(r.region IN (${ancestors.map(() => '?').join(', ')}) OR (r.region > ? AND r.region < ?))))`,
    );
    params.push(...ancestors, code, `${code}:`);
  }
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}
