import { type StaticDocumentSpec } from '@fastify/swagger';
import {
  LoginRequest,
  LoginResponse,
  RegisterDeviceRequest,
  RegisterDeviceResponse,
  User,
} from '../../shared/sync/auth';
import { ErrorBody, PullQuery, PullResponse, PushRequest, PushResponse, STREAMS } from '../../shared/sync/protocol';
import { kbOpenApiPaths } from '../kb/kbOpenApi';
import { kbSnapshotOpenApiPaths } from '../kb/snapshot/snapshotOpenApi';
import { bearer, errorAnswer, json, schemaOf, type JsonSchema } from './openApiParts';

const errors = {
  '400': errorAnswer('请求内容不符合要求'),
  '401': errorAnswer('未登录或令牌失效'),
  '403': errorAnswer('无权操作'),
};

/** `response` null: the endpoint answers 204 without a body. */
function post(summary: string, body: JsonSchema | null, response: JsonSchema | null, secured: boolean) {
  return {
    post: {
      summary,
      ...(secured ? { security: bearer } : {}),
      ...(body ? { requestBody: { required: true, ...json(body) } } : {}),
      responses: {
        ...(response ? { '200': { description: 'OK', ...json(response) } } : { '204': { description: 'No Content' } }),
        ...errors,
      },
    },
  };
}

/**
 * The OpenAPI 3.1 document, generated from the same zod schemas the handlers validate with. The
 * JSON Schema that zod emits is not typed as openapi-types' SchemaObject, hence the one cast.
 */
export function openApiDocument(): StaticDocumentSpec['document'] {
  const pullQuery = schemaOf(PullQuery, 'input') as { properties?: Record<string, JsonSchema> };
  const document = {
    openapi: '3.1.0',
    info: { title: '12316 三农热线 中心服务', version: '1' },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: { ErrorBody: schemaOf(ErrorBody, 'output') },
    },
    paths: {
      '/health': { get: { summary: '存活检查', responses: { '200': { description: 'OK' } } } },
      '/ready': {
        get: {
          summary: '就绪检查（数据库可达且迁移完成）',
          responses: { '200': { description: 'OK' }, '503': errors['400'] },
        },
      },
      '/auth/login': post('登录', schemaOf(LoginRequest, 'input'), schemaOf(LoginResponse, 'output'), false),
      '/auth/logout': post('退出登录', null, null, true),
      '/devices/register': post(
        '注册坐席设备',
        schemaOf(RegisterDeviceRequest, 'input'),
        schemaOf(RegisterDeviceResponse, 'output'),
        true,
      ),
      '/admin/users/{id}/disable': {
        post: {
          ...post('停用账号（管理员）', null, { type: 'object', properties: { user: schemaOf(User, 'output') } }, true)
            .post,
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        },
      },
      '/sync/push': post('上传变更', schemaOf(PushRequest, 'input'), schemaOf(PushResponse, 'output'), true),
      '/sync/pull': {
        get: {
          summary: '拉取变更',
          security: bearer,
          parameters: Object.entries(pullQuery.properties ?? {}).map(([name, schema]) => ({
            name,
            in: 'query',
            required: name !== 'limit',
            schema: name === 'stream' ? { type: 'string', enum: [...STREAMS] } : schema,
          })),
          responses: { '200': { description: 'OK', ...json(schemaOf(PullResponse, 'output')) }, ...errors },
        },
      },
      ...kbOpenApiPaths(schemaOf),
      ...kbSnapshotOpenApiPaths(schemaOf),
    },
  };
  return document as StaticDocumentSpec['document'];
}
