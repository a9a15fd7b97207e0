/**
 * Answers written at Fastify's own speed. Each route's zod response schema becomes a JSON Schema
 * once, at start-up, compiled by fast-json-stringify: an answer is written field by field from
 * its schema, and only the declared fields leave (what the reader may not see is never sent by
 * accident). Running a zod parse over every answer, as the type provider does, cost more than
 * the query behind most lists. Input is still checked by zod (validatorCompiler).
 */

import fastJson, { type Schema } from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify/types/schema';
import { serializerCompiler as zodSerializer } from 'fastify-type-provider-zod';
import { type ZodType, z } from 'zod';

type Json = { [key: string]: unknown };

const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * The JSON Schema in the form fast-json-stringify writes fastest: "X or null" as X with
 * `nullable` (an anyOf would run a validator per value to pick its branch), no `$schema`.
 */
export function forWriting(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(forWriting);
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$schema') continue;
    out[key] = forWriting(value);
  }
  const anyOf = out.anyOf;
  if (Array.isArray(anyOf) && anyOf.length === 2) {
    const nulls = anyOf.filter((s) => isObject(s) && s.type === 'null' && Object.keys(s).length === 1);
    const other = anyOf.find((s) => !nulls.includes(s));
    // A $ref keeps its anyOf: a reference cannot carry `nullable` beside it.
    if (nulls.length === 1 && isObject(other) && typeof other.type === 'string' && !('$ref' in other)) {
      const { anyOf: _, ...rest } = out;
      return { ...rest, ...other, nullable: true };
    }
  }
  return out;
}

export const fastSerializerCompiler: FastifySerializerCompiler<unknown> = (route) => {
  const { schema } = route;
  // A route that declares no zod schema for this answer keeps the type provider's way.
  if (!(schema instanceof z.ZodType)) return zodSerializer(route as Parameters<typeof zodSerializer>[0]);
  const json = z.toJSONSchema(schema as ZodType, { target: 'draft-7', io: 'output', unrepresentable: 'any' });
  return fastJson(forWriting(json) as Schema);
};
