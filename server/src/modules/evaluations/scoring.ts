/**
 * The scoring rules, as Chinese points systems write them ("2 points a session, at most 12
 * a year"): each act earns its quantity × the points per unit, capped per act; a
 * criterion's points are capped for the period, then weighted; reviewers' deductions come
 * off the total. Ties share a rank. Pure: the database gathers the acts.
 */
import type { Criterion } from '../../../../contract';

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The points one act earns under a criterion. */
export const actPoints = (quantity: number, c: Pick<Criterion, 'pointsPer' | 'perActCap'>) =>
  round2(
    Math.max(
      0,
      c.perActCap === undefined ? quantity * c.pointsPer : Math.min(quantity * c.pointsPer, c.perActCap),
    ),
  );

/** A criterion's points from its acts' points: capped for the period, then weighted. */
export function criterionPoints(actPointsList: number[], c: Pick<Criterion, 'cap' | 'weight'>) {
  const raw = round2(actPointsList.reduce((s, p) => s + p, 0));
  const capped = c.cap !== undefined && raw > c.cap;
  return { raw, capped, points: round2((capped ? c.cap! : raw) * c.weight) };
}

export const total = (byCriterion: Record<string, number>, deductions: number) =>
  round2(Object.values(byCriterion).reduce((s, p) => s + p, 0) - deductions);

/** Competition ranking: equal totals share a rank, the next rank skips (1, 1, 3). */
export function rankAll<T extends { total: number }>(items: T[]): (T & { rank: number })[] {
  const sorted = [...items].sort((a, b) => b.total - a.total);
  let rank = 0;
  return sorted.map((item, i) => {
    if (i === 0 || item.total !== sorted[i - 1]!.total) rank = i + 1;
    return { ...item, rank };
  });
}

/** The same per-act rule as `actPoints`, for the database to apply to millions of acts. */
export const actPointsSql = (net: string, c: Pick<Criterion, 'pointsPer' | 'perActCap'>) =>
  c.perActCap === undefined
    ? `round(greatest(0, ${net} * ${Number(c.pointsPer)}), 2)`
    : `round(greatest(0, least(${net} * ${Number(c.pointsPer)}, ${Number(c.perActCap)})), 2)`;
