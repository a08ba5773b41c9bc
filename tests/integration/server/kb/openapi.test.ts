import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../../../server/http/openapi';

describe('OpenAPI document of the knowledge base', () => {
  it('describes every KB and case-search route with its request schema', () => {
    const doc = openApiDocument() as unknown as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>>;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/kb/articles',
        '/kb/articles/{id}',
        '/kb/articles/{id}/publish',
        '/kb/articles/{id}/rollback',
        '/kb/articles/{id}/diff',
        '/kb/articles/from-case/{inquiryId}',
        '/kb/review-due',
        '/cases/search',
      ]),
    );
    const create = doc.paths['/kb/articles']!.post!.requestBody!.content['application/json']!.schema;
    expect(create).toMatchObject({ required: ['draft'], additionalProperties: false });
  });
});
