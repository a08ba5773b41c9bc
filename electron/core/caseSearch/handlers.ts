import type { Handlers } from '../rpc/handlers';
import type { CaseSearchService } from './caseSearchService';

/** The full-history case search method (issue 4 §5), input already validated by `dispatch`. */
export function createCaseSearchHandlers(service: CaseSearchService): Pick<Handlers, 'cases:searchServer'> {
  return { 'cases:searchServer': (input) => service.search(input) };
}
