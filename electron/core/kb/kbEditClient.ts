import type { KbEditAction, KbWorkListInput } from '../../../shared/contract/kbEditMethods';
import { KbVersionDiff } from '../../../shared/domain/kbDiff';
import {
  KbArticleDetail,
  KbArticlePage,
  KbReviewDueList,
  type KbDraftInput,
  type KbReviewDueItem,
} from '../../../shared/domain/kbServer';
import { articlePath } from './kbServerClient';
import { parsedAnswer, serverRequest, type ServerSession } from '../online/serverRequest';

const ACTION_PATHS: Record<KbEditAction['action'], string> = {
  submit: 'submit',
  publish: 'publish',
  retire: 'retire',
  reviewed: 'reviewed',
  sendBack: 'send-back',
  rollback: 'rollback',
};

/** Writing and reviewing articles on the central server (issue 4 §3), for experts and supervisors. */
export function kbEditClient(session: ServerSession) {
  const detail = async (method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) =>
    parsedAnswer(session, KbArticleDetail, await serverRequest(session, method, path, body));

  return {
    async list(query: KbWorkListInput) {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) {
        if (value !== undefined && value !== '') params.set(key, String(value));
      }
      const search = params.size > 0 ? `?${params.toString()}` : '';
      return parsedAnswer(session, KbArticlePage, await serverRequest(session, 'GET', `/kb/articles${search}`));
    },
    get: (id: string) => detail('GET', articlePath(id)),
    create: (draft: KbDraftInput) => detail('POST', '/kb/articles', { draft }),
    fromCase: (inquiryId: string) => detail('POST', `/kb/articles/from-case/${encodeURIComponent(inquiryId)}`),
    save: (id: string, expectedRevision: number, draft: KbDraftInput) =>
      detail('PUT', articlePath(id), { expectedRevision, draft }),
    act({ id, action, ...body }: KbEditAction) {
      return detail('POST', `${articlePath(id)}/${ACTION_PATHS[action]}`, body);
    },
    async reviewDue(): Promise<KbReviewDueItem[]> {
      return parsedAnswer(session, KbReviewDueList, await serverRequest(session, 'GET', '/kb/review-due')).items;
    },
    async diff(id: string, from: number, to: number) {
      const answer = await serverRequest(session, 'GET', `${articlePath(id)}/diff?from=${from}&to=${to}`);
      return parsedAnswer(session, KbVersionDiff, answer);
    },
  };
}
