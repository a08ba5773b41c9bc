import type { KbEditAction, KbWorkListInput } from '../../../shared/contract/kbEditMethods';
import type { KbDraftInput } from '../../../shared/domain/kbServer';
import { AppError, isAppError } from '../../../shared/errors';
import { kbEditClient } from './kbEditClient';
import { currentSession, type SessionSource } from '../online/serverRequest';
import { KB_SERVER_MESSAGES } from './kbServerMessages';

export type KbEditServiceDeps = SessionSource;

const NOT_ON_SERVER_HINT = '若这张工单刚在本机受理或修改，请先“立即同步”，等它上传到中心服务器后再转为知识。';

/**
 * Experts' and supervisors' article work at the console (issue 4 §3). Drafts live only on the
 * central server, where the supervisor reviews them, so each call needs the server and an online login.
 */
export function kbEditService(deps: KbEditServiceDeps) {
  const server = () => kbEditClient(currentSession(deps, KB_SERVER_MESSAGES));

  return {
    list: (query: KbWorkListInput) => server().list(query),
    get: (id: string) => server().get(id),
    async create(draft: KbDraftInput) {
      const created = await server().create(draft);
      deps.log.info({ articleId: created.id }, 'kb draft created');
      return created;
    },
    async fromCase(inquiryId: string) {
      try {
        const created = await server().fromCase(inquiryId);
        deps.log.info({ articleId: created.id, inquiryId }, 'kb draft created from a case');
        return created;
      } catch (err) {
        // The case may simply not have reached the server yet: the seat works offline first.
        if (isAppError(err) && err.code === 'NOT_FOUND')
          throw new AppError('NOT_FOUND', `${err.message}。${NOT_ON_SERVER_HINT}`);
        throw err;
      }
    },
    save: (id: string, expectedRevision: number, draft: KbDraftInput) => server().save(id, expectedRevision, draft),
    async act(action: KbEditAction) {
      const after = await server().act(action);
      deps.log.info({ articleId: action.id, action: action.action, status: after.status }, 'kb article action');
      return after;
    },
    reviewDue: () => server().reviewDue(),
    diff: (id: string, from: number, to: number) => server().diff(id, from, to),
  };
}

export type KbEditService = ReturnType<typeof kbEditService>;
