/** The imports' policy as a table: each actor × job × action, and the answer. */
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { actor, answers, only } from '../../../test/actors';
import type { Actor } from '../../auth/actor';
import { importPolicy, type JobFacts } from './imports.policy';

// A street admin's job (account 11); an organiser over them (account 10).
const streetsJob: JobFacts = { createdBy: 11 };
const actors = {
  districtAdmin: actor(null, [['district_admin', '1']], 10),
  streetAdmin: actor(null, [['street_admin', '1.2']], 11),
  worker: actor(null, [['community_worker', '1.2.3']], 12),
  contact: actor(null, [['unit_contact', '1.2.3', 40]], 13),
  member: actor(8, [['party_member', '1.2.3']], 14),
};
type Who = keyof typeof actors;

const cases: [string, (a: Actor) => boolean, Who[]][] = [
  ['start an import', (a) => importPolicy.start(a), ['districtAdmin', 'streetAdmin', 'worker']],
  [
    'watch the street admin’s job (not the district over them)',
    (a) => importPolicy.read(a, streetsJob),
    ['streetAdmin'],
  ],
];

describe('imports.policy', () => {
  for (const [action, allowed, who] of cases)
    it(`${action}: ${who.length ? who.join(', ') : 'nobody'}`, () => {
      expect(answers(actors, allowed)).toEqual(only(actors, who));
    });

  it('a list keeps the reader’s own jobs', () => {
    const { sql, params } = new PgDialect().sqlToQuery(importPolicy.visible(actors.worker));
    expect({ sql, params }).toEqual({ sql: '"imports"."created_by" = $1', params: [12] });
  });
});
