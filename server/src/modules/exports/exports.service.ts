/**
 * Any list, as the user filtered it, to Excel: the same services and the same scope
 * rules as the pages, read page by page, with headers in the user's language and times
 * in the district's time zone (as the console shows them).
 */
import type { z } from 'zod';
import {
  BodyListQuery,
  type ExportResource,
  MeetingListQuery,
  MemberListQuery,
  PartyOrgListQuery,
  RegistrationListQuery,
  TaskListQuery,
  UnitListQuery,
  UserListQuery,
} from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { allow } from '../../auth/authorize';
import type { Tx } from '../../db/client';
import { badRequest } from '../../errors';
import { type Locale, labelOf } from '../../i18n';
import { dateTimeIn, todayIn } from '../../time';
import { listUsers } from '../accounts/accounts.service';
import { listBodies } from '../bodies/bodies.service';
import { listMeetings } from '../bodies/meetings.service';
import { listTasks } from '../bodies/tasks.service';
import { workbook } from '../imports/sheets';
import { listMembers } from '../members/members.service';
import { listOrgs } from '../party-orgs/party-orgs.service';
import { districtTimeZone } from '../regions/regions.queries';
import { listRegistrations } from '../registrations/registrations.service';
import { listUnits } from '../units/units.service';
import { type ExportFacts, exportPolicy } from './exports.policy';

export const MAX_EXPORT_ROWS = 100_000;
const PAGE = 1000;

type Cell = string | number | null;
// biome-ignore lint/suspicious/noExplicitAny: each resource lists its own item type
type Spec<Q extends z.ZodType = any> = {
  query: Q;
  action: ExportFacts['action'];
  sheet: [string, string];
  // biome-ignore lint/suspicious/noExplicitAny: see above
  list: (db: Tx, actor: Actor, q: any) => Promise<{ items: any[]; total: number; next?: string }>;
  // biome-ignore lint/suspicious/noExplicitAny: see above
  columns: [string, string, (item: any, l: Locale, zone: string) => Cell][];
};

const join = (xs: string[] | undefined) => (xs ?? []).join('、');

const SPECS: Record<ExportResource, Spec> = {
  members: {
    query: MemberListQuery,
    action: 'person.read',
    sheet: ['党员与居民', 'People'],
    list: listMembers,
    columns: [
      ['姓名', 'Name', (m) => m.name],
      ['性别', 'Gender', (m, l) => labelOf(l, m.gender)],
      ['出生年份', 'Birth year', (m) => m.birthYear],
      ['手机号', 'Phone', (m) => m.phone],
      ['身份证号', 'ID number', (m) => m.idNumber],
      ['居住地', 'Home', (m) => m.homeLabel],
      ['特长', 'Specialties', (m) => join(m.specialties)],
      ['标签', 'Tags', (m) => join(m.tags)],
      ['所属党组织', 'Party organisation', (m) => m.membership?.orgName ?? null],
      ['党员类别', 'Member status', (m, l) => (m.membership ? labelOf(l, m.membership.status) : null)],
      ['入党日期', 'Member since', (m) => m.membership?.since ?? null],
      ['报到社区', 'Registered with', (m) => m.registration?.communityName ?? null],
      ['报到状态', 'Registration', (m, l) => (m.registration ? labelOf(l, m.registration.status) : null)],
    ],
  },
  units: {
    query: UnitListQuery,
    action: 'unit.read',
    sheet: ['驻区单位', 'Units'],
    list: listUnits,
    columns: [
      ['单位名称', 'Name', (u) => u.name],
      ['单位类型', 'Kind', (u, l) => labelOf(l, u.kind)],
      ['隶属关系', 'Affiliation', (u, l) => labelOf(l, `affiliation.${u.affiliation}`)],
      ['所在社区', 'Region', (u) => u.regionName],
      ['地址', 'Address', (u) => u.address],
      ['联系人', 'Contact', (u) => u.contactName],
      ['联系电话', 'Contact phone', (u) => u.contactPhone],
      ['单位党组织', 'Party organisation', (u) => u.partyOrgName],
      ['党员数', 'Members', (u) => u.memberCount],
      ['已报到', 'Registered', (u) => u.registeredCount],
    ],
  },
  'party-orgs': {
    query: PartyOrgListQuery,
    action: 'org.read',
    sheet: ['党组织', 'Party organisations'],
    list: listOrgs,
    columns: [
      ['名称', 'Name', (o) => o.name],
      ['类型', 'Kind', (o, l) => labelOf(l, o.kind)],
      ['所在区域', 'Region', (o) => o.regionName],
      ['所属单位', 'Unit', (o) => o.unitName],
      ['上级党组织', 'Parent', (o) => o.parentName],
      ['党员数', 'Members', (o) => o.memberCount],
    ],
  },
  registrations: {
    query: RegistrationListQuery,
    action: 'session',
    sheet: ['报到', 'Registrations'],
    list: listRegistrations,
    columns: [
      ['党员', 'Member', (r) => r.personName],
      ['所在单位', 'Unit', (r) => r.unitName],
      ['报到社区', 'Community', (r) => r.communityName],
      ['状态', 'Status', (r, l) => labelOf(l, r.status)],
      ['原因', 'Reason', (r) => r.reason],
      ['申请时间', 'Requested', (r, _, zone) => todayIn(zone, r.requestedAt)],
      ['审核时间', 'Decided', (r, _, zone) => (r.decidedAt ? todayIn(zone, r.decidedAt) : null)],
      ['审核人', 'Decided by', (r) => r.decidedByName],
    ],
  },
  bodies: {
    query: BodyListQuery,
    action: 'body.read',
    sheet: ['联席组织', 'Joint bodies'],
    list: listBodies,
    columns: [
      ['名称', 'Name', (b) => b.name],
      ['类型', 'Kind', (b, l) => labelOf(l, b.kind)],
      ['所在区域', 'Region', (b) => b.regionLabel],
      ['召集人', 'Convenor', (b) => b.convenor?.name ?? null],
      ['成员数', 'Members', (b) => b.memberCount],
      ['会议数', 'Meetings', (b) => b.meetingCount],
      ['成立日期', 'Established', (b) => b.establishedOn],
      ['状态', 'Status', (b, l) => labelOf(l, b.status)],
    ],
  },
  meetings: {
    query: MeetingListQuery,
    action: 'body.read',
    sheet: ['会议', 'Meetings'],
    list: listMeetings,
    columns: [
      ['会议', 'Title', (m) => m.title],
      ['组织', 'Body', (m) => m.bodyName],
      ['时间', 'Starts', (m, _, zone) => dateTimeIn(m.startsAt, zone)],
      ['地点', 'Place', (m) => m.place],
      ['状态', 'Status', (m, l) => labelOf(l, m.status)],
      ['应到', 'Invited', (m) => m.inviteeCount],
      ['实到', 'Present', (m) => m.presentCount],
      ['决议数', 'Resolutions', (m) => m.resolutionCount],
    ],
  },
  tasks: {
    query: TaskListQuery,
    action: 'session',
    sheet: ['任务', 'Tasks'],
    list: listTasks,
    columns: [
      ['任务', 'Task', (x) => x.title],
      ['责任方', 'Owner', (x) => x.owner.name],
      ['区域', 'Region', (x) => x.regionName],
      ['来源会议', 'Meeting', (x) => x.source?.meetingTitle ?? null],
      ['截止日期', 'Due', (x) => x.dueOn],
      ['状态', 'Status', (x, l) => labelOf(l, x.status)],
      ['进度', 'Progress', (x) => `${x.progress}%`],
      ['逾期', 'Overdue', (x, l) => (x.overdue ? labelOf(l, 'yes') : '')],
    ],
  },
  users: {
    query: UserListQuery,
    action: 'user.read',
    sheet: ['用户', 'Users'],
    list: listUsers,
    columns: [
      ['姓名', 'Name', (u) => u.displayName],
      ['用户名', 'Username', (u) => u.username],
      ['所在区域', 'Home', (u) => u.regionName],
      [
        '角色',
        'Roles',
        (u, l) =>
          u.roles
            .map((r: { role: string; regionName: string }) => `${labelOf(l, r.role)}·${r.regionName}`)
            .join('；'),
      ],
      ['状态', 'Status', (u, l) => labelOf(l, u.disabled ? 'disabled' : 'active')],
    ],
  },
};

export async function exportList(
  db: Tx,
  actor: Actor,
  resource: ExportResource,
  raw: unknown,
  locale: Locale,
) {
  const spec = SPECS[resource];
  allow(exportPolicy.run(actor, spec));
  const parsed = spec.query.safeParse(raw);
  if (!parsed.success) throw badRequest('validation');
  const i = locale === 'en' ? 1 : 0;
  const zone = await districtTimeZone(db, actor.districtId);
  const rows: Cell[][] = [];
  let after: string | undefined;
  for (let page = 1; ; page++) {
    // Lists paged by cursor are read on from the last row rather than by offset.
    const { items, next } = await spec.list(db, actor, {
      ...parsed.data,
      page,
      pageSize: PAGE,
      ...(after ? { after } : {}),
    });
    for (const item of items) rows.push(spec.columns.map(([, , get]) => get(item, locale, zone)));
    after = next;
    // A list's total may be capped: the last page is the one that comes back short.
    if (items.length < PAGE || rows.length >= MAX_EXPORT_ROWS) break;
  }
  return {
    file: await workbook(
      spec.sheet[i],
      spec.columns.map((c) => c[i] as string),
      rows.slice(0, MAX_EXPORT_ROWS),
    ),
    name: `${spec.sheet[i]}-${todayIn(zone)}.xlsx`,
  };
}
