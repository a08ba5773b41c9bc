import { type FastifyInstance } from 'fastify';
import { type ServerContext } from '../http/context';
import { registerArticleRoutes } from './articleRoutes';
import { backfillCaseSearch } from './caseSearch/backfill';
import { registerCaseSearchRoutes } from './caseSearch/caseSearchRoutes';
import { SERVER_DATA_DIR } from './dataDir';
import { seedKb } from './seed';

/**
 * Article lifecycle and full-history case search (issue 4 §3, §5). When the server is ready the demo
 * KB is seeded (first start only) and, in the background, cases are indexed if the analyzer changed.
 */
export function registerKbRoutes(app: FastifyInstance, ctx: ServerContext): void {
  registerArticleRoutes(app, ctx);
  registerCaseSearchRoutes(app, ctx);

  let closing = false;
  let backfill: Promise<unknown> = Promise.resolve();
  app.addHook('onReady', async () => {
    try {
      const added = await seedKb(ctx.store, SERVER_DATA_DIR, ctx.now());
      if (added > 0) ctx.log.info({ added }, 'kb: demo articles published');
    } catch (err) {
      // The server still answers (/ready reports a database it cannot reach); the next start seeds again.
      ctx.log.error({ err }, 'kb: demo articles not seeded');
      return;
    }
    backfill = backfillCaseSearch(ctx.store, ctx.log, () => closing).catch((err: unknown) => {
      // The search keeps working on what is indexed; the next start tries again.
      ctx.log.error({ err }, 'case search: indexing stopped');
    });
  });
  app.addHook('onClose', async () => {
    closing = true;
    await backfill;
  });
}
