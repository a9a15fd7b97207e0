/** The exports' policy as a table: each actor × list × export, and the answer. */
import { describe, expect, it } from 'vitest';
import { actor, answers, only } from '../../../test/actors';
import type { Actor } from '../../auth/actor';
import { exportPolicy } from './exports.policy';

const actors = {
  worker: actor(null, [['community_worker', '1.2.3']]),
  contact: actor(null, [['unit_contact', '1.2.3', 40]]),
  member: actor(8, [['party_member', '1.2.3']]),
  resident: actor(9, [['resident', '1.2.3']]),
  lecturer: actor(null, [['lecturer', '1']]),
};
type Who = keyof typeof actors;

const cases: [string, (a: Actor) => boolean, Who[]][] = [
  [
    'export people (person.read)',
    (a) => exportPolicy.run(a, { action: 'person.read' }),
    ['worker', 'contact'],
  ],
  ['export users (user.read)', (a) => exportPolicy.run(a, { action: 'user.read' }), ['worker']],
  [
    'export bodies (body.read)',
    (a) => exportPolicy.run(a, { action: 'body.read' }),
    ['worker', 'contact', 'member'],
  ],
  [
    'export tasks (any session)',
    (a) => exportPolicy.run(a, { action: 'session' }),
    Object.keys(actors) as Who[],
  ],
];

describe('exports.policy', () => {
  for (const [action, allowed, who] of cases)
    it(`${action}: ${who.length ? who.join(', ') : 'nobody'}`, () => {
      expect(answers(actors, allowed)).toEqual(only(actors, who));
    });
});
