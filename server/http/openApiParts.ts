import { z } from 'zod';

/** The pieces every part of the OpenAPI document is written with (openapi.ts, kb/, kb/snapshot/). */
export type JsonSchema = Record<string, unknown>;
export type SchemaOf = (schema: z.ZodType, io: 'input' | 'output') => JsonSchema;

/** JSON Schema of a shared zod schema, as the client sends it (input) or receives it (output). */
export const schemaOf: SchemaOf = (schema, io) => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

export const json = (schema: JsonSchema) => ({ content: { 'application/json': { schema } } });

/** An error answer: every error body has the shape of the ErrorBody component. */
export const errorAnswer = (description: string) => ({
  description,
  ...json({ $ref: '#/components/schemas/ErrorBody' }),
});

export const bearer = [{ bearer: [] }];

export const pathParam = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
