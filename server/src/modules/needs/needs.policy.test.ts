/** The needs' policy as a table: each actor × need × action, and the answer. */
import { describe, expect, it } from 'vitest';
import { actor, answers, only } from '../../../test/actors';
import type { Actor } from '../../auth/actor';
import { type NeedFacts, needCan, needPolicy, needSettingCan } from './needs.policy';

// Street 1.2 with communities 1.2.3 (the need's) and 1.2.9; another street 1.5.
const open: NeedFacts = { community_path: '1.2.3', status: 'open' };
const accepted: NeedFacts = { ...open, status: 'accepted' };
const actors = {
  districtAdmin: actor(null, [['district_admin', '1']]),
  streetAdmin: actor(null, [['street_admin', '1.2']]),
  worker: actor(null, [['community_worker', '1.2.3']]),
  otherCommunity: actor(null, [['community_worker', '1.2.9']]),
  otherStreet: actor(null, [['street_admin', '1.5']]),
  // The resident who raised it follows it, and answers nothing.
  raiser: actor(8, [['resident', '1.2.3']]),
  unitContact: actor(null, [['unit_contact', '1.2.3', 40]]),
};
type Who = keyof typeof actors;
const organisers: Who[] = ['districtAdmin', 'streetAdmin', 'worker'];

const cases: [string, (a: Actor) => boolean, Who[]][] = [
  ['decide the need', (a) => needPolicy.decide(a, open), organisers],
  ['decide (decline, merge) an open need (console)', (a) => needCan(a, open).decide, organisers],
  ['accept an open need (console)', (a) => needCan(a, open).accept, organisers],
  ['convert an open need (console)', (a) => needCan(a, open).convert, organisers],
  ['decide an accepted need (console)', (a) => needCan(a, accepted).decide, organisers],
  ['accept an accepted need again (console)', (a) => needCan(a, accepted).accept, []],
  ['convert an accepted need (console)', (a) => needCan(a, accepted).convert, organisers],
  // The street's overdue setting: who organises the whole street, not one of its communities.
  [
    "set the street's overdue days",
    (a) => needPolicy.configure(a, { path: '1.2' }),
    ['districtAdmin', 'streetAdmin'],
  ],
  [
    "set the street's overdue days (console)",
    (a) => needSettingCan(a, { path: '1.2' }).update,
    ['districtAdmin', 'streetAdmin'],
  ],
  [
    "set another street's overdue days",
    (a) => needPolicy.configure(a, { path: '1.5' }),
    ['districtAdmin', 'otherStreet'],
  ],
];
for (const status of ['declined', 'merged', 'converted'] as const)
  for (const flag of ['decide', 'accept', 'convert'] as const)
    cases.push([`${flag} a ${status} need (console)`, (a) => needCan(a, { ...open, status })[flag], []]);

describe('needs.policy', () => {
  for (const [action, allowed, who] of cases)
    it(`${action}: ${who.length ? who.join(', ') : 'nobody'}`, () => {
      expect(answers(actors, allowed)).toEqual(only(actors, who));
    });
});
