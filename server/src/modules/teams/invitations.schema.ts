import { sql } from 'drizzle-orm';
import { check, foreignKey, index, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, districtId, id, updatedAt } from '../../db/columns';
import { users } from '../accounts/accounts.schema';
import { dedicationTasks } from '../dedication-days/dedication-days.schema';
import { people } from '../members/members.schema';
import { projectRoles } from '../projects/projects.schema';

/** An organiser's invitation to one person to take a project role or a dedication-day task. */
export const invitations = pgTable(
  'invitations',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    roleId: id('role_id'),
    taskId: id('task_id'),
    personId: id('person_id').notNull(),
    status: text().notNull().default('pending'),
    invitedBy: id('invited_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.personId], foreignColumns: [people.districtId, people.id] }),
    foreignKey({
      columns: [t.districtId, t.roleId],
      foreignColumns: [projectRoles.districtId, projectRoles.id],
    }),
    foreignKey({
      columns: [t.districtId, t.taskId],
      foreignColumns: [dedicationTasks.districtId, dedicationTasks.id],
    }),
    check('invitations_one_target', sql`num_nonnulls(${t.roleId}, ${t.taskId}) = 1`),
    check('invitations_status', sql`${t.status} IN ('pending', 'accepted', 'declined')`),
    index('invitations_person_idx').on(t.districtId, t.personId, t.createdAt.desc()),
    uniqueIndex('invitations_role_once_key')
      .on(t.districtId, t.roleId, t.personId)
      .where(sql`${t.roleId} IS NOT NULL AND ${t.status} = 'pending'`),
    uniqueIndex('invitations_task_once_key')
      .on(t.districtId, t.taskId, t.personId)
      .where(sql`${t.taskId} IS NOT NULL AND ${t.status} = 'pending'`),
  ],
);
