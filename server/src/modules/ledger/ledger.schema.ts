import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { LEDGER_KINDS } from '../../../../contract';
import { districtId, id } from '../../db/columns';
import { users } from '../accounts/accounts.schema';
import { people } from '../members/members.schema';
import { partyOrgs } from '../party-orgs/party-orgs.schema';
import { regions } from '../regions/regions.schema';
import { teams } from '../teams/teams.schema';
import { units } from '../units/units.schema';

export const ledgerKind = pgEnum('ledger_kind', LEDGER_KINDS);

/**
 * The participation ledger: one append-only entry per act of participation, tied to a
 * person and/or a unit or Party organisation, placed in a region, traced to its source.
 * Entries are never edited: a correction is a new entry referencing the one it corrects,
 * carrying the change in quantity and the reason (a trigger refuses UPDATE and DELETE).
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    kind: ledgerKind().notNull(),
    quantity: numeric({ precision: 10, scale: 2, mode: 'number' }).notNull(),
    at: timestamp({ withTimezone: true, mode: 'string' }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    personId: id('person_id'),
    unitId: id('unit_id'),
    partyOrgId: id('party_org_id'),
    /** The volunteer team the act was done for, stamped like the Party organisation. */
    teamId: id('team_id'),
    regionId: id('region_id').notNull(),
    sourceType: text('source_type').notNull(),
    sourceId: id('source_id').notNull(),
    correctsId: id('corrects_id'),
    reason: text(),
    createdBy: id('created_by').references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.regionId], foreignColumns: [regions.districtId, regions.id] }),
    foreignKey({ columns: [t.districtId, t.personId], foreignColumns: [people.districtId, people.id] }),
    foreignKey({ columns: [t.districtId, t.unitId], foreignColumns: [units.districtId, units.id] }),
    foreignKey({ columns: [t.districtId, t.teamId], foreignColumns: [teams.districtId, teams.id] }),
    foreignKey({
      columns: [t.districtId, t.partyOrgId],
      foreignColumns: [partyOrgs.districtId, partyOrgs.id],
    }),
    foreignKey({ columns: [t.districtId, t.correctsId], foreignColumns: [t.districtId, t.id] }),
    // One original entry per act: recording the same act twice writes it once. A person's
    // organisation is stamped on their entries, not part of the act.
    uniqueIndex('ledger_entries_once_key')
      .on(
        t.districtId,
        t.kind,
        t.sourceType,
        t.sourceId,
        sql`coalesce(person_id, 0)`,
        sql`coalesce(unit_id, 0)`,
        sql`(CASE WHEN person_id IS NULL THEN coalesce(party_org_id, 0) ELSE 0 END)`,
      )
      .where(sql`${t.correctsId} IS NULL`),
    // A person's entries newest first, an index range in the list's order (at, then id).
    index('ledger_entries_person_order_idx').on(t.districtId, t.personId, t.at, t.id),
    index('ledger_entries_unit_idx').on(t.districtId, t.unitId, t.at),
    index('ledger_entries_org_idx').on(t.districtId, t.partyOrgId, t.at),
    index('ledger_entries_team_idx').on(t.districtId, t.teamId, t.at).where(sql`${t.teamId} IS NOT NULL`),
    index('ledger_entries_region_idx').on(t.districtId, t.regionId, t.at),
    index('ledger_entries_corrects_idx').on(t.districtId, t.correctsId),
    // The corrections of a time window, from the index alone: whose recent hours may not be plain sums of positive
    // originals (teams' suggestions).
    index('ledger_entries_corrections_idx')
      .on(t.districtId, t.kind, t.at, t.personId)
      .where(sql`${t.correctsId} IS NOT NULL`),
    check('ledger_entries_has_subject', sql`num_nonnulls(${t.personId}, ${t.unitId}, ${t.partyOrgId}) > 0`),
    check(
      'ledger_entries_correction_has_reason',
      sql`${t.correctsId} IS NULL OR length(btrim(${t.reason})) > 0`,
    ),
    check('ledger_entries_original_positive', sql`${t.correctsId} IS NOT NULL OR ${t.quantity} > 0`),
  ],
);
