import type { QueryPlan } from './queryPlan';
import type { Ranking } from './ranking';
import type { ScoredCandidate } from './scoring';

/**
 * Whether the best article answers the query at all ("when nothing fits, the panel says so"). Its
 * score relative to the query's own best possible score (strength) says how much of the query it
 * covers, whatever the KB's size or the query's length; a query about the hotline's domain must also
 * meet the best article on a domain term, and a query naming a crop or animal on that crop or animal
 * — otherwise only a clearly stronger match counts.
 */
export function answersQuery(plan: QueryPlan, best: ScoredCandidate, strength: number, r: Ranking): boolean {
  if (strength <= 0) return false;
  // A long, rambling question mentions more than any one article answers: expect the share of a
  // short question's worth of it.
  const typed = plan.concepts.filter((c) => c.kind === 'typed').length;
  const relative = (best.score / strength) * Math.max(1, Math.sqrt(typed / r.fit.shortQueryConcepts));
  if (relative < r.fit.minRelative || best.coverage < r.fit.minCoverage) return false;
  if (!best.domainMatched && relative < r.fit.outOfDomainRelative) return false;
  const namesSubject = plan.concepts.some((c) => c.subject);
  if (namesSubject && !best.subjectMatched && relative < r.fit.missedSubjectRelative) return false;
  return true;
}
