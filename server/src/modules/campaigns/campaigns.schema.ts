import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, pgEnum, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { CAMPAIGN_KINDS } from '../../../../contract';
import { createdAt, districtId, id, updatedAt } from '../../db/columns';
import { users } from '../accounts/accounts.schema';
import { regions } from '../regions/regions.schema';

export const campaignKind = pgEnum('campaign_kind', CAMPAIGN_KINDS);
/** A campaign such as 社区党建宣传周: dates, a scope and a theme that group the rest. */
export const campaigns = pgTable(
  'campaigns',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    regionId: id('region_id').notNull(),
    kind: campaignKind().notNull(),
    title: text().notNull(),
    theme: text().notNull().default(''),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    createdBy: id('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.regionId], foreignColumns: [regions.districtId, regions.id] }),
    index('campaigns_region_idx').on(t.districtId, t.regionId, t.startsOn),
    check('campaigns_ends_after_start', sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);
