import { type ServerResponse } from 'node:http';
import { type FastifyInstance } from 'fastify';
import { requireDevice } from '../auth/authenticate';
import { type ServerContext } from '../http/context';
import { deviceScope } from './actor';
import { createPokeHub } from './pokeHub';

/** Well inside the idle timeouts of common proxies (60 s), so a quiet stream is not cut. */
const HEARTBEAT_MS = 20_000;

/**
 * GET /sync/events: a Server-Sent Events stream per seat, authenticated like pull, that says
 * `event: poke` when a push committed a change in the seat's scope; the seat then pulls. Pokes carry
 * no case data, so a stream outliving a revoked device leaks nothing.
 */
export function registerPokeRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const hub = createPokeHub({
    store: ctx.store,
    log: ctx.log,
    epoch: ctx.epoch,
    // The store opened from this same variable (server/main.ts); LISTEN needs a connection of its own.
    listenUrl: ctx.store.dialect === 'postgres' ? process.env.DATABASE_URL : undefined,
  });
  if (ctx.store.dialect === 'postgres' && !process.env.DATABASE_URL) {
    ctx.log.warn('DATABASE_URL not set: seats connected to other server instances are not poked');
  }
  const streams = new Set<ServerResponse>();

  app.addHook('onResponse', async (req, reply) => {
    if (req.routeOptions.url === '/sync/push' && reply.statusCode === 200) hub.pushCommitted();
  });

  app.get('/sync/events', async (req, reply) => {
    const { device, user } = await requireDevice(ctx, req);
    const scope = deviceScope(device, user);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // nginx would otherwise hold pokes back in its buffer.
      'x-accel-buffering': 'no',
      'x-request-id': req.id,
      'x-server-epoch': ctx.epoch,
    });
    res.write(': connected\n\n');
    streams.add(res);
    const unsubscribe = hub.subscribe({
      scope,
      poke: (seq) => res.write(`event: poke\ndata: {"seq":${seq}}\n\n`),
    });
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
    res.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
      req.log.debug({ clientId: device.clientId }, 'poke stream closed');
    });
    req.log.info({ clientId: device.clientId }, 'poke stream opened');
  });

  // Open streams never finish by themselves: end them first, or closing the server waits forever.
  app.addHook('preClose', async () => {
    for (const res of streams) res.end();
  });
  app.addHook('onClose', async () => {
    await hub.close();
  });
}
