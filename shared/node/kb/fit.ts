import type { QueryPlan } from './queryPlan';
import type { ScoredCandidate } from './scoring';

/**
 * Whether the best article answers the query at all ("when nothing fits, the panel says so"). The
 * score relative to the query's strength says how much of the query it covers; a query about the
 * hotline's domain must also meet the best article on a domain term, and a query naming a crop or
 * animal on that crop or animal — otherwise only a clearly stronger match counts.
 */
export const FIT = {
  minRelative: 0.1,
  outOfDomainRelative: 0.3,
  missedSubjectRelative: 0.35,
  shortQueryConcepts: 4,
};

export function answersQuery(plan: QueryPlan, best: ScoredCandidate, strength: number): boolean {
  if (strength <= 0) return false;
  // A long, rambling question mentions more than any one article answers: expect the share of a
  // short question's worth of it.
  const typed = plan.concepts.filter((c) => c.kind === 'typed').length;
  const relative = (best.score / strength) * Math.max(1, Math.sqrt(typed / FIT.shortQueryConcepts));
  if (relative < FIT.minRelative) return false;
  if (!best.domainMatched && relative < FIT.outOfDomainRelative) return false;
  const namesSubject = plan.concepts.some((c) => c.subject);
  if (namesSubject && !best.subjectMatched && relative < FIT.missedSubjectRelative) return false;
  return true;
}
