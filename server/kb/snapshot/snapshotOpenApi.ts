import { type z } from 'zod';
import { bearer, errorAnswer, json, pathParam, type JsonSchema, type SchemaOf } from '../../http/openApiParts';
import { KB_CHUNK_SHA256_HEADER, KbDeltaPage, KbDeltaQuery, KbSnapshotManifest } from '../../../shared/sync/kbSnapshot';

const errors = {
  '400': errorAnswer('请求内容不符合要求'),
  '401': errorAnswer('坐席未注册或令牌失效'),
};

/** The KB snapshot and delta paths of the OpenAPI document (issue 4 §4), from the schemas the handlers use. */
export function kbSnapshotOpenApiPaths(schemaOf: SchemaOf): Record<string, unknown> {
  const ok = (schema: z.ZodType) => ({ '200': { description: 'OK', ...json(schemaOf(schema, 'output')) } });
  const { properties = {} } = schemaOf(KbDeltaQuery, 'input') as { properties?: Record<string, JsonSchema> };
  return {
    '/kb/snapshot': {
      get: {
        summary: '当前知识库版本的清单（坐席设备令牌）；尚无版本时当场生成',
        security: bearer,
        responses: { ...ok(KbSnapshotManifest), ...errors },
      },
    },
    '/kb/snapshot/{id}/chunks/{index}': {
      get: {
        summary: `知识库版本的一个分块（压缩字节，sha256 在 ${KB_CHUNK_SHA256_HEADER} 头中）`,
        security: bearer,
        parameters: [pathParam('id'), pathParam('index')],
        responses: {
          '200': { description: 'OK', content: { 'application/octet-stream': { schema: { type: 'string' } } } },
          '404': errorAnswer('该版本已被新版本取代'),
          ...errors,
        },
      },
    },
    '/kb/deltas': {
      get: {
        summary: '某个游标之后的知识变更（每条知识只给最后一次操作），分页',
        security: bearer,
        parameters: Object.entries(properties).map(([name, schema]) => ({
          name,
          in: 'query',
          required: name === 'since',
          schema,
        })),
        responses: { ...ok(KbDeltaPage), ...errors },
      },
    },
    '/kb/snapshot/rebuild': {
      post: {
        summary: '立即重新生成知识库版本（值班班长、管理员）',
        security: bearer,
        responses: { ...ok(KbSnapshotManifest), ...errors, '403': errorAnswer('无权操作') },
      },
    },
  };
}
