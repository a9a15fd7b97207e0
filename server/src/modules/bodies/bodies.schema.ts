import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import {
  ATTENDANCE,
  BODY_KINDS,
  BODY_MEMBER_KINDS,
  MEETING_STATUSES,
  OWNER_KINDS,
  TASK_STATUSES,
} from '../../../../contract';
import { createdAt, districtId, id, updatedAt } from '../../db/columns';
import { users } from '../accounts/accounts.schema';
import { people } from '../members/members.schema';
import { partyOrgs } from '../party-orgs/party-orgs.schema';
import { regions } from '../regions/regions.schema';
import { units } from '../units/units.schema';

export const bodyKind = pgEnum('body_kind', BODY_KINDS);
export const bodyMemberKind = pgEnum('body_member_kind', BODY_MEMBER_KINDS);
export const ownerKind = pgEnum('owner_kind', OWNER_KINDS);
export const attendance = pgEnum('attendance', ATTENDANCE);
export const meetingStatus = pgEnum('meeting_status', MEETING_STATUSES);
export const taskStatus = pgEnum('task_status', TASK_STATUSES);

/** Joint conference (street), coordination council (community), liaison group (building/entrance). */
export const bodies = pgTable(
  'bodies',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    kind: bodyKind().notNull(),
    regionId: id('region_id').notNull(),
    name: text().notNull(),
    convenorPersonId: id('convenor_person_id'),
    establishedOn: date('established_on', { mode: 'string' }).notNull().defaultNow(),
    dissolvedOn: date('dissolved_on', { mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.regionId], foreignColumns: [regions.districtId, regions.id] }),
    foreignKey({
      columns: [t.districtId, t.convenorPersonId],
      foreignColumns: [people.districtId, people.id],
    }),
    // One living body of each kind per node: coverage counts nodes, not bodies.
    uniqueIndex('bodies_one_active_key')
      .on(t.districtId, t.regionId, t.kind)
      .where(sql`${t.dissolvedOn} IS NULL`),
    index('bodies_region_idx').on(t.districtId, t.regionId),
    check(
      'bodies_dissolved_after_established',
      sql`${t.dissolvedOn} IS NULL OR ${t.dissolvedOn} >= ${t.establishedOn}`,
    ),
  ],
);

/** Membership history: who belonged to a body, from when until when. */
export const bodyMembers = pgTable(
  'body_members',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    bodyId: id('body_id').notNull(),
    memberKind: bodyMemberKind('member_kind').notNull(),
    partyOrgId: id('party_org_id'),
    unitId: id('unit_id'),
    personId: id('person_id'),
    joinedOn: date('joined_on', { mode: 'string' }).notNull().defaultNow(),
    leftOn: date('left_on', { mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.bodyId], foreignColumns: [bodies.districtId, bodies.id] }),
    foreignKey({
      columns: [t.districtId, t.partyOrgId],
      foreignColumns: [partyOrgs.districtId, partyOrgs.id],
    }),
    foreignKey({ columns: [t.districtId, t.unitId], foreignColumns: [units.districtId, units.id] }),
    foreignKey({ columns: [t.districtId, t.personId], foreignColumns: [people.districtId, people.id] }),
    uniqueIndex('body_members_active_key')
      .on(t.districtId, t.bodyId, t.memberKind, sql`coalesce(party_org_id, unit_id, person_id)`)
      .where(sql`${t.leftOn} IS NULL`),
    index('body_members_person_idx').on(t.districtId, t.personId),
    check(
      'body_members_one_member',
      sql`(${t.memberKind} = 'party_org') = (${t.partyOrgId} IS NOT NULL)
        AND (${t.memberKind} = 'unit') = (${t.unitId} IS NOT NULL)
        AND (${t.memberKind} = 'person') = (${t.personId} IS NOT NULL)`,
    ),
    check('body_members_left_after_joined', sql`${t.leftOn} IS NULL OR ${t.leftOn} >= ${t.joinedOn}`),
  ],
);

export const meetings = pgTable(
  'meetings',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    bodyId: id('body_id').notNull(),
    title: text().notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'string' }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true, mode: 'string' }),
    place: text().notNull(),
    agenda: text().notNull().default(''),
    minutes: text(),
    status: meetingStatus().notNull().default('scheduled'),
    createdBy: id('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.bodyId], foreignColumns: [bodies.districtId, bodies.id] }),
    index('meetings_body_idx').on(t.districtId, t.bodyId, t.startsAt.desc()),
    index('meetings_starts_idx').on(t.districtId, t.startsAt.desc()),
    check('meetings_ends_after_start', sql`${t.endsAt} IS NULL OR ${t.endsAt} > ${t.startsAt}`),
  ],
);

export const meetingAttendees = pgTable(
  'meeting_attendees',
  {
    districtId: districtId(),
    meetingId: id('meeting_id').notNull(),
    personId: id('person_id').notNull(),
    attendance: attendance(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.meetingId, t.personId] }),
    foreignKey({ columns: [t.districtId, t.meetingId], foreignColumns: [meetings.districtId, meetings.id] }),
    foreignKey({ columns: [t.districtId, t.personId], foreignColumns: [people.districtId, people.id] }),
    index('meeting_attendees_person_idx').on(t.districtId, t.personId),
  ],
);

export const resolutions = pgTable(
  'resolutions',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    meetingId: id('meeting_id').notNull(),
    text: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.meetingId], foreignColumns: [meetings.districtId, meetings.id] }),
    index('resolutions_meeting_idx').on(t.districtId, t.meetingId),
  ],
);

/** Follow-up tasks: each resolution that needs doing, with an owner and a due date. */
export const tasks = pgTable(
  'tasks',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    regionId: id('region_id').notNull(),
    resolutionId: id('resolution_id'),
    title: text().notNull(),
    ownerKind: ownerKind('owner_kind').notNull(),
    ownerPartyOrgId: id('owner_party_org_id'),
    ownerUnitId: id('owner_unit_id'),
    ownerPersonId: id('owner_person_id'),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: taskStatus().notNull().default('open'),
    progress: smallint().notNull().default(0),
    doneAt: timestamp('done_at', { withTimezone: true, mode: 'string' }),
    /** When its owner was told it falls due tomorrow / its owner and organisers that it is overdue (once each). */
    notifiedDueAt: timestamp('notified_due_at', { withTimezone: true, mode: 'string' }),
    notifiedOverdueAt: timestamp('notified_overdue_at', { withTimezone: true, mode: 'string' }),
    createdBy: id('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.regionId], foreignColumns: [regions.districtId, regions.id] }),
    foreignKey({
      columns: [t.districtId, t.resolutionId],
      foreignColumns: [resolutions.districtId, resolutions.id],
    }),
    foreignKey({
      columns: [t.districtId, t.ownerPartyOrgId],
      foreignColumns: [partyOrgs.districtId, partyOrgs.id],
    }),
    foreignKey({ columns: [t.districtId, t.ownerUnitId], foreignColumns: [units.districtId, units.id] }),
    foreignKey({ columns: [t.districtId, t.ownerPersonId], foreignColumns: [people.districtId, people.id] }),
    uniqueIndex('tasks_resolution_key').on(t.districtId, t.resolutionId),
    index('tasks_region_status_idx').on(t.districtId, t.regionId, t.status, t.dueOn),
    index('tasks_due_idx').on(t.districtId, t.status, t.dueOn),
    check(
      'tasks_one_owner',
      sql`(${t.ownerKind} = 'party_org') = (${t.ownerPartyOrgId} IS NOT NULL)
        AND (${t.ownerKind} = 'unit') = (${t.ownerUnitId} IS NOT NULL)
        AND (${t.ownerKind} = 'person') = (${t.ownerPersonId} IS NOT NULL)`,
    ),
    check('tasks_progress_range', sql`${t.progress} BETWEEN 0 AND 100`),
  ],
);

export const taskNotes = pgTable(
  'task_notes',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    taskId: id('task_id').notNull(),
    text: text().notNull(),
    progress: smallint(),
    authorId: id('author_id').references(() => users.id),
    at: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.taskId], foreignColumns: [tasks.districtId, tasks.id] }),
    index('task_notes_task_idx').on(t.districtId, t.taskId, t.at),
    check('task_notes_progress_range', sql`${t.progress} IS NULL OR ${t.progress} BETWEEN 0 AND 100`),
  ],
);
