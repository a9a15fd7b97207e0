/**
 * The routes as the OpenAPI document describes them: what the hostile tests walk through,
 * so a new route is attacked without anyone listing it.
 */
import type { Client } from '../harness';

/** The part of a JSON schema the tests read. */
export type Schema = {
  type?: string | string[];
  format?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  enum?: unknown[];
  nullable?: boolean;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  minLength?: number;
  minimum?: number;
  minItems?: number;
  const?: unknown;
};
export type Param = { in: 'path' | 'query' | 'header'; name: string; required?: boolean; schema?: Schema };
export type Route = { method: string; path: string; params: Param[]; body?: Schema };

export async function openapiRoutes(c: Client): Promise<Route[]> {
  const doc = (await c.get('/api/openapi.json')).body as {
    paths: Record<
      string,
      Record<
        string,
        { parameters?: Param[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }
      >
    >;
  };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      params: op.parameters ?? [],
      body: op.requestBody?.content?.['application/json']?.schema,
    })),
  );
}
