import { type FastifyInstance, type FastifyRequest } from 'fastify';
import { CaseSearchQuery, type CaseSearchPage } from '../../../shared/domain/kbServer';
import { type Scope } from '../../../shared/sync/auth';
import { bearerToken } from '../../auth/authenticate';
import { hashToken } from '../../auth/tokens';
import { type ServerContext } from '../../http/context';
import { HttpError } from '../../http/httpError';
import { parseInput } from '../../http/validate';
import { deviceScope } from '../../sync/actor';
import { searchCases } from './caseSearch';

/**
 * The scope the caller may search, by the same rules as pull: a logged-in person sees their own
 * scope; a seat's device token sees what that seat pulls.
 */
async function searchScope(ctx: ServerContext, req: FastifyRequest): Promise<Scope> {
  const token = bearerToken(req);
  if (token) {
    const hash = hashToken(token);
    const user = await ctx.users.bySession(hash, ctx.now());
    if (user) return user.scope;
    const device = await ctx.devices.byTokenHash(hash);
    const owner = device && (await ctx.users.byId(device.registeredBy));
    if (device && owner && !owner.disabled) return deviceScope(device, owner);
  }
  throw new HttpError(401, 'UNAUTHORIZED', '登录已失效，请重新登录');
}

/** Full-history case search (issue 4 §5). */
export function registerCaseSearchRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/cases/search', async (req): Promise<CaseSearchPage> => {
    const scope = await searchScope(ctx, req);
    const query = parseInput(CaseSearchQuery, req.query);
    return searchCases(ctx.store.db, ctx.store.dialect, scope, query);
  });
}
