import { type FastifyRequest } from 'fastify';
import { type User } from '../../shared/sync/auth';
import { HttpError } from '../http/httpError';
import { type ServerContext } from '../http/context';
import { type Device } from '../store/devicesRepo';
import { hashToken } from './tokens';

export function bearerToken(req: FastifyRequest): string | undefined {
  const m = /^Bearer ([A-Za-z0-9_-]{16,200})$/.exec(req.headers.authorization ?? '');
  return m?.[1];
}

const NOT_LOGGED_IN = '登录已失效，请重新登录';

/** The logged-in human behind a session token, or 401. */
export async function requireUser(ctx: ServerContext, req: FastifyRequest): Promise<User> {
  const token = bearerToken(req);
  const user = token && (await ctx.users.bySession(hashToken(token), ctx.now()));
  if (!user) throw new HttpError(401, 'UNAUTHORIZED', NOT_LOGGED_IN);
  return user;
}

/** The registered seat behind a device token and the enabled user who registered it, or 401. */
export async function requireDevice(ctx: ServerContext, req: FastifyRequest): Promise<{ device: Device; user: User }> {
  const token = bearerToken(req);
  const device = token && (await ctx.devices.byTokenHash(hashToken(token)));
  const user = device && (await ctx.users.byId(device.registeredBy));
  if (!device || !user || user.disabled) {
    throw new HttpError(401, 'UNAUTHORIZED', '本坐席尚未注册或注册已失效，请重新登录并注册坐席');
  }
  return { device, user };
}
