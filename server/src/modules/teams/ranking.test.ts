import { describe, expect, it } from 'vitest';
import { type Candidate, rank } from './ranking';

const person = (personId: number, c: Partial<Candidate>): Candidate => ({
  personId,
  name: `成员${personId}`,
  party: true,
  homeLabel: '',
  specialties: [],
  near: 2,
  recentHours: 0,
  busy: false,
  ...c,
});

describe('ranking suggested people', () => {
  it('puts a closer member with the same specialty above a farther one', () => {
    const ranked = rank(
      [
        person(1, { specialties: ['medical'], near: 1 }),
        person(2, { specialties: ['medical'], near: 3 }),
        person(3, { specialties: [], near: 4 }),
      ],
      ['medical'],
      10,
      false,
    );
    expect(ranked.map((r) => r.personId)).toEqual([2, 1, 3]);
    expect(ranked[0]).toMatchObject({ nearness: 'building', specialtyMatch: ['medical'] });
    expect(ranked[0]!.reasons).toContainEqual({ key: 'suggest_specialty', specialties: ['medical'] });
    expect(ranked[2]!.reasons).toContainEqual({ key: 'suggest_no_specialty' });
  });

  it('leaves out a member busy at that time', () => {
    const ranked = rank(
      [person(1, { specialties: ['legal'], busy: true }), person(2, { specialties: ['legal'] })],
      ['legal'],
      10,
      true,
    );
    expect(ranked.map((r) => r.personId)).toEqual([2]);
    expect(ranked[0]!.reasons).toContainEqual({ key: 'suggest_free' });
  });

  it('counts a specialty saved twice once, as the database finds the candidates', () => {
    const ranked = rank(
      [
        person(1, { specialties: ['medical', 'medical'] }),
        person(2, { specialties: ['medical', 'nursing'] }),
      ],
      ['medical', 'nursing'],
      10,
      false,
    );
    expect(ranked.map((r) => r.personId)).toEqual([2, 1]);
    expect(ranked[1]!.specialtyMatch).toEqual(['medical']);
  });

  it('among equals, puts the one with fewer recent hours first', () => {
    const ranked = rank(
      [person(1, { recentHours: 12 }), person(2, { recentHours: 3 }), person(3, { recentHours: 0 })],
      [],
      2,
      false,
    );
    expect(ranked.map((r) => r.personId)).toEqual([3, 2]);
    expect(ranked[1]!.reasons).toContainEqual({ key: 'suggest_recent', hours: 3 });
  });
});
