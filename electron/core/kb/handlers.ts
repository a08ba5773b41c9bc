import type { MethodName } from '../../../shared/contract/channels';
import type { Handlers } from '../rpc/handlers';
import type { KbEditService } from './kbEditService';
import type { KbService } from './kbService';

type KbMethods = Extract<MethodName, `kb:${string}` | `kbEdit:${string}`>;

/** The knowledge-base contract methods (issue 4 §2, §3), inputs already validated by `dispatch`. */
export function createKbHandlers(kb: KbService, edit: KbEditService): Pick<Handlers, KbMethods> {
  return {
    'kb:search': (query) => kb.search(query),
    'kb:get': ({ id }) => kb.get(id),
    'kb:status': () => kb.status(),
    'kb:syncNow': () => kb.syncNow(),
    'kb:history': ({ id }) => kb.history(id),
    'kb:feedback': ({ id, helpful }) => kb.feedback(id, helpful),
    'kbEdit:list': (query) => edit.list(query),
    'kbEdit:get': ({ id }) => edit.get(id),
    'kbEdit:create': ({ draft }) => edit.create(draft),
    'kbEdit:fromCase': ({ inquiryId }) => edit.fromCase(inquiryId),
    'kbEdit:save': ({ id, expectedRevision, draft }) => edit.save(id, expectedRevision, draft),
    'kbEdit:act': (action) => edit.act(action),
    'kbEdit:reviewDue': () => edit.reviewDue(),
    'kbEdit:diff': ({ id, from, to }) => edit.diff(id, from, to),
  };
}
