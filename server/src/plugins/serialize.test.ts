/**
 * Answers are written from the contract's schema by fast-json-stringify: the same JSON zod
 * would have let through, and nothing the schema does not declare.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Need } from '../../../contract';
import { fastSerializerCompiler, forWriting } from './serialize';

const writerOf = (schema: z.ZodType) =>
  fastSerializerCompiler({ schema, method: 'GET', url: '/test', httpStatus: '200' });

const need = {
  id: 7,
  title: '楼道灯坏了',
  description: '三单元二楼',
  category: 'repair',
  communityId: 2,
  communityName: '八角北路社区',
  place: null,
  wantedBy: '2026-12-20',
  status: 'accepted',
  reason: null,
  raisedBy: { id: 3, name: '陈桂兰' },
  mergedIntoId: null,
  projectId: null,
  createdAt: '2026-12-01T02:00:00.000Z',
  decidedAt: '2026-12-02T02:00:00.000Z',
  waitedDays: 1,
  overdue: false,
  can: { decide: true, accept: false, convert: true },
};

describe('answers written from their schema', () => {
  it('writes what zod would let through, field for field', () => {
    const written = writerOf(Need)({ ...need });
    expect(JSON.parse(written)).toEqual(Need.parse(need));
    expect(JSON.parse(writerOf(Need)({ ...need, raisedBy: null })).raisedBy).toBeNull();
  });

  it('leaves out what the schema does not declare, however deep', () => {
    const written = writerOf(Need)({
      ...need,
      passwordHash: 'x',
      raisedBy: { id: 3, name: '陈桂兰', idNumber: '110107194512120021' },
    });
    expect(written).not.toContain('passwordHash');
    expect(written).not.toContain('110107194512120021');
  });

  it('turns "X or null" into a nullable X, and keeps other unions as they are', () => {
    const schema = z.toJSONSchema(
      z.object({
        a: z.object({ b: z.string() }).nullable(),
        c: z.union([z.object({ x: z.string() }), z.object({ y: z.number() })]),
      }),
      { target: 'draft-7' },
    );
    const shaped = forWriting(schema) as { properties: Record<string, Record<string, unknown>> };
    expect(shaped).not.toHaveProperty('$schema');
    expect(shaped.properties.a).toMatchObject({ type: 'object', nullable: true });
    expect(shaped.properties.a).not.toHaveProperty('anyOf');
    expect(shaped.properties.c).toHaveProperty('anyOf');
  });
});
