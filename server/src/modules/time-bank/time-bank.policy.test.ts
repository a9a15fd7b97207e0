/** The time bank's policy as a table: each actor × request × action, and the answer. */
import { describe, expect, it } from 'vitest';
import { actor, answers, only } from '../../../test/actors';
import type { Actor } from '../../auth/actor';
import { type TimeRequestFacts, timeRequestPolicy } from './time-bank.policy';

const ASKER = 8;
const request: TimeRequestFacts = { person_id: ASKER };
const actors = {
  asker: actor(ASKER, [['party_member', '1.2.3']]),
  helper: actor(9, [['party_member', '1.2.3']]),
  worker: actor(null, [['community_worker', '1.2.3']]),
  districtAdmin: actor(null, [['district_admin', '1']]),
};
type Who = keyof typeof actors;

const cases: [string, (a: Actor) => boolean, Who[]][] = [
  ['confirm the help and pay the hours', (a) => timeRequestPolicy.complete(a, request), ['asker']],
  ['call the request off', (a) => timeRequestPolicy.cancel(a, request), ['asker']],
];

describe('time-bank.policy', () => {
  for (const [action, allowed, who] of cases)
    it(`${action}: ${who.length ? who.join(', ') : 'nobody'}`, () => {
      expect(answers(actors, allowed)).toEqual(only(actors, who));
    });
});
