/**
 * The participation ledger. Features record acts through `settle`, which makes the net
 * quantity of one act equal what it should be — writing the original once, then only
 * corrections — so recording twice writes once and a changed record leaves history intact.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  COUNT_CAP,
  HOUR_KINDS,
  LEDGER_KINDS,
  type LedgerCorrectionBody,
  type LedgerEntry,
  type LedgerKind,
  type LedgerListQuery,
  type LedgerRecordQuery,
  type LedgerTotals,
} from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { allow } from '../../auth/authorize';
import type { Tx } from '../../db/client';
import { keyset, type SortKey } from '../../db/paging';
import { notFound, unprocessable } from '../../errors';
import { iso } from '../../http';
import { type Locale, readStored, type StoredMessage, storeMessage } from '../../i18n';
import { recordAudit } from '../audit/audit.service';
import { personFor } from '../members/members.service';
import { orgFor } from '../party-orgs/party-orgs.service';
import { regionForRead, zoneOf } from '../regions/regions.queries';
import { unitFor } from '../units/units.service';
import { ledgerEntryCan, ledgerPolicy } from './ledger.policy';

/** One act of participation: its kind, its source, and whom it is tied to. */
export type Act = {
  districtId: number;
  kind: LedgerKind;
  sourceType: string;
  sourceId: number;
  personId?: number | null;
  unitId?: number | null;
  partyOrgId?: number | null;
  /** The volunteer team it was done for: stamped on the entry, not part of the act. */
  teamId?: number | null;
};

/**
 * Takes the lock that serialises every write to one act until commit: its recording by
 * `settle` and an administrator's corrections by hand (`correctEntry`), which both read the
 * act's net before writing a difference. Found by the concurrency suite: under two locks,
 * hours rejected while corrected by hand took the act below zero.
 */
async function lockAct(tx: Tx, act: Act, byPerson: boolean) {
  const org = byPerson ? 0 : (act.partyOrgId ?? 0);
  const key = `${act.districtId}:${act.kind}:${act.sourceType}:${act.sourceId}:${act.personId ?? 0}:${act.unitId ?? 0}:${byPerson ? 'p' : org}`;
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}

/**
 * Makes the act's net quantity `quantity`: the first time an original entry; after that,
 * when it differs, a correction carrying the difference and `reason`. Serialised per act.
 */
export async function settle(
  tx: Tx,
  who: { userId: number | null },
  act: Act,
  target: { quantity: number; at: string; regionId: number },
  reason: StoredMessage,
): Promise<void> {
  // A person's act is identified without their organisation: it is stamped on the original
  // (the organisation they belong to then, so its record counts its members' participation)
  // and copied to corrections, so a member who moves on does not split an act in two.
  const byPerson = act.personId != null && act.partyOrgId === undefined;
  const org = byPerson ? 0 : (act.partyOrgId ?? 0);
  await lockAct(tx, act, byPerson);
  const same = sql`district_id = ${act.districtId} AND kind = ${act.kind} AND source_type = ${act.sourceType}
    AND source_id = ${act.sourceId} AND coalesce(person_id, 0) = ${act.personId ?? 0}
    AND coalesce(unit_id, 0) = ${act.unitId ?? 0} ${byPerson ? sql`` : sql`AND coalesce(party_org_id, 0) = ${org}`}`;
  const { rows } = await tx.execute<{
    id: number;
    net: number;
    party_org_id: number | null;
    team_id: number | null;
  }>(sql`
    SELECT o.id, o.party_org_id, o.team_id, (SELECT sum(e.quantity) FROM ledger_entries e
                   WHERE e.district_id = o.district_id AND (e.id = o.id OR e.corrects_id = o.id))::float8 AS net
      FROM ledger_entries o WHERE ${same} AND o.corrects_id IS NULL`);
  const original = rows[0];
  const columns = sql`(district_id, kind, quantity, at, person_id, unit_id, party_org_id, team_id, region_id, source_type,
                       source_id, corrects_id, reason, created_by)`;
  const common = sql`${act.districtId}, ${act.kind}`;
  const tail = (partyOrg: SQL | number | null, team: number | null) =>
    sql`${act.personId ?? null}, ${act.unitId ?? null}, ${partyOrg}, ${team}, ${target.regionId}, ${act.sourceType}, ${act.sourceId}`;
  if (!original) {
    if (target.quantity <= 0) return;
    const partyOrg = byPerson
      ? sql`(SELECT party_org_id FROM people WHERE district_id = ${act.districtId} AND id = ${act.personId})`
      : (act.partyOrgId ?? null);
    await tx.execute(sql`INSERT INTO ledger_entries ${columns}
      VALUES (${common}, ${target.quantity}, ${target.at}, ${tail(partyOrg, act.teamId ?? null)}, NULL, NULL, ${who.userId})`);
    return;
  }
  const delta = Math.round((target.quantity - Number(original.net)) * 100) / 100;
  if (delta === 0) return;
  await tx.execute(sql`INSERT INTO ledger_entries ${columns}
    VALUES (${common}, ${delta}, ${target.at}, ${tail(original.party_org_id, original.team_id)}, ${original.id}, ${storeMessage(reason)}, ${who.userId})`);
}

type Row = {
  id: number;
  kind: LedgerKind;
  quantity: number;
  at: string;
  recorded_at: string;
  person_id: number | null;
  person_name: string | null;
  unit_id: number | null;
  unit_name: string | null;
  org_id: number | null;
  org_name: string | null;
  region_id: number;
  region_name: string;
  region_path: string;
  source_type: string;
  source_id: number;
  source_label: string | null;
  corrects_id: number | null;
  reason: string | null;
};

/** What an entry's source is called: the meeting, project, day and task, notice, course or booking. Reads `e`. */
export const SOURCE_LABEL = sql`CASE e.source_type
           WHEN 'meeting' THEN (SELECT m.title FROM meetings m WHERE m.district_id = e.district_id AND m.id = e.source_id)
           WHEN 'claim' THEN (SELECT pr.title FROM claims c JOIN projects pr ON pr.district_id = c.district_id AND pr.id = c.project_id
                               WHERE c.district_id = e.district_id AND c.id = e.source_id)
           WHEN 'signup' THEN (SELECT d.title || ' ' || oc.on_date::text || ' · ' || t.title FROM signups s
                                 JOIN dedication_tasks t ON t.district_id = s.district_id AND t.id = s.task_id
                                 JOIN dedication_occurrences oc ON oc.district_id = s.district_id AND oc.id = s.occurrence_id
                                 JOIN dedication_days d ON d.district_id = oc.district_id AND d.id = oc.dedication_day_id
                                WHERE s.district_id = e.district_id AND s.id = e.source_id)
           WHEN 'notice' THEN (SELECT n.title FROM notices n WHERE n.district_id = e.district_id AND n.id = e.source_id)
           WHEN 'enrolment' THEN (SELECT co.title FROM enrolments en JOIN courses co ON co.district_id = en.district_id AND co.id = en.course_id
                                    WHERE en.district_id = e.district_id AND en.id = e.source_id)
           WHEN 'booking' THEN (SELECT f.name || ' · ' || b.purpose FROM bookings b
                                  JOIN facilities f ON f.district_id = b.district_id AND f.id = b.facility_id
                                 WHERE b.district_id = e.district_id AND b.id = e.source_id) END`;

const SELECT = sql`
  SELECT e.id, e.kind, e.quantity::float8 AS quantity, e.at, e.recorded_at,
         e.person_id, p.name AS person_name, e.unit_id, u.name AS unit_name, e.party_org_id AS org_id, o.name AS org_name,
         e.region_id, r.name AS region_name, r.path::text AS region_path,
         e.source_type, e.source_id,
         ${SOURCE_LABEL} AS source_label,
         e.corrects_id, e.reason
    FROM ledger_entries e
    JOIN regions r ON r.district_id = e.district_id AND r.id = e.region_id
    LEFT JOIN people p ON p.district_id = e.district_id AND p.id = e.person_id
    LEFT JOIN units u ON u.district_id = e.district_id AND u.id = e.unit_id
    LEFT JOIN party_orgs o ON o.district_id = e.district_id AND o.id = e.party_org_id`;

const ref = (id: number | null, name: string | null) => (id === null ? null : { id, name: name ?? '' });

/** An entry as its reader sees it, with whether they may correct it. */
const present = (actor: Actor, r: Row, locale: Locale): LedgerEntry => ({
  id: r.id,
  kind: r.kind,
  quantity: r.quantity,
  at: iso(r.at)!,
  recordedAt: iso(r.recorded_at)!,
  person: ref(r.person_id, r.person_name),
  unit: ref(r.unit_id, r.unit_name),
  partyOrg: ref(r.org_id, r.org_name),
  regionId: r.region_id,
  regionName: r.region_name,
  source: { type: r.source_type, id: r.source_id, label: r.source_label },
  correctsId: r.corrects_id,
  reason: readStored(r.reason, locale),
  can: ledgerEntryCan(actor, r),
});

/** The list's order: newest first (a person's entries: an index range, ledger_entries_person_order_idx). */
const ORDER: SortKey[] = [
  { sql: sql`e.at`, type: 'timestamptz', desc: true },
  { sql: sql`e.id`, type: 'bigint', desc: true },
];

/**
 * One statement: the page's ids from the index first, the joins that present an entry for
 * those rows only, and the count up to COUNT_CAP; a record one may read (another person's, a
 * unit's, an organisation's) is checked alongside, in the same round trip.
 */
export async function listEntries(db: Tx, actor: Actor, q: z.infer<typeof LedgerListQuery>, locale: Locale) {
  const where: SQL[] = [sql`e.district_id = ${actor.districtId}`];
  // A record one may read is read whole, as its totals are; otherwise what one's area reaches.
  const record = !!(q.personId || q.unitId || q.orgId);
  // One's own record needs no check (personFor would find oneself).
  const own = q.personId !== undefined && q.personId === actor.personId && !q.unitId && !q.orgId;
  if (!record) where.push(ledgerPolicy.visible(actor));
  if (q.personId) where.push(sql`e.person_id = ${q.personId}`);
  if (q.unitId) where.push(sql`e.unit_id = ${q.unitId}`);
  if (q.orgId) where.push(sql`e.party_org_id = ${q.orgId}`);
  if (q.regionId) {
    const root = await regionForRead(db, actor, q.regionId);
    where.push(sql`r.path <@ ${root.path}::ltree`);
  }
  if (q.kind) where.push(sql`e.kind = ${q.kind}`);
  if (q.from) where.push(sql`e.at >= ${q.from}`);
  if (q.to) where.push(sql`e.at <= ${q.to}`);
  const cond = sql.join(where, sql` AND `);
  // The entry's place, for the conditions that read it (the area's visibility, a region).
  const from =
    !record || q.regionId
      ? sql`FROM ledger_entries e JOIN regions r ON r.district_id = e.district_id AND r.id = e.region_id`
      : sql`FROM ledger_entries e`;
  const ks = keyset(q, ORDER);
  // An entry is presented a row at a time (LIMIT 1, the key's one row): its joins and its
  // source's label stay a few index probes each.
  const [, { rows }] = await Promise.all([
    record && !own ? subjectOf(db, actor, q) : null,
    db.execute<Row & Record<string, unknown> & { _total: number }>(sql`
      WITH pg AS MATERIALIZED (
        SELECT e.district_id, e.id, ${ks.keys} ${from} WHERE ${cond} AND ${ks.where} ORDER BY ${ks.orderBy} ${ks.limit})
      SELECT hd._total, x.* FROM (
        SELECT (SELECT count(*)::int FROM (SELECT 1 ${from} WHERE ${cond} LIMIT ${sql.raw(String(COUNT_CAP + 1))}) n) AS _total) hd
      LEFT JOIN LATERAL (
        SELECT d.*, pg._k0, pg._k1 FROM pg
          JOIN LATERAL (${SELECT} WHERE e.district_id = pg.district_id AND e.id = pg.id LIMIT 1) d ON true) x ON true
      ORDER BY x.at DESC, x.id DESC`),
  ]);
  const total = rows[0]?._total ?? 0;
  return {
    ...ks.page(
      rows.filter((r) => r.id !== null),
      (r) => present(actor, r, locale),
    ),
    total: Math.min(total, COUNT_CAP),
    ...(total > COUNT_CAP ? { capped: true } : {}),
  };
}

/** Whose record: yourself by default; a person, unit or organisation you may see. */
async function subjectOf(db: Tx, actor: Actor, q: z.infer<typeof LedgerRecordQuery>) {
  if (q.unitId) {
    const u = await unitFor(db, actor, q.unitId);
    return { kind: 'unit' as const, id: u.id, name: u.name, column: sql`unit_id` };
  }
  if (q.orgId) {
    const o = await orgFor(db, actor, q.orgId);
    return { kind: 'party_org' as const, id: o.id, name: o.name, column: sql`party_org_id` };
  }
  const personId = q.personId ?? actor.personId;
  if (personId === null) throw notFound();
  const p = await personFor(db, actor, personId);
  return { kind: 'person' as const, id: p.id, name: p.name, column: sql`person_id` };
}

/** Totals by kind for this month and year in the district's time zone, and all time; corrections included. */
export async function record(db: Tx, actor: Actor, q: z.infer<typeof LedgerRecordQuery>) {
  const subject = await subjectOf(db, actor, q);
  const { rows } = await db.execute<{ kind: LedgerKind; month: number; year: number; all: number }>(sql`
    WITH here AS (SELECT ${zoneOf(actor.districtId)} AS zone),
         now_here AS (SELECT now() AT TIME ZONE here.zone AS t, here.zone FROM here)
    SELECT e.kind,
           coalesce(sum(e.quantity) FILTER (WHERE date_trunc('month', e.at AT TIME ZONE n.zone) = date_trunc('month', n.t)), 0)::float8 AS month,
           coalesce(sum(e.quantity) FILTER (WHERE date_trunc('year', e.at AT TIME ZONE n.zone) = date_trunc('year', n.t)), 0)::float8 AS year,
           sum(e.quantity)::float8 AS all
      FROM ledger_entries e, now_here n
     WHERE e.district_id = ${actor.districtId} AND e.${subject.column} = ${subject.id}
     GROUP BY e.kind`);
  const byKind = LEDGER_KINDS.map((kind) => {
    const r = rows.find((x) => x.kind === kind);
    return { kind, month: r?.month ?? 0, year: r?.year ?? 0, all: r?.all ?? 0 };
  });
  const hours = (k: 'month' | 'year') =>
    byKind.filter((x) => HOUR_KINDS.includes(x.kind)).reduce((s, x) => s + x[k], 0);
  const totals: LedgerTotals = { byKind, hoursMonth: hours('month'), hoursYear: hours('year') };
  return { subject: { kind: subject.kind, id: subject.id, name: subject.name }, totals };
}

/** A correction by hand: a new entry changing another's quantity, never an edit. */
export async function correctEntry(
  db: Tx,
  actor: Actor,
  id: number,
  input: z.infer<typeof LedgerCorrectionBody>,
  locale: Locale,
) {
  return db.transaction(async (tx) => {
    const { rows } = await tx.execute<Row>(
      sql`${SELECT} WHERE e.district_id = ${actor.districtId} AND e.id = ${id}`,
    );
    const entry = rows[0];
    if (!entry) throw notFound();
    allow(ledgerPolicy.correct(actor, entry), 'out_of_scope');
    const originalId = entry.corrects_id ?? entry.id;
    // The act's own lock, as `settle` takes it (a person's act is known without its organisation).
    await lockAct(
      tx,
      {
        districtId: actor.districtId,
        kind: entry.kind,
        sourceType: entry.source_type,
        sourceId: entry.source_id,
        personId: entry.person_id,
        unitId: entry.unit_id,
        partyOrgId: entry.org_id,
      },
      entry.person_id !== null,
    );
    const { rows: net } = await tx.execute<{
      net: number;
    }>(sql`SELECT sum(quantity)::float8 AS net FROM ledger_entries
      WHERE district_id = ${actor.districtId} AND (id = ${originalId} OR corrects_id = ${originalId})`);
    if ((net[0]?.net ?? 0) + input.delta < 0) throw unprocessable('ledger_negative');
    const { rows: created } = await tx.execute<{ id: number }>(sql`
      INSERT INTO ledger_entries (district_id, kind, quantity, at, person_id, unit_id, party_org_id, region_id,
                                  source_type, source_id, corrects_id, reason, created_by)
      SELECT district_id, kind, ${input.delta}, at, person_id, unit_id, party_org_id, region_id,
             source_type, source_id, id, ${input.reason}, ${actor.userId}
        FROM ledger_entries WHERE district_id = ${actor.districtId} AND id = ${originalId}
      RETURNING id`);
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: entry.region_id,
      action: 'ledger.correct',
      entityType: 'ledger_entry',
      entityId: originalId,
      after: { correctionId: created[0]!.id, delta: input.delta, reason: input.reason },
    });
    const { rows: out } = await tx.execute<Row>(
      sql`${SELECT} WHERE e.district_id = ${actor.districtId} AND e.id = ${created[0]!.id}`,
    );
    return present(actor, out[0]!, locale);
  });
}
