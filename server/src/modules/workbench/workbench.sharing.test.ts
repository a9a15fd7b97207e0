/**
 * The workbench's sharing kinds: bookings to decide, follow-up tasks, team applications and
 * invitations (待办), and one's own bookings and claimed roles (即将). Each item shows to those
 * the action would accept, never to others, and leaves once anyone has handled it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestContext } from '../../../test/harness';
import { addDays, instant, todayIn } from '../dedication-days/recurrence';

let t: TestContext;
let cw: Client; // 八角北路社区
let street: Client; // 八角街道
let district: Client;
let elsewhere: Client; // another street's admin
let contact: Client; // 北京市石景山医院's contact
let member: Client; // 张建国, lives in 八角北路社区 and leads a team there
let resident: Client; // 陈桂兰, lives in 八角北路社区
let bajiaoNorth: number;
let hospital: number;
let districtId: number;
const TZ = 'Asia/Shanghai';
const today = todayIn(TZ);
const slot = (date: string, from: string, to: string) => ({
  startsAt: instant(date, from, TZ),
  endsAt: instant(date, to, TZ),
});
const soon = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

beforeAll(async () => {
  t = await startTestApp();
  cw = await t.as('community_worker');
  street = await t.as('street_admin');
  district = await t.as('district_admin');
  elsewhere = await t.as('street_110107004');
  contact = await t.as('unit_contact');
  member = await t.as('member');
  resident = await t.as('resident');
  bajiaoNorth = await t.region('110107003001');
  const [h] = await t.sql<{ id: number; district_id: number }>(
    "SELECT id, district_id FROM units WHERE name = '北京市石景山医院'",
  );
  hospital = h!.id;
  districtId = h!.district_id;
});
afterAll(() => t.close());

type Item = { id: number; [k: string]: unknown };
type Group = { kind: string; count: number; link: string; items: Item[] };

async function bench(c: Client) {
  const res = await c.get('/api/workbench');
  expect(res.status).toBe(200);
  return res.body as { todos: Group[]; upcoming: (Item & { kind: string })[] };
}

/** The reader's group of this kind (undefined when nothing of it waits). */
const group = async (c: Client, kind: string) => (await bench(c)).todos.find((g) => g.kind === kind);
const itemIds = async (c: Client, kind: string) => (await group(c, kind))?.items.map((i) => i.id) ?? [];
const count = async (c: Client, kind: string) => (await group(c, kind))?.count ?? 0;
const upcoming = async (c: Client, kind: string) =>
  (await bench(c)).upcoming.filter((u) => u.kind === kind).map((u) => u.id);
const personOf = async (c: Client): Promise<number> => (await c.get('/api/auth/me')).body.user.personId;
const nameOf = async (id: number) =>
  (await t.sql<{ name: string }>('SELECT name FROM people WHERE id = $1', [id]))[0]!.name;

/** Sets when a row was made, and answers it as the workbench shows it: the item's age. */
async function madeDaysAgo(table: 'bookings' | 'team_members' | 'invitations', id: number, days: number) {
  const [row] = await t.sql<{ at: Date }>(
    `UPDATE ${table} SET created_at = now() - make_interval(days => $2) WHERE id = $1 RETURNING created_at AS at`,
    [id, days],
  );
  return row!.at.toISOString();
}

async function facility(by: Client, body: Record<string, unknown>) {
  const res = await by.post('/api/facilities', {
    regionId: bajiaoNorth,
    name: `活动室${Math.random().toString(36).slice(2, 6)}`,
    kind: 'sports',
    subKind: 'court',
    capacity: 20,
    openingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '08:00', closes: '21:00' })),
    ...body,
    bookingRules: { maxDaysAhead: 60, minNoticeHours: 1, ...(body.bookingRules as object) },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: number; name: string };
}

async function book(by: Client, facilityId: number, s: { startsAt: string; endsAt: string }, extra = {}) {
  const res = await by.post('/api/bookings', { facilityId, ...s, purpose: '居民议事', people: 6, ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.booked[0] as { id: number; status: string };
}

async function publishedProject(title: string, startsIn: number, roles: Record<string, unknown>[]) {
  const created = await cw.post('/api/projects', {
    title,
    regionId: bajiaoNorth,
    startsAt: soon(startsIn),
    endsAt: soon(startsIn + 0.1),
    roles,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const published = await cw.post(`/api/projects/${created.body.id}/transition`, { to: 'published' });
  expect(published.body.status).toBe('published');
  return published.body as { id: number; title: string; roles: { id: number }[] };
}

describe('bookings waiting for a decision', () => {
  it("a community venue's booking waits on the organisers over it, and leaves once one decides", async () => {
    const venue = await facility(cw, { bookingRules: { needsApproval: true } });
    const [booker] = await t.members('wbvenue', 1, bajiaoNorth);
    const b = await book(booker!, venue.id, slot(addDays(today, 3), '10:00', '11:00'));
    expect(b.status).toBe('pending');
    // The oldest waiting comes first, with its age: the day it was asked.
    const since = await madeDaysAgo('bookings', b.id, 400);
    const bookerName = await nameOf(await personOf(booker!));
    for (const organiser of [cw, street, district]) {
      const g = await group(organiser, 'booking.decide');
      expect(g).toMatchObject({ link: '/bookings/inbox' });
      expect(g!.items[0]).toMatchObject({
        id: b.id,
        place: '八角北路社区',
        since,
        dueAt: null,
        link: '/bookings/inbox',
      });
      expect(g!.items[0]!.title).toContain(venue.name);
      expect(g!.items[0]!.title).toContain(bookerName);
    }
    // The count is the inbox's: every pending booking the reader decides.
    const inbox = await cw.get('/api/bookings?inbox=true&pageSize=100');
    expect(await count(cw, 'booking.decide')).toBe(inbox.body.total);
    // Another street's admin, a unit's contact and the booker have nothing of it — nor may they decide it.
    expect(await itemIds(elsewhere, 'booking.decide')).not.toContain(b.id);
    expect(await itemIds(contact, 'booking.decide')).not.toContain(b.id);
    expect(await group(booker!, 'booking.decide')).toBeUndefined();
    expect(await group(resident, 'booking.decide')).toBeUndefined();
    expect((await elsewhere.post(`/api/bookings/${b.id}/decide`, { decision: 'confirm' })).status).toBe(404);

    const before = await count(cw, 'booking.decide');
    const declined = await street.post(`/api/bookings/${b.id}/decide`, {
      decision: 'decline',
      reason: '场地维修',
    });
    expect(declined.status).toBe(200);
    for (const organiser of [cw, street, district])
      expect(await itemIds(organiser, 'booking.decide')).not.toContain(b.id);
    expect(await count(cw, 'booking.decide')).toBe(before - 1);
  });

  it("a unit's facility's booking waits on the unit's contact alone", async () => {
    const room = await facility(contact, { unitId: hospital, bookingRules: { needsApproval: true } });
    const b = await book(resident, room.id, slot(addDays(today, 4), '14:00', '15:30'));
    const since = await madeDaysAgo('bookings', b.id, 400);
    const g = await group(contact, 'booking.decide');
    expect(g!.items[0]).toMatchObject({
      id: b.id,
      place: '北京市石景山医院',
      since,
      link: '/bookings/inbox',
    });
    // The community's organisers do not decide a unit's bookings: neither listed nor allowed.
    for (const organiser of [cw, street]) {
      expect(await itemIds(organiser, 'booking.decide')).not.toContain(b.id);
      expect((await organiser.post(`/api/bookings/${b.id}/decide`, { decision: 'confirm' })).status).toBe(
        404,
      );
    }
    expect((await contact.post(`/api/bookings/${b.id}/decide`, { decision: 'confirm' })).status).toBe(200);
    expect(await itemIds(contact, 'booking.decide')).not.toContain(b.id);
  });
});

describe('one’s own bookings coming up', () => {
  it('shows a person’s bookings in the next days, confirmed or waiting, until cancelled', async () => {
    const room = await facility(contact, { unitId: hospital, bookingRules: { needsApproval: false } });
    const askFirst = await facility(cw, { bookingRules: { needsApproval: true } });
    const [me] = await t.members('wbbooker', 1, bajiaoNorth);
    const confirmed = await book(me!, room.id, slot(addDays(today, 1), '08:00', '09:00'));
    const waiting = await book(me!, askFirst.id, slot(addDays(today, 2), '08:00', '09:00'));
    const far = await book(me!, room.id, slot(addDays(today, 45), '08:00', '09:00'));
    expect([confirmed.status, waiting.status]).toEqual(['confirmed', 'pending']);
    const mine = (await bench(me!)).upcoming.filter((u) => u.kind === 'booking');
    expect(mine.map((u) => u.id)).toEqual([confirmed.id, waiting.id]);
    expect(mine[0]).toMatchObject({
      title: room.name,
      place: '北京市石景山医院',
      startsAt: slot(addDays(today, 1), '08:00', '09:00').startsAt,
      endsAt: slot(addDays(today, 1), '08:00', '09:00').endsAt,
      link: '/me/bookings',
    });
    expect(mine.map((u) => u.id)).not.toContain(far.id);
    // Not someone else's: the facility's keeper, the organisers, another street.
    for (const other of [contact, cw, elsewhere])
      expect(await upcoming(other, 'booking')).not.toContain(confirmed.id);
    expect((await me!.post(`/api/bookings/${confirmed.id}/cancel`, {})).status).toBe(200);
    expect(await upcoming(me!, 'booking')).toEqual([waiting.id]);
  });

  it("shows a unit's bookings to its contact", async () => {
    const venue = await facility(cw, { bookingRules: { needsApproval: false } });
    const b = await book(contact, venue.id, slot(addDays(today, 1), '08:00', '08:30'), { forUnit: true });
    expect(await upcoming(contact, 'booking')).toContain(b.id);
    expect(await upcoming(member, 'booking')).not.toContain(b.id);
  });
});

describe('follow-up tasks', () => {
  /** A task of 八角北路社区, straight into the table (tasks come from a meeting's resolutions). */
  async function task(title: string, dueOn: string, owner: { person?: number; unit?: number }) {
    const [row] = await t.sql<{ id: number }>(
      `INSERT INTO tasks (district_id, region_id, title, owner_kind, owner_person_id, owner_unit_id, due_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        districtId,
        bajiaoNorth,
        title,
        owner.person ? 'person' : 'unit',
        owner.person ?? null,
        owner.unit ?? null,
        dueOn,
      ],
    );
    return row!.id;
  }

  it('waits on its owner — the person, or the unit’s contact — due soonest first, until done', async () => {
    const memberId = await personOf(member);
    const later = await task('整理楼门议事记录', addDays(today, 9), { person: memberId });
    const sooner = await task('走访独居老人', addDays(today, 2), { person: memberId });
    const unitTask = await task('落实每月义诊排班', addDays(today, 5), { unit: hospital });

    const mine = await group(member, 'task.work');
    expect(mine).toMatchObject({ link: '/tasks' });
    expect(mine!.items.map((i) => i.id)).toEqual([sooner, later]);
    expect(mine!.items[0]).toMatchObject({
      title: '走访独居老人',
      place: '八角北路社区',
      dueAt: addDays(today, 2),
      link: `/tasks?task=${sooner}`,
    });
    expect(await itemIds(contact, 'task.work')).toEqual([unitTask]);
    // Not yet overdue: the organisers leave it to its owner; others never see it.
    for (const other of [cw, street, elsewhere, resident]) {
      const ids = await itemIds(other, 'task.work');
      for (const id of [later, sooner, unitTask]) expect(ids).not.toContain(id);
    }

    // Progress keeps it waiting; done (or cancelled) takes it off.
    const noted = await member.post(`/api/tasks/${sooner}/notes`, { text: '已走访三户', progress: 50 });
    expect(noted.body.status).toBe('in_progress');
    expect(await itemIds(member, 'task.work')).toEqual([sooner, later]);
    expect((await member.patch(`/api/tasks/${sooner}`, { status: 'done' })).status).toBe(200);
    expect((await member.patch(`/api/tasks/${later}`, { status: 'cancelled' })).status).toBe(200);
    expect(await group(member, 'task.work')).toBeUndefined();
    expect((await contact.patch(`/api/tasks/${unitTask}`, { status: 'done' })).status).toBe(200);
    expect(await itemIds(contact, 'task.work')).not.toContain(unitTask);
  });

  it("an overdue task also waits on its area's organisers, until it is rescheduled or done", async () => {
    const residentId = await personOf(resident);
    const overdue = await task('清理楼道堆物', '2020-01-06', { person: residentId });
    for (const c of [cw, street, district, resident]) {
      const g = await group(c, 'task.work');
      expect(g!.items[0]).toMatchObject({ id: overdue, dueAt: '2020-01-06', link: `/tasks?task=${overdue}` });
    }
    // The count: the owner's own and the area's overdue ones, each once.
    const [{ n }] = (await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM tasks t JOIN regions r ON r.id = t.region_id
        WHERE t.status IN ('open', 'in_progress') AND t.due_on < (now() AT TIME ZONE 'Asia/Shanghai')::date
          AND r.path <@ (SELECT path FROM regions WHERE id = $1)`,
      [bajiaoNorth],
    )) as [{ n: number }];
    expect(await count(cw, 'task.work')).toBe(n);
    for (const other of [elsewhere, member, contact])
      expect(await itemIds(other, 'task.work')).not.toContain(overdue);

    // The organiser gives it more time: it is the owner's again, no longer the organisers'.
    expect((await cw.patch(`/api/tasks/${overdue}`, { dueOn: addDays(today, 7) })).status).toBe(200);
    for (const c of [cw, street, district]) expect(await itemIds(c, 'task.work')).not.toContain(overdue);
    expect(await itemIds(resident, 'task.work')).toContain(overdue);
    expect((await resident.patch(`/api/tasks/${overdue}`, { status: 'done' })).status).toBe(200);
    expect(await itemIds(resident, 'task.work')).not.toContain(overdue);
  });
});

describe('teams', () => {
  let teamId: number;
  let teamName: string;

  beforeAll(async () => {
    const [team] = await t.sql<{ id: number; name: string }>(
      'UPDATE teams SET recruiting = true WHERE leader_person_id = $1 RETURNING id, name',
      [await personOf(member)],
    );
    teamId = team!.id;
    teamName = team!.name;
  });

  it('an application waits on those who run the team — its leader, its area’s organisers — until answered', async () => {
    const [applicant] = await t.members('wbapplicant', 1, bajiaoNorth);
    const applied = await applicant!.post(`/api/teams/${teamId}/members`, { note: '想参加义诊' });
    expect(applied.status).toBe(201);
    const since = await madeDaysAgo('team_members', applied.body.id, 400);
    const name = await nameOf(await personOf(applicant!));
    for (const runner of [member, cw, street, district]) {
      const g = await group(runner, 'team.application');
      expect(g).toMatchObject({ link: '/teams' });
      expect(g!.items[0]).toMatchObject({
        id: applied.body.id,
        title: name,
        place: teamName,
        since,
        link: `/teams/${teamId}?tab=inbox`,
      });
    }
    for (const other of [elsewhere, resident, contact, applicant!])
      expect(await itemIds(other, 'team.application')).not.toContain(applied.body.id);
    expect(
      (await elsewhere.post(`/api/teams/${teamId}/members/${applied.body.id}/decide`, { decision: 'accept' }))
        .status,
    ).toBe(403);

    const decided = await member.post(`/api/teams/${teamId}/members/${applied.body.id}/decide`, {
      decision: 'accept',
    });
    expect(decided.status).toBe(200);
    for (const runner of [member, cw, street])
      expect(await itemIds(runner, 'team.application')).not.toContain(applied.body.id);
  });

  it('invitations wait on the invited person alone — to a team, to a project role — until answered', async () => {
    const [invitee] = await t.members('wbinvitee', 1, bajiaoNorth);
    const personId = await personOf(invitee!);
    const toTeam = await member.post(`/api/teams/${teamId}/invitations`, { personId });
    expect(toTeam.status).toBe(201);
    const teamSince = await madeDaysAgo('team_members', toTeam.body.id, 3);
    const project = await publishedProject('楼门议事志愿服务', 5, [
      { kind: 'custom', name: '记录员', slots: 2 },
    ]);
    const toRole = await cw.post('/api/invitations', { roleId: project.roles[0]!.id, personId });
    expect(toRole.status).toBe(201);
    const roleSince = await madeDaysAgo('invitations', toRole.body.id, 1);

    const g = await group(invitee!, 'team.invitation');
    expect(g).toMatchObject({ count: 2, link: '/me/invitations' });
    expect(g!.items).toEqual([
      {
        id: toTeam.body.id,
        title: teamName,
        place: '八角北路社区',
        since: teamSince,
        dueAt: null,
        link: `/teams/${teamId}`,
      },
      {
        id: toRole.body.id,
        title: '楼门议事志愿服务 · 记录员',
        place: '八角北路社区',
        since: roleSince,
        dueAt: null,
        link: '/me/invitations',
      },
    ]);
    // Those who asked wait for the answer; it is not theirs to give.
    for (const other of [member, cw, street, elsewhere]) {
      const items = (await group(other, 'team.invitation'))?.items ?? [];
      expect(items.some((i) => i.link === `/teams/${teamId}` && i.id === toTeam.body.id)).toBe(false);
      expect(items.some((i) => i.link === '/me/invitations' && i.id === toRole.body.id)).toBe(false);
    }

    expect((await invitee!.post(`/api/invitations/${toRole.body.id}/decline`, {})).status).toBe(200);
    expect(await group(invitee!, 'team.invitation')).toMatchObject({ count: 1 });
    const answered = await invitee!.post(`/api/teams/${teamId}/members/${toTeam.body.id}/decide`, {
      decision: 'decline',
    });
    expect(answered.status).toBe(200);
    expect(await group(invitee!, 'team.invitation')).toBeUndefined();
  });
});

describe('claimed roles coming up', () => {
  it('shows the roles one claimed, starting in the next days, until withdrawn', async () => {
    const project = await publishedProject('楼道清洁志愿服务', 3, [
      { kind: 'custom', name: '物资搬运员', slots: 3 },
    ]);
    const distant = await publishedProject('远期清洁行动', 45, [
      { kind: 'custom', name: '物资搬运员', slots: 3 },
    ]);
    const [me] = await t.members('wbclaimer', 1, bajiaoNorth);
    const claim = await me!.post(`/api/projects/${project.id}/roles/${project.roles[0]!.id}/claims`, {});
    expect(claim.status, JSON.stringify(claim.body)).toBe(201);
    const later = await me!.post(`/api/projects/${distant.id}/roles/${distant.roles[0]!.id}/claims`, {});
    expect(later.status).toBe(201);

    const mine = (await bench(me!)).upcoming.filter((u) => u.kind === 'claim');
    expect(mine).toEqual([
      {
        kind: 'claim',
        id: claim.body.id,
        title: '楼道清洁志愿服务 · 物资搬运员',
        place: '八角北路社区',
        startsAt: expect.any(String),
        endsAt: expect.any(String),
        link: `/projects/${project.id}`,
      },
    ]);
    for (const other of [cw, elsewhere, member])
      expect(await upcoming(other, 'claim')).not.toContain(claim.body.id);
    expect((await me!.post(`/api/claims/${claim.body.id}/withdraw`, {})).status).toBe(200);
    expect(await upcoming(me!, 'claim')).toEqual([]);
  });

  it("shows a unit's claims to its contact, and a team's to its leader", async () => {
    const project = await publishedProject('义诊志愿服务', 0.1, [
      { kind: 'custom', name: '导诊员', slots: 5 },
    ]);
    const role = project.roles[0]!.id;
    const forUnit = await contact.post(`/api/projects/${project.id}/roles/${role}/claims`, { forUnit: true });
    expect(forUnit.status, JSON.stringify(forUnit.body)).toBe(201);
    const [{ id: teamId }] = (await t.sql<{ id: number }>(
      'SELECT id FROM teams WHERE leader_person_id = $1',
      [await personOf(member)],
    )) as [{ id: number }];
    const forTeam = await member.post(`/api/projects/${project.id}/roles/${role}/claims`, { teamId });
    expect(forTeam.status, JSON.stringify(forTeam.body)).toBe(201);
    expect(await upcoming(contact, 'claim')).toContain(forUnit.body.id);
    expect(await upcoming(contact, 'claim')).not.toContain(forTeam.body.id);
    expect(await upcoming(member, 'claim')).toContain(forTeam.body.id);
    expect(await upcoming(member, 'claim')).not.toContain(forUnit.body.id);
    expect(await upcoming(elsewhere, 'claim')).not.toContain(forUnit.body.id);
  });
});
