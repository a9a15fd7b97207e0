/**
 * The engagement index: is it "one side keen" (一头热) or "both sides keen" (两头热)?
 *
 * - The community side: what the community organises — projects opened, dedication days
 *   held, meetings held — per community per month, against three a month (one of each):
 *   `community = min(1, (projects + days + meetings) / (3 × communities × months))`.
 * - The residents' and units' side: the shares taking part, each against a level a
 *   well-engaged community reaches (10 % of residents, 60 % of Party members, 50 % of
 *   units): `participation = mean(min(1, r / 0.10), min(1, m / 0.60), min(1, u / 0.50))`
 *   (units left out where there are none).
 * - `index = 100 × √(community × participation)`: the geometric mean is high only when both
 *   sides are; one keen side and one idle side give a low number.
 * A side is keen at 0.5 or more.
 */
export const TARGETS = { perCommunityMonth: 3, residents: 0.1, members: 0.6, units: 0.5 } as const;
export const KEEN = 0.5;

export type EngagementState = 'both' | 'community_only' | 'residents_only' | 'neither';

export type EngagementInput = {
  projectsOpened: number;
  daysHeld: number;
  meetingsHeld: number;
  /** Communities under the node (1 for a community or a building). */
  communities: number;
  months: number;
  residentShare: number;
  memberShare: number;
  /** Null where the node has no units. */
  unitShare: number | null;
};

const cap = (x: number) => Math.max(0, Math.min(1, x));
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export function engagement(f: EngagementInput) {
  const activity = f.projectsOpened + f.daysHeld + f.meetingsHeld;
  const community = cap(
    activity / (TARGETS.perCommunityMonth * Math.max(1, f.communities) * Math.max(1, f.months)),
  );
  const parts = [cap(f.residentShare / TARGETS.residents), cap(f.memberShare / TARGETS.members)];
  if (f.unitShare !== null) parts.push(cap(f.unitShare / TARGETS.units));
  const participation = parts.reduce((s, x) => s + x, 0) / parts.length;
  const state: EngagementState =
    community >= KEEN && participation >= KEEN
      ? 'both'
      : community >= KEEN
        ? 'community_only'
        : participation >= KEEN
          ? 'residents_only'
          : 'neither';
  return {
    communitySide: round(community, 3),
    participationSide: round(participation, 3),
    index: round(100 * Math.sqrt(community * participation), 1),
    state,
  };
}
