import { type z } from 'zod';
import { KbVersionDiff } from '../../shared/domain/kbDiff';
import {
  CaseSearchPage,
  CaseSearchQuery,
  KbArticleDetail,
  KbArticleListQuery,
  KbArticlePage,
  KbCreateRequest,
  KbDiffQuery,
  KbEditRequest,
  KbFeedbackRequest,
  KbReviewDueList,
  KbRollbackRequest,
  KbSendBackRequest,
  KbTransitionRequest,
  KbVersionDetail,
  KbVersionList,
} from '../../shared/domain/kbServer';
import { bearer, errorAnswer, json, pathParam, type JsonSchema, type SchemaOf } from '../http/openApiParts';

const errors = {
  '400': errorAnswer('请求内容不符合要求'),
  '401': errorAnswer('未登录或令牌失效'),
  '403': errorAnswer('无权操作'),
  '404': errorAnswer('没有找到'),
  '409': errorAnswer('与当前状态不符（已被他人修改、状态不允许）'),
};

/** Query parameters of a flat zod object, one OpenAPI parameter each. */
function queryParams(schemaOf: SchemaOf, schema: z.ZodType) {
  const { properties = {}, required = [] } = schemaOf(schema, 'input') as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(properties).map(([name, s]) => ({
    name,
    in: 'query',
    required: required.includes(name),
    schema: s,
  }));
}

/** The knowledge-base and case-search paths of the OpenAPI document, from the same zod schemas the handlers use. */
export function kbOpenApiPaths(schemaOf: SchemaOf): Record<string, unknown> {
  const ok = (schema: z.ZodType, status = '200') => ({
    [status]: { description: 'OK', ...json(schemaOf(schema, 'output')) },
  });
  const body = (schema: z.ZodType) => ({ requestBody: { required: true, ...json(schemaOf(schema, 'input')) } });
  const op = (summary: string, extra: Record<string, unknown>, response: Record<string, unknown>) => ({
    summary,
    security: bearer,
    ...extra,
    responses: { ...response, ...errors },
  });
  const id = [pathParam('id')];
  const transition = (summary: string, request: z.ZodType = KbTransitionRequest) => ({
    post: op(summary, { parameters: id, ...body(request) }, ok(KbArticleDetail)),
  });
  return {
    '/kb/articles': {
      get: op(
        '知识列表（坐席员只看到已发布的）',
        { parameters: queryParams(schemaOf, KbArticleListQuery) },
        ok(KbArticlePage),
      ),
      post: op('新建知识草稿（专家）', body(KbCreateRequest), ok(KbArticleDetail, '201')),
    },
    '/kb/articles/from-case/{inquiryId}': {
      post: op(
        '转为知识：由已答复的工单生成草稿（专家）',
        { parameters: [pathParam('inquiryId')] },
        ok(KbArticleDetail, '201'),
      ),
    },
    '/kb/articles/{id}': {
      get: op('查看知识', { parameters: id }, ok(KbArticleDetail)),
      put: op(
        '修改草稿；已发布的知识开始一次修订（负责的专家）',
        { parameters: id, ...body(KbEditRequest) },
        ok(KbArticleDetail),
      ),
    },
    '/kb/articles/{id}/submit': transition('提交审核（专家）'),
    '/kb/articles/{id}/publish': transition('审核发布为新版本（班长）'),
    '/kb/articles/{id}/send-back': transition('退回修改（班长）', KbSendBackRequest),
    '/kb/articles/{id}/retire': transition('停用，从检索中撤下（班长）'),
    '/kb/articles/{id}/rollback': transition('回滚到某个版本，作为新版本发布（班长）', KbRollbackRequest),
    '/kb/articles/{id}/reviewed': transition('确认复核：内容仍然有效（负责的专家或班长）'),
    '/kb/articles/{id}/feedback': transition('标记有用/没用（坐席员）', KbFeedbackRequest),
    '/kb/articles/{id}/versions': { get: op('版本历史', { parameters: id }, ok(KbVersionList)) },
    '/kb/articles/{id}/versions/{version}': {
      get: op('某个版本的内容', { parameters: [...id, pathParam('version')] }, ok(KbVersionDetail)),
    },
    '/kb/articles/{id}/diff': {
      get: op(
        '两个版本的逐字段差异',
        { parameters: [...id, ...queryParams(schemaOf, KbDiffQuery)] },
        ok(KbVersionDiff),
      ),
    },
    '/kb/review-due': { get: op('超过有效期或本季未复核的知识（专家、班长）', {}, ok(KbReviewDueList)) },
    '/cases/search': {
      get: op(
        '全量历史工单检索（按与拉取相同的范围）',
        { parameters: queryParams(schemaOf, CaseSearchQuery) },
        ok(CaseSearchPage),
      ),
    },
  };
}
