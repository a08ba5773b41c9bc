import type { Handlers } from '../rpc/handlers';
import type { KbService } from './kbService';

export type KbMethods = 'kb:search' | 'kb:get' | 'kb:status' | 'kb:syncNow' | 'kb:history' | 'kb:feedback';

/** The knowledge-base contract methods (issue 4 §2), inputs already validated by `dispatch`. */
export function createKbHandlers(kb: KbService): Pick<Handlers, KbMethods> {
  return {
    'kb:search': (query) => kb.search(query),
    'kb:get': ({ id }) => kb.get(id),
    'kb:status': () => kb.status(),
    'kb:syncNow': () => kb.syncNow(),
    'kb:history': ({ id }) => kb.history(id),
    'kb:feedback': ({ id, helpful }) => kb.feedback(id, helpful),
  };
}
