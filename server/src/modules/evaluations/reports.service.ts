/**
 * Reports back to units (在职党员双重管理): each quarter, a unit learns what its in-service
 * Party members did in their home communities — hours served, roles completed, meetings
 * attended, courses completed — member by member, from the ledger; and how residents rated
 * the projects they served on.
 */
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { UnitReport, UnitReportQuery } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import type { Tx } from '../../db/client';
import { addDays, instant, todayIn } from '../dedication-days/recurrence';
import { districtPeople } from '../members/members.queries';
import { orgRow } from '../party-orgs/party-orgs.queries';
import { servedProjectsRating } from '../projects/projects.queries';
import { districtTimeZone } from '../regions/regions.queries';
import { isRegistered } from '../registrations/registrations.queries';
import { unitFor } from '../units/units.service';

const round1 = (x: number) => Math.round(x * 10) / 10;

export async function unitReport(
  db: Tx,
  actor: Actor,
  unitId: number,
  q: z.infer<typeof UnitReportQuery>,
): Promise<UnitReport> {
  const unit = await unitFor(db, actor, unitId);
  const month = String((q.quarter - 1) * 3 + 1).padStart(2, '0');
  const from = `${q.year}-${month}-01`;
  const next =
    q.quarter === 4 ? `${q.year + 1}-01-01` : `${q.year}-${String(q.quarter * 3 + 1).padStart(2, '0')}-01`;
  const to = addDays(next, -1);
  const zone = await districtTimeZone(db, actor.districtId);
  const start = instant(from, '00:00', zone);
  const end = instant(next, '00:00', zone);
  const today = todayIn(zone);
  const { rows } = await db.execute<{
    id: number;
    name: string;
    community: string;
    registered: boolean;
    hours: number;
    roles: number;
    meetings: number;
    courses: number;
    rating: number | null;
  }>(sql`
    SELECT p.id, p.name, c.name AS community,
           ${isRegistered(sql`p.district_id`, sql`p.id`)} AS registered,
           coalesce(sum(e.quantity) FILTER (WHERE e.kind = 'service_hours'), 0)::float8 AS hours,
           coalesce(sum(e.quantity) FILTER (WHERE e.kind = 'role_completed'), 0)::float8 AS roles,
           coalesce(sum(e.quantity) FILTER (WHERE e.kind = 'meeting_attended'), 0)::float8 AS meetings,
           coalesce(sum(e.quantity) FILTER (WHERE e.kind = 'course_completed'), 0)::float8 AS courses,
           -- Residents' ratings, this quarter, of the projects the member served on.
           (${servedProjectsRating(sql`p.district_id`, sql`p.id`, start, end)}) AS rating
      FROM (${districtPeople(actor.districtId)}) p
      JOIN LATERAL (${orgRow(sql`p.district_id`, sql`p.party_org_id`)}) o ON true
      JOIN regions h ON h.district_id = p.district_id AND h.id = p.home_region_id
      JOIN regions c ON c.district_id = h.district_id AND c.path = subpath(h.path, 0, least(3, nlevel(h.path)))
      LEFT JOIN ledger_entries e ON e.district_id = p.district_id AND e.person_id = p.id
            AND e.at >= ${start}::timestamptz AND e.at < ${end}::timestamptz
     WHERE o.unit_id = ${unit.id}
     GROUP BY p.district_id, p.id, p.name, c.name
     ORDER BY hours DESC, p.name`);
  const members = rows.map((r) => ({
    person: { id: r.id, name: r.name },
    homeCommunity: r.community,
    registered: r.registered,
    hours: round1(r.hours),
    roles: r.roles,
    meetings: r.meetings,
    courses: r.courses,
    rating: r.rating,
  }));
  const rated = members.filter((m) => m.rating !== null);
  const sum = (k: 'hours' | 'roles' | 'meetings' | 'courses') =>
    round1(members.reduce((s, m) => s + m[k], 0));
  return {
    unit: { id: unit.id, name: unit.name },
    year: q.year,
    quarter: q.quarter,
    from,
    to,
    ongoing: from <= today && today <= to,
    members,
    totals: {
      members: members.length,
      registered: members.filter((m) => m.registered).length,
      active: members.filter((m) => m.hours + m.roles + m.meetings + m.courses > 0).length,
      hours: sum('hours'),
      roles: sum('roles'),
      meetings: sum('meetings'),
      courses: sum('courses'),
      rating: rated.length ? round1(rated.reduce((s, m) => s + m.rating!, 0) / rated.length) : null,
    },
  };
}
