import { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import { LoginRequest, type LoginResponse, RegisterDeviceRequest } from '../../shared/sync/auth';
import { type ServerContext } from '../http/context';
import { HttpError } from '../http/httpError';
import { parseInput } from '../http/validate';
import { bearerToken, requireUser } from './authenticate';
import { hashPassword, verifyPassword } from './password';
import { hashToken, newToken } from './tokens';

let dummyHash: Promise<string> | undefined;
const unknownUserHash = () => (dummyHash ??= hashPassword('no such user'));

const UserIdParams = z.strictObject({ id: z.string().min(1).max(64) });

/** Login, logout, device registration and the admin's user switch. */
export function registerAuthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/auth/login', async (req): Promise<LoginResponse> => {
    const { username, password } = parseInput(LoginRequest, req.body);
    if (!(await ctx.loginLimiter.tryAcquire(`${req.ip}|${username}`))) {
      throw new HttpError(429, 'RATE_LIMITED', '登录尝试过于频繁，请 1 分钟后再试');
    }
    const found = await ctx.users.byUsername(username);
    // An unknown name costs the same scrypt run as a wrong password, so timing does not reveal accounts.
    const valid = await verifyPassword(password, found?.passwordHash ?? (await unknownUserHash()));
    if (!found || !valid) {
      throw new HttpError(401, 'UNAUTHORIZED', '用户名或密码不正确，请重新输入');
    }
    if (found.user.disabled) throw new HttpError(403, 'FORBIDDEN', '该账号已停用，请联系管理员');
    const token = newToken();
    const expiresAt = ctx.now() + ctx.sessionTtlMs;
    await ctx.users.createSession(hashToken(token), found.user.id, expiresAt);
    req.log.info({ userId: found.user.id, role: found.user.role }, 'login');
    return { token, expiresAt: new Date(expiresAt).toISOString(), user: found.user };
  });

  app.post('/auth/logout', async (req, reply) => {
    await requireUser(ctx, req);
    const token = bearerToken(req);
    if (token) await ctx.users.deleteSession(hashToken(token));
    return reply.code(204).send();
  });

  app.post('/devices/register', async (req) => {
    const user = await requireUser(ctx, req);
    const input = parseInput(RegisterDeviceRequest, req.body);
    // An expert's or a department's desk registers under any free code: it sees the cases handed to that
    // expert or department (deviceScope) and creates none, so its code never appears on a case.
    const ownsSeat = user.scope.kind !== 'seats' || user.scope.seatCodes.includes(input.seatCode);
    if (!ownsSeat) throw new HttpError(403, 'FORBIDDEN', `您的账号无权注册坐席 ${input.seatCode}，请联系管理员`);
    const token = newToken();
    const ok = await ctx.devices.register(
      { clientId: input.clientId, installNonce: input.installNonce, seatCode: input.seatCode, registeredBy: user.id },
      hashToken(token),
      new Date(ctx.now()).toISOString(),
    );
    if (!ok) {
      req.log.warn(
        { clientId: input.clientId, userId: user.id },
        'device registration refused: client_id held by another install',
      );
      throw new HttpError(
        409,
        'FORBIDDEN',
        '这台电脑的坐席标识已被另一台电脑使用（可能是复制的系统），请联系管理员重置本机坐席标识',
      );
    }
    return { deviceToken: token, epoch: ctx.epoch };
  });

  app.post('/admin/users/:id/disable', async (req) => {
    const admin = await requireUser(ctx, req);
    if (admin.role !== 'admin') throw new HttpError(403, 'FORBIDDEN', '只有管理员可以停用账号');
    const { id } = parseInput(UserIdParams, req.params);
    if (!(await ctx.users.disable(id))) throw new HttpError(404, 'NOT_FOUND', '没有找到该账号，请刷新后重试');
    req.log.info({ userId: id, by: admin.id }, 'user disabled');
    const user = await ctx.users.byId(id);
    return { user };
  });
}
