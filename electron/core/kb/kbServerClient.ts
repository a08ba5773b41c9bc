import { z } from 'zod';
import { KbFeedbackCounts, KbVersionList, type KbVersionSummary } from '../../../shared/domain/kbServer';
import { parsedAnswer, serverRequest, type ServerSession } from '../online/serverRequest';

/** The feedback route answers the whole article; the console needs only the counts. */
const FeedbackBody = z.object({ feedback: KbFeedbackCounts });

export const articlePath = (id: string) => `/kb/articles/${encodeURIComponent(id)}`;

/** The two online-only KB endpoints every operator uses: version history and helpful marks. */
export function kbServerClient(session: ServerSession) {
  return {
    async versions(id: string): Promise<KbVersionSummary[]> {
      const answer = await serverRequest(session, 'GET', `${articlePath(id)}/versions`);
      return parsedAnswer(session, KbVersionList, answer).versions;
    },
    async feedback(id: string, helpful: boolean): Promise<z.infer<typeof KbFeedbackCounts>> {
      const answer = await serverRequest(session, 'POST', `${articlePath(id)}/feedback`, { helpful });
      return parsedAnswer(session, FeedbackBody, answer).feedback;
    },
  };
}
