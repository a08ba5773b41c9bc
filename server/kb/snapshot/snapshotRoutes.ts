import { type FastifyInstance } from 'fastify';
import { KB_CHUNK_SHA256_HEADER, KbDeltaQuery, KbSnapshotChunkParams } from '../../../shared/sync/kbSnapshot';
import { requireDevice, requireUser } from '../../auth/authenticate';
import { type ServerContext } from '../../http/context';
import { HttpError } from '../../http/httpError';
import { parseInput } from '../../http/validate';
import { articleFeed } from '../articleFeed';
import { compactedDeltaPage } from './deltaPages';
import { kbSnapshotService } from './snapshotService';

const CAN_REBUILD = new Set(['supervisor', 'admin']);

/**
 * KB snapshots and deltas for seats (issue 4 §4), behind the device token like sync pull:
 * GET /kb/snapshot (current manifest), GET /kb/snapshot/:id/chunks/:index (bytes + sha256 header),
 * GET /kb/deltas?since=&limit= (compacted pages). POST /kb/snapshot/rebuild: a supervisor's "build now".
 */
export function registerKbSnapshotRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const snapshots = kbSnapshotService(ctx);
  const feed = articleFeed(ctx.store.db);
  app.addHook('onClose', async () => snapshots.idle());

  app.get('/kb/snapshot', async (req) => {
    await requireDevice(ctx, req);
    return snapshots.current();
  });

  app.get('/kb/snapshot/:id/chunks/:index', async (req, reply) => {
    await requireDevice(ctx, req);
    const { id, index } = parseInput(KbSnapshotChunkParams, req.params);
    const chunk = await snapshots.chunk(id, index);
    if (!chunk) throw new HttpError(404, 'NOT_FOUND', '该知识库版本已被新版本取代，请重新获取知识库版本');
    return reply
      .header('content-type', 'application/octet-stream')
      .header(KB_CHUNK_SHA256_HEADER, chunk.sha256)
      .header('cache-control', 'private, max-age=31536000, immutable')
      .send(chunk.data);
  });

  app.get('/kb/deltas', async (req) => {
    await requireDevice(ctx, req);
    const { since, limit } = parseInput(KbDeltaQuery, req.query);
    return compactedDeltaPage(feed, since, limit);
  });

  app.post('/kb/snapshot/rebuild', async (req) => {
    const user = await requireUser(ctx, req);
    if (!CAN_REBUILD.has(user.role))
      throw new HttpError(403, 'FORBIDDEN', '只有值班班长或管理员可以重新生成知识库版本');
    return snapshots.rebuild();
  });
}
