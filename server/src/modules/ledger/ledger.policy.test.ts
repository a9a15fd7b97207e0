/** The ledger's policy as a table: each actor × entry × action, and the answer. */
import { describe, expect, it } from 'vitest';
import { actor, answers, only } from '../../../test/actors';
import type { Actor } from '../../auth/actor';
import { type EntryFacts, ledgerEntryCan, ledgerPolicy } from './ledger.policy';

// An entry of community 1.2.3 (street 1.2); a correction of it; another street 1.5.
const entry: EntryFacts = { region_path: '1.2.3', corrects_id: null };
const correction: EntryFacts = { region_path: '1.2.3', corrects_id: 1 };
const actors = {
  streetAdmin: actor(null, [['street_admin', '1.2']]),
  worker: actor(null, [['community_worker', '1.2.3']]),
  otherStreet: actor(null, [['street_admin', '1.5']]),
  member: actor(8, [['party_member', '1.2.3']]),
  unitContact: actor(null, [['unit_contact', '1.2.3', 40]]),
};
type Who = keyof typeof actors;

const cases: [string, (a: Actor) => boolean, Who[]][] = [
  ['correct an entry', (a) => ledgerPolicy.correct(a, entry), ['streetAdmin', 'worker']],
  ['correct an entry (console)', (a) => ledgerEntryCan(a, entry).correct, ['streetAdmin', 'worker']],
  ['correct a correction (console)', (a) => ledgerEntryCan(a, correction).correct, []],
];

describe('ledger.policy', () => {
  for (const [action, allowed, who] of cases)
    it(`${action}: ${who.length ? who.join(', ') : 'nobody'}`, () => {
      expect(answers(actors, allowed)).toEqual(only(actors, who));
    });
});
