import { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  MIN_PROTOCOL_VERSION,
  PROTOCOL_VERSION,
  PullQuery,
  type PullResponse,
  PushRequest,
  type PushResponse,
} from '../../shared/sync/protocol';
import { requireDevice } from '../auth/authenticate';
import { type ServerContext } from '../http/context';
import { HttpError } from '../http/httpError';
import { parseInput } from '../http/validate';
import { deviceScope, mutationActors } from './actor';
import { pullInquiries } from './pull';
import { pushMutations } from './push';

const ProtocolOnly = z.object({ protocol: z.number() });

/** An old seat must learn it needs an update even if the rest of its request no longer parses. */
function assertProtocolSupported(body: unknown): void {
  const r = ProtocolOnly.safeParse(body);
  if (r.success && (r.data.protocol < MIN_PROTOCOL_VERSION || r.data.protocol > PROTOCOL_VERSION)) {
    throw new HttpError(400, 'VERSION_NOT_SUPPORTED', '坐席软件版本与服务器不兼容，需要升级坐席软件后才能同步');
  }
}

export function registerSyncRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/sync/push', async (req): Promise<PushResponse> => {
    const { device, user } = await requireDevice(ctx, req);
    assertProtocolSupported(req.body);
    const input = parseInput(PushRequest, req.body);
    if (input.clientId !== device.clientId || input.installNonce !== device.installNonce) {
      throw new HttpError(403, 'FORBIDDEN', '该坐席标识不属于本设备，请重新注册坐席');
    }
    const first = input.mutations[0]!.id;
    if (input.mutations.some((m, i) => m.id !== first + i)) {
      throw new HttpError(400, 'INVALID_INPUT', '待上传的变更编号不连续，请重新上传');
    }
    // Looked up before the push's transactions: on SQLite a query outside an open transaction would wait for it.
    const actors = await mutationActors((id) => ctx.users.byId(id), device, user, input.mutations);
    const done = await pushMutations(ctx, device.clientId, actors, input.mutations);
    req.log.info({ clientId: device.clientId, first, count: done.results.length, last: done.lastMutationId }, 'push');
    return { epoch: ctx.epoch, ...done };
  });

  app.get('/sync/pull', async (req): Promise<PullResponse> => {
    const { device, user } = await requireDevice(ctx, req);
    const query = parseInput(PullQuery, req.query);
    const page = await pullInquiries(ctx.store, deviceScope(device, user), query);
    return { epoch: ctx.epoch, ...page };
  });
}
