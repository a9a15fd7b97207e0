/** The audit trail's policy as a table: each actor × place × action, and the answer. */
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { actor, answers, only } from '../../../test/actors';
import type { Actor } from '../../auth/actor';
import { auditPolicy, type NodeFacts } from './audit.policy';

// Street 1.2 with community 1.2.3; another street 1.5.
const street: NodeFacts = { path: '1.2' };
const community: NodeFacts = { path: '1.2.3' };
const actors = {
  districtAdmin: actor(null, [['district_admin', '1']]),
  streetAdmin: actor(null, [['street_admin', '1.2']]),
  worker: actor(null, [['community_worker', '1.2.3']]),
  otherStreet: actor(null, [['street_admin', '1.5']]),
  contact: actor(null, [['unit_contact', '1.2.3', 40]]),
  member: actor(8, [['party_member', '1.2.3']]),
};
type Who = keyof typeof actors;

const cases: [string, (a: Actor) => boolean, Who[]][] = [
  ['read a street’s trail', (a) => auditPolicy.readAt(a, street), ['districtAdmin', 'streetAdmin']],
  [
    'read a community’s trail',
    (a) => auditPolicy.readAt(a, community),
    ['districtAdmin', 'streetAdmin', 'worker'],
  ],
];

/** The SQL a rule adds, as text with its parameters. */
const render = (q: ReturnType<typeof auditPolicy.visible>) => {
  const { sql: text, params } = new PgDialect().sqlToQuery(q);
  return { sql: text, params };
};

describe('audit.policy', () => {
  for (const [action, allowed, who] of cases)
    it(`${action}: ${who.length ? who.join(', ') : 'nobody'}`, () => {
      expect(answers(actors, allowed)).toEqual(only(actors, who));
    });

  it('a list keeps the entries recorded in the reader’s areas, and none for those without audit rights', () => {
    const both = actor(null, [
      ['street_admin', '1.2'],
      ['community_worker', '1.5.4'],
    ]);
    expect(render(auditPolicy.visible(both, sql`r.path`))).toEqual({
      sql: '(r.path <@ $1::ltree OR r.path <@ $2::ltree)',
      params: ['1.2', '1.5.4'],
    });
    expect(render(auditPolicy.visible(actors.member, sql`r.path`)).sql).toBe('false');
    expect(render(auditPolicy.visible(actors.contact, sql`r.path`)).sql).toBe('false');
  });
});
