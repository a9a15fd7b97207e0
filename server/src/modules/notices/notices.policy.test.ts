/** The notices' policy as a table: each actor × notice × action, and the answer. */
import { describe, expect, it } from 'vitest';
import { actor, answers, only } from '../../../test/actors';
import type { Actor } from '../../auth/actor';
import { type NoticeFacts, noticeCan } from './notices.policy';

const draft: NoticeFacts = { region_path: '1.2', status: 'draft' };
const published: NoticeFacts = { region_path: '1.2', status: 'published' };
const actors = {
  streetAdmin: actor(null, [['street_admin', '1.2']]),
  worker: actor(null, [['community_worker', '1.2.3']]),
  otherStreet: actor(null, [['street_admin', '1.5']]),
  member: actor(8, [['party_member', '1.2.3']]),
};
type Who = keyof typeof actors;

const cases: [string, (a: Actor) => boolean, Who[]][] = [
  ["edit the street's draft", (a) => noticeCan(a, draft).edit, ['streetAdmin']],
  ["publish the street's draft", (a) => noticeCan(a, draft).publish, ['streetAdmin']],
  ['publish it again once published', (a) => noticeCan(a, published).publish, []],
  ['remind its unread readers', (a) => noticeCan(a, published).remind, ['streetAdmin']],
  ['see who read it', (a) => noticeCan(a, published).seeReads, ['streetAdmin']],
];

describe('notices.policy', () => {
  for (const [action, allowed, who] of cases)
    it(`${action}: ${who.length ? who.join(', ') : 'nobody'}`, () => {
      expect(answers(actors, allowed)).toEqual(only(actors, who));
    });
});
