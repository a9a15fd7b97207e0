/**
 * People of the district — residents, and Party members when they carry a membership.
 * Who sees a person, their phone and ID numbers unmasked, and may edit them is
 * members.policy.ts's to say: reached through their home, organisation (or its unit) or
 * registered community, and always their own.
 */
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Member, MemberCreateBody, MemberListQuery, MemberUpdateBody } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { allow } from '../../auth/authorize';
import { CUSTOM_PLAN, type Tx } from '../../db/client';
import { cappedCount, keyset, type SortKey } from '../../db/paging';
import { notFound, unprocessable } from '../../errors';
import { recordAudit } from '../audit/audit.service';
import { orgRow, unitOrgIds } from '../party-orgs/party-orgs.queries';
import { orgFor } from '../party-orgs/party-orgs.service';
import { regionForRead } from '../regions/regions.queries';
import {
  latestRegistration,
  registeredCommunities,
  registeredWith,
} from '../registrations/registrations.queries';
import { unitRow } from '../units/units.queries';
import { unitFor } from '../units/units.service';
import { memberCan, memberPolicy } from './members.policy';
import { homesInScope, homesUnder, nameContains } from './members.queries';
import { people, specialties } from './members.schema';
import { maskIdNumber, maskPhoneNumber } from './privacy';

type Row = {
  id: number;
  name: string;
  gender: 'male' | 'female';
  birth_year: number | null;
  phone: string | null;
  id_number: string | null;
  home_region_id: number;
  home_path: string;
  home_label: string;
  home_community_id: number;
  home_community_name: string;
  specialties: string[];
  tags: string[];
  user_id: number | null;
  org_id: number | null;
  org_name: string | null;
  org_path: string | null;
  unit_id: number | null;
  unit_name: string | null;
  party_status: 'in_service' | 'retired' | null;
  party_since: string | null;
  reg_id: number | null;
  reg_community_id: number | null;
  reg_community_name: string | null;
  reg_community_path: string | null;
  reg_status: 'pending' | 'approved' | 'declined' | 'withdrawn' | null;
};

/**
 * The joins that present a person. A list's page of ids comes first (`page`): with this
 * many joins PostgreSQL keeps the written order, so the page must lead it.
 */
const from = (page?: SQL) => sql`
  FROM ${page ? sql`${page} JOIN people p ON p.district_id = pg.district_id AND p.id = pg.id` : sql`people p`}
  JOIN regions h ON h.district_id = p.district_id AND h.id = p.home_region_id
  JOIN regions hc ON hc.district_id = h.district_id AND hc.path = subpath(h.path, 0, 3)
  LEFT JOIN LATERAL (${orgRow(sql`p.district_id`, sql`p.party_org_id`)}) o ON true
  LEFT JOIN regions orr ON orr.district_id = o.district_id AND orr.id = o.region_id
  LEFT JOIN LATERAL (${unitRow(sql`o.district_id`, sql`o.unit_id`)}) u ON true
  LEFT JOIN LATERAL (${latestRegistration(sql`p.district_id`, sql`p.id`)}) reg ON true
  LEFT JOIN regions rc ON rc.district_id = p.district_id AND rc.id = reg.community_id`;
const FROM = from();

const COLUMNS = sql`
  p.id, p.name, p.gender, p.birth_year, p.phone, p.id_number, p.home_region_id, h.path::text AS home_path,
  (SELECT string_agg(a.name, ' ' ORDER BY nlevel(a.path)) FROM regions a
    WHERE a.district_id = h.district_id AND a.id = ANY(string_to_array(h.path::text, '.')::bigint[])
      AND nlevel(a.path) >= 3) AS home_label,
  hc.id AS home_community_id, hc.name AS home_community_name,
  p.specialties, p.tags, p.user_id,
  o.id AS org_id, o.name AS org_name, orr.path::text AS org_path, u.id AS unit_id, u.name AS unit_name,
  p.party_status, p.party_since::text AS party_since,
  reg.id AS reg_id, reg.community_id AS reg_community_id, rc.name AS reg_community_name,
  rc.path::text AS reg_community_path, reg.status AS reg_status`;

function present(actor: Actor, r: Row): Member {
  const open = memberPolicy.seePrivate(actor, r);
  return {
    id: r.id,
    name: r.name,
    gender: r.gender,
    birthYear: r.birth_year,
    phone: r.phone === null ? null : open ? r.phone : maskPhoneNumber(r.phone),
    idNumber: r.id_number === null ? null : open ? r.id_number : maskIdNumber(r.id_number),
    masked: !open,
    homeRegionId: r.home_region_id,
    homeLabel: r.home_label,
    homeCommunityId: r.home_community_id,
    homeCommunityName: r.home_community_name,
    specialties: r.specialties,
    tags: r.tags,
    membership:
      r.org_id === null
        ? null
        : {
            orgId: r.org_id,
            orgName: r.org_name!,
            unitId: r.unit_id,
            unitName: r.unit_name,
            status: r.party_status!,
            since: r.party_since!,
          },
    registration:
      r.reg_id === null
        ? null
        : {
            id: r.reg_id,
            communityId: r.reg_community_id!,
            communityName: r.reg_community_name!,
            status: r.reg_status!,
          },
    userId: r.user_id,
    can: memberCan(actor, r),
  };
}

async function load(db: Tx, actor: Actor, id: number): Promise<Row> {
  const { rows } = await db.execute<Row>(
    sql`SELECT ${COLUMNS} ${FROM} WHERE p.district_id = ${actor.districtId} AND p.id = ${id} AND ${memberPolicy.visible(actor)}`,
  );
  // Whether someone lives in the district is not an outsider's to know: 404.
  if (!rows[0]) throw notFound();
  return rows[0];
}

export const getMember = async (db: Tx, actor: Actor, id: number) =>
  present(actor, await load(db, actor, id));

/** The person row as the registration rules need it. */
export const personFor = load;

/**
 * A list reads one roster — a unit's or organisation's members, those registered with a
 * community, or the people living in the actor's area — so each is an index range on
 * people, served in index order (home, then name). Every condition is on people's own
 * columns, so the count needs no joins.
 */
export async function listMembers(db: Tx, actor: Actor, q: z.infer<typeof MemberListQuery>) {
  const where: SQL[] = [sql`p.district_id = ${actor.districtId}`];
  const homeRoot = q.regionId ? (await regionForRead(db, actor, q.regionId)).path : null;
  if (q.unitId) {
    await unitFor(db, actor, q.unitId);
    where.push(sql`p.party_org_id IN (${unitOrgIds(actor.districtId, q.unitId)})`);
  } else if (q.orgId) {
    await orgFor(db, actor, q.orgId);
    where.push(sql`p.party_org_id = ${q.orgId}`);
  } else if (q.registeredWith) {
    const community = await regionForRead(db, actor, q.registeredWith, 'person.read');
    where.push(sql`p.id IN (${registeredWith(actor.districtId, community.id)})`);
  } else {
    where.push(await homesInScope(db, actor, homeRoot));
  }
  if (homeRoot && (q.unitId || q.orgId || q.registeredWith))
    where.push(await homesUnder(db, actor, [homeRoot]));
  if (q.q) where.push(nameContains(q.q));
  if (q.specialty) where.push(sql`p.specialties @> ARRAY[${q.specialty}]::text[]`);
  if (q.party === 'true') where.push(sql`p.party_org_id IS NOT NULL`);
  if (q.party === 'false') where.push(sql`p.party_org_id IS NULL`);
  if (q.status) where.push(sql`p.party_status = ${q.status}`);
  const cond = sql.join(where, sql` AND `);
  const ks = keyset(q, ORDER);
  // A name search is planned for its name: a kept plan would walk the whole list for a rare one.
  const plan = q.q ? CUSTOM_PLAN : sql``;
  const [page, count] = await Promise.all([
    // The page's ids first, from the index alone; the joins that present a person run for those rows only.
    db.execute<Row & Record<string, unknown>>(sql`${plan}WITH pg AS MATERIALIZED (
        SELECT p.district_id, p.id, p.home_region_id, p.name, ${ks.keys} FROM people p
         WHERE ${cond} AND ${ks.where} ORDER BY ${ks.orderBy} ${ks.limit})
      SELECT ${COLUMNS}, pg._k0, pg._k1, pg._k2 ${from(sql`pg`)} ORDER BY pg.home_region_id, pg.name, pg.id`),
    // A common name (秀英: 50,000 people) is counted only to a thousand: reading more costs more than the page.
    cappedCount(db, sql`FROM people p WHERE ${cond}`, plan, q.q ? SEARCH_COUNT_CAP : undefined),
  ]);
  return { ...ks.page(page.rows, (r) => present(actor, r)), ...count };
}

const SEARCH_COUNT_CAP = 1000;

/** The lists' order: home, then name (index people_home_idx). */
const ORDER: SortKey[] = [
  { sql: sql`p.home_region_id`, type: 'bigint' },
  { sql: sql`p.name`, type: 'text' },
  { sql: sql`p.id`, type: 'bigint' },
];

async function checkSpecialties(tx: Tx, codes: string[] | undefined) {
  if (!codes?.length) return;
  const known = await tx
    .select({ code: specialties.code })
    .from(specialties)
    .where(inArray(specialties.code, codes));
  const missing = codes.find((c) => !known.some((k) => k.code === c));
  if (missing) throw unprocessable('unknown_specialty', { code: missing });
}

async function checkHome(tx: Tx, actor: Actor, regionId: number) {
  const home = await regionForRead(tx, actor, regionId, 'person.manage');
  if (home.retiredAt) throw unprocessable('region_retired');
  if (!['community', 'building', 'entrance'].includes(home.kind)) throw unprocessable('person_home_kind');
  return home;
}

const snapshot = (m: Member) => ({
  name: m.name,
  gender: m.gender,
  birthYear: m.birthYear,
  homeRegionId: m.homeRegionId,
  specialties: m.specialties,
  tags: m.tags,
  membership: m.membership && {
    orgId: m.membership.orgId,
    status: m.membership.status,
    since: m.membership.since,
  },
  // Personal data is recorded as changed or not, never copied into the audit trail.
  phone: m.phone ? 'set' : null,
  idNumber: m.idNumber ? 'set' : null,
});

export async function createMember(db: Tx, actor: Actor, input: z.infer<typeof MemberCreateBody>) {
  return db.transaction(async (tx) => {
    const home = await checkHome(tx, actor, input.homeRegionId);
    await checkSpecialties(tx, input.specialties);
    if (input.membership) await orgFor(tx, actor, input.membership.orgId);
    const { membership, ...person } = input;
    const [row] = await tx
      .insert(people)
      .values({
        ...person,
        districtId: actor.districtId,
        partyOrgId: membership?.orgId,
        partyStatus: membership?.status,
        partySince: membership?.since,
      })
      .returning({ id: people.id });
    const created = present(actor, await load(tx, actor, row!.id));
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: home.id,
      action: 'person.create',
      entityType: 'person',
      entityId: row!.id,
      after: snapshot(created),
    });
    return created;
  });
}

export async function updateMember(
  db: Tx,
  actor: Actor,
  id: number,
  input: z.infer<typeof MemberUpdateBody>,
) {
  return db.transaction(async (tx) => {
    const row = await load(tx, actor, id);
    allow(memberPolicy.edit(actor, row), 'out_of_scope');
    const before = present(actor, row);
    if (input.homeRegionId !== undefined && input.homeRegionId !== row.home_region_id) {
      await checkHome(tx, actor, input.homeRegionId);
    }
    await checkSpecialties(tx, input.specialties);
    if (input.membership) await orgFor(tx, actor, input.membership.orgId);
    const { membership, ...person } = input;
    await tx
      .update(people)
      .set({
        ...person,
        ...(membership === undefined
          ? {}
          : {
              partyOrgId: membership?.orgId ?? null,
              partyStatus: membership?.status ?? null,
              partySince: membership?.since ?? null,
            }),
      })
      .where(and(eq(people.districtId, actor.districtId), eq(people.id, id)));
    const after = present(actor, await load(tx, actor, id));
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: after.homeRegionId,
      action: 'person.update',
      entityType: 'person',
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}

/** The communities a member counts in: where they live, and where they registered. */
export async function memberPlaces(db: Tx, actor: Actor): Promise<string[]> {
  if (actor.personId === null) return [];
  const { rows } = await db.execute<{ path: string }>(sql`
    SELECT subpath(h.path, 0, 3)::text AS path FROM people p JOIN regions h ON h.district_id = p.district_id AND h.id = p.home_region_id
     WHERE p.district_id = ${actor.districtId} AND p.id = ${actor.personId}
    UNION
    SELECT c.path::text FROM regions c
     WHERE c.district_id = ${actor.districtId} AND c.id IN (${registeredCommunities(actor.districtId, actor.personId)})`);
  return rows.map((r) => r.path);
}
