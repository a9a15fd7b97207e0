import { describe, expect, it } from 'vitest';
import { actPoints, criterionPoints, rankAll, total } from './scoring';

describe('scoring rules', () => {
  it('weights, per-act and period caps: "2 points a session, at most 12 a year"', () => {
    const meeting = { pointsPer: 2, cap: 12, weight: 1 };
    const acts = Array.from({ length: 8 }, () => actPoints(1, meeting));
    expect(acts).toEqual([2, 2, 2, 2, 2, 2, 2, 2]);
    expect(criterionPoints(acts, meeting)).toEqual({ raw: 16, capped: true, points: 12 });
    // One long day of service earns at most 4 points; the weight applies after the cap.
    const hours = { pointsPer: 1, perActCap: 4, cap: 40, weight: 1.5 };
    expect(actPoints(6.5, hours)).toBe(4);
    expect(actPoints(2.5, hours)).toBe(2.5);
    expect(criterionPoints([4, 2.5], hours)).toEqual({ raw: 6.5, capped: false, points: 9.75 });
    // A correction that nets an act to zero earns nothing, never less.
    expect(actPoints(0, hours)).toBe(0);
    expect(actPoints(-1, hours)).toBe(0);
  });

  it('deductions come off the total, which can fall below zero only by them', () => {
    expect(total({ service: 9.75, meetings: 12 }, 3)).toBe(18.75);
    expect(total({ service: 0 }, 2)).toBe(-2);
  });

  it('ties share a rank; the next rank skips', () => {
    const ranked = rankAll([
      { id: 'a', total: 10 },
      { id: 'b', total: 30 },
      { id: 'c', total: 10 },
      { id: 'd', total: 5 },
    ]);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 2],
      ['d', 4],
    ]);
  });
});
