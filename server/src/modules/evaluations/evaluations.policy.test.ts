/** The evaluations' policy as a table: each actor × evaluation, candidate, nomination or objection × action, and the answer. */
import { describe, expect, it } from 'vitest';
import { actor, answers, only } from '../../../test/actors';
import type { Actor } from '../../auth/actor';
import {
  type EvaluationFacts,
  evaluationCan,
  evaluationPolicy,
  honourEntryCan,
  type NominationFacts,
  nominationCan,
  nominationPolicy,
  objectionCan,
  scoreCan,
} from './evaluations.policy';

// A district-wide evaluation (1) with streets 1.2 and 1.5; a street's own evaluation (1.2).
const district: EvaluationFacts = { region_path: '1', status: 'closed' };
const streets: EvaluationFacts = { region_path: '1.2', status: 'closed' };
const inStep = (status: EvaluationFacts['status']): EvaluationFacts => ({ ...district, status });
const ofStreet = (status: NominationFacts['status']): NominationFacts => ({ region_path: '1.2', status });
const actors = {
  districtAdmin: actor(null, [['district_admin', '1']]),
  streetAdmin: actor(null, [['street_admin', '1.2']]),
  otherStreet: actor(null, [['street_admin', '1.5']]),
  worker: actor(null, [['community_worker', '1.2.3']]),
  member: actor(8, [['party_member', '1.2.3']]),
  contact: actor(null, [['unit_contact', '1.2.3', 40]]),
};
type Who = keyof typeof actors;
const admins: Who[] = ['districtAdmin', 'streetAdmin', 'otherStreet', 'worker'];

const cases: [string, (a: Actor) => boolean, Who[]][] = [
  ['see the candidates of any evaluation', (a) => evaluationPolicy.seeCandidates(a), admins],
  ['run a district-wide evaluation', (a) => evaluationPolicy.manage(a, district), ['districtAdmin']],
  ['run a street’s evaluation', (a) => evaluationPolicy.manage(a, streets), ['districtAdmin', 'streetAdmin']],
  [
    'take part in a district-wide evaluation’s nominations',
    (a) => evaluationPolicy.nominateIn(a, district),
    ['districtAdmin', 'streetAdmin', 'otherStreet'],
  ],
  [
    'take part in a street’s evaluation’s nominations',
    (a) => evaluationPolicy.nominateIn(a, streets),
    ['districtAdmin', 'streetAdmin'],
  ],
  [
    'nominate a candidate of street 1.2',
    (a) => nominationPolicy.nominate(a, ofStreet('nominated')),
    ['districtAdmin', 'streetAdmin'],
  ],
  [
    'withdraw street 1.2’s nomination',
    (a) => nominationPolicy.withdraw(a, ofStreet('nominated')),
    ['districtAdmin', 'streetAdmin'],
  ],
  [
    'recompute an open evaluation (console)',
    (a) => evaluationCan(a, inStep('open')).compute,
    ['districtAdmin'],
  ],
  ['recompute a closed evaluation (console)', (a) => evaluationCan(a, inStep('closed')).compute, []],
  ['nominate in an open evaluation (console)', (a) => evaluationCan(a, inStep('open')).nominate, []],
  [
    'nominate while nominations are open (console)',
    (a) => evaluationCan(a, inStep('closed')).nominate,
    ['districtAdmin', 'streetAdmin', 'otherStreet'],
  ],
  [
    'review while nominations are open (console)',
    (a) => evaluationCan(a, inStep('closed')).review,
    ['districtAdmin'],
  ],
  ['review on notice (console)', (a) => evaluationCan(a, inStep('notice')).review, []],
  ['decide on notice (console)', (a) => evaluationCan(a, inStep('notice')).decide, ['districtAdmin']],
  ['publish a decided list (console)', (a) => evaluationCan(a, inStep('decided')).publish, ['districtAdmin']],
  ['publish a published list (console)', (a) => evaluationCan(a, inStep('published')).publish, []],
  [
    'read the objections of a published list (console)',
    (a) => evaluationCan(a, inStep('published')).seeObjections,
    ['districtAdmin'],
  ],
  [
    'nominate a candidate of street 1.2 (console)',
    (a) => scoreCan(a, district, { street_path: '1.2' }).nominate,
    ['districtAdmin', 'streetAdmin'],
  ],
  [
    'nominate a candidate once nominations closed (console)',
    (a) => scoreCan(a, inStep('notice'), { street_path: '1.2' }).nominate,
    [],
  ],
  [
    'approve a nomination awaiting review (console)',
    (a) => nominationCan(a, district, ofStreet('nominated')).approve,
    ['districtAdmin'],
  ],
  [
    'approve an approved nomination (console)',
    (a) => nominationCan(a, district, ofStreet('approved')).approve,
    [],
  ],
  [
    'reject an approved nomination (console)',
    (a) => nominationCan(a, district, ofStreet('approved')).reject,
    ['districtAdmin'],
  ],
  [
    'reject a rejected nomination (console)',
    (a) => nominationCan(a, district, ofStreet('rejected')).reject,
    [],
  ],
  [
    'withdraw street 1.2’s nomination (console)',
    (a) => nominationCan(a, district, ofStreet('approved')).withdraw,
    ['districtAdmin', 'streetAdmin'],
  ],
  [
    'withdraw a nomination on notice (console)',
    (a) => nominationCan(a, inStep('notice'), ofStreet('approved')).withdraw,
    [],
  ],
  [
    'answer an open objection on notice (console)',
    (a) => objectionCan(a, inStep('notice'), { status: 'open' }).answer,
    ['districtAdmin'],
  ],
  [
    'answer an answered objection (console)',
    (a) => objectionCan(a, inStep('notice'), { status: 'upheld' }).answer,
    [],
  ],
  [
    'answer an objection once decided (console)',
    (a) => objectionCan(a, inStep('decided'), { status: 'open' }).answer,
    [],
  ],
];

describe('evaluations.policy', () => {
  for (const [action, allowed, who] of cases)
    it(`${action}: ${who.length ? who.join(', ') : 'nobody'}`, () => {
      expect(answers(actors, allowed)).toEqual(only(actors, who));
    });

  it('anyone may object to a shortlisted nominee while the notice runs, once while the objection is open', () => {
    const notice = { ...inStep('notice'), noticeOpen: true };
    expect(honourEntryCan(notice, { objected: false }).object).toBe(true);
    expect(honourEntryCan(notice, { objected: true }).object).toBe(false);
    expect(honourEntryCan({ ...notice, noticeOpen: false }, { objected: false }).object).toBe(false);
    expect(honourEntryCan({ ...inStep('published'), noticeOpen: false }, { objected: false }).object).toBe(
      false,
    );
  });
});
