import { z } from 'zod';
import { CaseSearchPage, CaseSearchQuery } from '../domain/kbServer';

/** What the operator typed, and where the previous page ended; the seat picks the page size. */
export const CaseSearchServerInput = CaseSearchQuery.pick({ cursor: true }).extend({
  q: z.string().trim().min(1, '请输入要检索的内容').max(200, '搜索内容不能超过 200 个字'),
});
export type CaseSearchServerInput = z.input<typeof CaseSearchServerInput>;

/** The full-history case search of the central server (issue 4 §5). */
export const caseSearchMethods = {
  /**
   * Online only: every case the logged-in user may see, newest first, phone numbers masked.
   * OFFLINE when the server cannot be reached (or none is set), UNAUTHORIZED when nobody is logged in online.
   */
  'cases:searchServer': { input: CaseSearchServerInput, output: CaseSearchPage },
} as const;
