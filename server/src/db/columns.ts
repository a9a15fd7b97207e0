import { sql } from 'drizzle-orm';
import { bigint, customType, timestamp } from 'drizzle-orm/pg-core';

/** PostgreSQL `ltree`: the region path, e.g. `1.4.27` (ids from the root down). */
export const ltree = customType<{ data: string }>({ dataType: () => 'ltree' });

/** Ids are bigint identities; JavaScript numbers hold them exactly up to 2^53. */
export const id = (name = 'id') => bigint(name, { mode: 'number' });

/** Every district-owned row carries its district: the distribution column on Citus. */
export const districtId = () => bigint('district_id', { mode: 'number' }).notNull();

export const createdAt = () =>
  timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true, mode: 'string' })
    .notNull()
    .defaultNow()
    .$onUpdate(() => sql`now()`);

/** PostgreSQL `tstzrange`, as text (`[2027-01-09 09:00+08,2027-01-09 10:00+08)`): a booking's slot. */
export const tstzrange = customType<{ data: string }>({ dataType: () => 'tstzrange' });
