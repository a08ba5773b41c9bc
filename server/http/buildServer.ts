import { randomUUID } from 'node:crypto';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import { registerAuthRoutes } from '../auth/authRoutes';
import { registerKbRoutes } from '../kb/kbRoutes';
import { registerKbSnapshotRoutes } from '../kb/snapshot/snapshotRoutes';
import { createLoginLimiter } from '../auth/loginLimiter';
import { devicesRepo } from '../store/devicesRepo';
import { migrationsCurrent } from '../store/migrations';
import { databaseReachable, readEpoch, type Store } from '../store/openStore';
import { usersRepo } from '../store/usersRepo';
import { registerPokeRoutes } from '../sync/pokeRoutes';
import { registerSyncRoutes } from '../sync/syncRoutes';
import { type ServerContext } from './context';
import { HttpError } from './httpError';
import { type ServerLogger } from './logger';
import { openApiDocument } from './openapi';

export interface BuildServerOptions {
  store: Store;
  log: ServerLogger;
  now?: () => number;
  /** Largest accepted request body (default 16 MB): hundreds of full cases; a bigger backlog goes in further pushes. */
  bodyLimit?: number;
  sessionTtlMs?: number;
  pushBudgetMs?: number;
  pushChunkSize?: number;
}

const MB = 1024 * 1024;

/** Fastify's own 4xx (body parser, size limit, media type) in the shared ErrorBody shape. */
function clientError(err: FastifyError): HttpError {
  if (err.statusCode === 413) {
    return new HttpError(413, 'INVALID_INPUT', '请求内容过大，请分批同步或联系管理员');
  }
  if (err.statusCode === 415) {
    return new HttpError(415, 'INVALID_INPUT', '请求格式不正确，请以 JSON 格式发送');
  }
  return new HttpError(400, 'INVALID_INPUT', '请求内容无法解析（JSON 格式错误），请检查后重试');
}

/** The central server's HTTP app. Holds no state of its own: everything, login throttling too, is in the store. */
export async function buildServer(opts: BuildServerOptions): Promise<FastifyInstance> {
  const ctx: ServerContext = {
    store: opts.store,
    users: usersRepo(opts.store.db),
    devices: devicesRepo(opts.store.db),
    log: opts.log,
    now: opts.now ?? Date.now,
    epoch: await readEpoch(opts.store.db),
    loginLimiter: createLoginLimiter(opts.store.db, 5, 60_000, opts.now ?? Date.now),
    sessionTtlMs: opts.sessionTtlMs ?? 12 * 60 * 60 * 1000,
    pushBudgetMs: opts.pushBudgetMs ?? 2000,
    pushChunkSize: opts.pushChunkSize ?? 50,
  };
  const app: FastifyInstance = Fastify({
    loggerInstance: opts.log as FastifyBaseLogger,
    bodyLimit: opts.bodyLimit ?? 16 * MB,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
  });

  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
    reply.header('x-server-epoch', ctx.epoch);
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof HttpError) return reply.code(err.status).send(err.body());
    if ((err.statusCode ?? 500) >= 500) {
      req.log.error({ err }, 'request failed');
      return reply.code(503).send(new HttpError(503, 'UNAVAILABLE', '服务器暂时无法处理，请稍后重试').body());
    }
    const httpError = clientError(err);
    return reply.code(httpError.status).send(httpError.body());
  });
  app.setNotFoundHandler((_req, reply) =>
    reply.code(404).send(new HttpError(404, 'NOT_FOUND', '没有这个接口，请检查地址').body()),
  );

  await app.register(swagger, { mode: 'static', specification: { document: openApiDocument() } });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/ready', async (_req, reply) => {
    const ready = (await databaseReachable(ctx.store)) && (await migrationsCurrent(ctx.store.db));
    if (!ready) return reply.code(503).send(new HttpError(503, 'UNAVAILABLE', '数据库未就绪，请稍后重试').body());
    return { status: 'ready' };
  });
  app.get('/openapi.json', async () => app.swagger());

  registerAuthRoutes(app, ctx);
  registerSyncRoutes(app, ctx);
  registerPokeRoutes(app, ctx);
  registerKbRoutes(app, ctx);
  registerKbSnapshotRoutes(app, ctx);
  return app;
}
