import { refusedEventIds } from '../sync/refusedEvents';
import { AppError } from '../../../shared/errors';
import type { AppInfo } from '../../../shared/domain/seat';
import type { SeatEvents } from '../events';
import type { Logger } from '../log/logger';
import type { Store } from '../db/store';
import type { Handlers } from '../rpc/handlers';
import type { Actor, Clock } from './actor';
import { callerHistory } from './callerHistory';
import { inquiryService, NOT_FOUND_MESSAGE } from './inquiryService';

export type IntakeMethods =
  | 'inquiry:create'
  | 'inquiry:update'
  | 'inquiry:get'
  | 'inquiry:list'
  | 'caller:history'
  | 'draft:get'
  | 'draft:save'
  | 'draft:clear'
  | 'app:info';

type Deps = { store: Store; events: SeatEvents; actor: () => Actor; now: Clock; log: Logger; appInfo: AppInfo };

/** The seat's own contract methods: cases, caller history, drafts and app info. */
export function createIntakeHandlers(deps: Deps, inquiries = inquiryService(deps)): Pick<Handlers, IntakeMethods> {
  const { store, now } = deps;
  return {
    'inquiry:create': (input) => inquiries.create(input),
    'inquiry:update': (input) => inquiries.update(input),
    'inquiry:get': ({ id }) => {
      const found = store.inquiries.get(id);
      if (!found) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
      const { rowid: _rowid, ...inquiry } = found;
      return { inquiry, events: store.events.listFor(id), refusedEventIds: refusedEventIds(store.db, id) };
    },
    'inquiry:list': (query) => store.queries.list(query),
    'caller:history': ({ phone, limit }) => callerHistory(store, now, phone, limit),
    'draft:get': ({ key }) => store.drafts.get(key),
    'draft:save': ({ key, data }) => {
      const draft = { key, data, savedAt: now().toISOString() };
      store.drafts.save(draft);
      return draft;
    },
    'draft:clear': ({ key }) => {
      store.drafts.clear(key);
      return null;
    },
    'app:info': () => deps.appInfo,
  };
}
