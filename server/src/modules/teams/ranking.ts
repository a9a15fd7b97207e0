/**
 * How suggested people are ranked, and why: the specialties wanted that they have, how
 * near home is to the place, whether they are free at that time, and — among equals —
 * fewer recent hours first, so the work spreads. Pure: the database gathers the facts.
 */
export const NEARNESS = ['district', 'street', 'community', 'building', 'entrance'] as const;
export type Nearness = (typeof NEARNESS)[number];

export type Candidate = {
  personId: number;
  name: string;
  party: boolean;
  homeLabel: string;
  specialties: string[];
  /** 0 district … 4 same entrance. */
  near: number;
  recentHours: number;
  busy: boolean;
};

export type Ranked = Candidate & {
  nearness: Nearness;
  specialtyMatch: string[];
  score: number;
  reasons: Reason[];
};

/** A reason as a message key and its parameters, put into words by the caller. */
export type Reason =
  | { key: 'suggest_specialty'; specialties: string[] }
  | { key: 'suggest_no_specialty' }
  | { key: 'suggest_near'; nearness: Nearness }
  | { key: 'suggest_recent'; hours: number }
  | { key: 'suggest_free' }
  | { key: 'suggest_party' };

export function rank(candidates: Candidate[], wanted: string[], limit: number, timed: boolean): Ranked[] {
  return candidates
    .filter((c) => !c.busy)
    .map((c) => {
      // Each specialty once (a list saved with one twice counts it once, as the database's count does).
      const specialtyMatch = c.specialties.filter(
        (s, i) => wanted.includes(s) && c.specialties.indexOf(s) === i,
      );
      const nearness = NEARNESS[Math.max(0, Math.min(4, c.near))]!;
      const reasons: Reason[] = [
        specialtyMatch.length
          ? { key: 'suggest_specialty', specialties: specialtyMatch }
          : { key: 'suggest_no_specialty' },
        { key: 'suggest_near', nearness },
        ...(timed ? [{ key: 'suggest_free' } as const] : []),
        { key: 'suggest_recent', hours: c.recentHours },
        ...(c.party ? [{ key: 'suggest_party' } as const] : []),
      ];
      // Specialty outweighs nearness, nearness outweighs recent hours: the order below.
      const score = specialtyMatch.length * 100 + c.near * 10 - Math.min(c.recentHours, 9.9);
      return { ...c, nearness, specialtyMatch, score: Math.round(score * 10) / 10, reasons };
    })
    .sort(
      (a, b) =>
        b.specialtyMatch.length - a.specialtyMatch.length ||
        b.near - a.near ||
        a.recentHours - b.recentHours ||
        a.personId - b.personId,
    )
    .slice(0, limit);
}
