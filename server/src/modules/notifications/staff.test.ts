/**
 * Staff are told what arrives for them to handle (#23): a need, a registration, a booking to
 * approve, an objection, a task due or overdue — those who may handle it, not another street's
 * admin; a muted kind is not told; in digest mode the arrival waits for one summary a day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestContext } from '../../../test/harness';
import { tellDueTasks } from '../bodies/tasks.service';
import { addDays, instant, todayIn } from '../dedication-days/recurrence';
import { sendDigests } from './notifications.jobs';

let t: TestContext;
let worker: Client;
let street: Client;
let gucheng: Client;
let bajiaoNorth: number;
const TZ = 'Asia/Shanghai';
const year = new Date().getUTCFullYear();

beforeAll(async () => {
  t = await startTestApp();
  [worker, street, gucheng] = await Promise.all([
    t.as('community_worker'),
    t.as('street_admin'),
    t.as('street_110107004'),
  ]);
  bajiaoNorth = await t.region('110107003001');
});
afterAll(() => t.close());

/** The reader's notifications of this kind (newest first). */
const told = async (c: Client, kind: string) =>
  ((await c.get('/api/notifications?pageSize=200')).body.items as any[]).filter((n) => n.kind === kind);

describe('staff are told what waits on them', () => {
  it('a new need: its community’s organisers, with a link to it; not another street, not the resident', async () => {
    const resident = await t.as('resident');
    const need = await resident.post('/api/needs', { title: '楼道扶手松动', category: 'repair' });
    expect(need.status).toBe(201);
    for (const c of [worker, street, await t.as('district_admin')]) {
      const [n] = await told(c, 'notify_need_raised');
      expect(n).toMatchObject({ link: `/needs/${need.body.id}` });
      expect(n.text).toContain('楼道扶手松动');
    }
    expect(await told(gucheng, 'notify_need_raised')).toEqual([]);
    expect(await told(resident, 'notify_need_raised')).toEqual([]);

    // Once the worker has answered it, it waits on nobody: the street's bell reads as read too.
    const about = async (c: Client) =>
      (await told(c, 'notify_need_raised')).find((n) => n.link === `/needs/${need.body.id}`);
    expect((await about(street)).readAt).toBeNull();
    expect((await worker.post(`/api/needs/${need.body.id}/decision`, { decision: 'accept' })).status).toBe(
      200,
    );
    for (const c of [worker, street]) expect((await about(c)).readAt).not.toBeNull();
    const unread = await street.get('/api/notifications?pageSize=200');
    expect((unread.body.items as any[]).some((n) => n.link === `/needs/${need.body.id}` && !n.readAt)).toBe(
      false,
    );
  });

  it('a registration: the community’s organisers; English when asked', async () => {
    const asked = await (await t.as('member')).post('/api/registrations', { communityId: bajiaoNorth });
    expect(asked.status).toBe(201);
    const [n] = await told(worker, 'notify_registration_requested');
    expect(n).toMatchObject({ link: '/registrations?status=pending', readAt: null });
    expect(n.text).toContain('八角北路社区');
    expect(await told(gucheng, 'notify_registration_requested')).toEqual([]);
    const en = await worker.request('GET', '/api/notifications?pageSize=200', undefined, {
      'accept-language': 'en',
    });
    const english = (en.body.items as any[]).find((x) => x.kind === 'notify_registration_requested');
    expect(english?.text ?? '').toMatch(/asks to register with/);
    // The street admin approves it: the worker's bell about it reads as read.
    expect(
      (await street.post(`/api/registrations/${asked.body.id}/decision`, { decision: 'approve' })).status,
    ).toBe(200);
    expect((await told(worker, 'notify_registration_requested'))[0]).toMatchObject({ id: n.id });
    expect((await told(worker, 'notify_registration_requested'))[0].readAt).not.toBeNull();
  });

  it('a booking to approve: the owning unit’s contact, not the community, not another street', async () => {
    const contact = await t.as('unit_contact');
    const [{ id: hospital }] = (await t.sql<{ id: number }>(
      "SELECT id FROM units WHERE name = '北京市石景山医院'",
    )) as [{ id: number }];
    const f = await contact.post('/api/facilities', {
      unitId: hospital,
      regionId: bajiaoNorth,
      name: '会议室（待审批）',
      kind: 'sports',
      subKind: 'court',
      capacity: 12,
      openingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '08:00', closes: '21:00' })),
      bookingRules: { needsApproval: true, maxDaysAhead: 60, minNoticeHours: 1 },
    });
    expect(f.status, JSON.stringify(f.body)).toBe(201);
    const date = addDays(todayIn(TZ), 3);
    const booked = await (await t.as('resident')).post('/api/bookings', {
      facilityId: f.body.id,
      startsAt: instant(date, '09:00', TZ),
      endsAt: instant(date, '10:00', TZ),
      purpose: '居民议事',
      people: 4,
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    const [n] = await told(contact, 'notify_booking_pending');
    expect(n).toMatchObject({ link: '/bookings/inbox' });
    expect(n.text).toContain('会议室（待审批）');
    expect(await told(worker, 'notify_booking_pending')).toEqual([]);
    expect(await told(gucheng, 'notify_booking_pending')).toEqual([]);
    expect(n.readAt).toBeNull();
    const [id] = booked.body.booked.map((b: { id: number }) => b.id);
    expect((await contact.post(`/api/bookings/${id}/decide`, { decision: 'confirm' })).status).toBe(200);
    expect((await told(contact, 'notify_booking_pending'))[0].readAt).not.toBeNull();
  });

  it('an objection: those who run the evaluation, not the street that nominated', async () => {
    const admin = await t.as('district_admin');
    const [{ id: district }] = (await t.sql<{ id: number }>(
      "SELECT id FROM regions WHERE kind = 'district'",
    )) as [{ id: number }];
    const ev = await admin.post('/api/evaluations', {
      honour: 'outstanding_member',
      title: '异议提醒测试',
      regionId: district,
      periodFrom: `${year}-01-01`,
      periodTo: `${year}-12-31`,
      nominationQuota: 1,
    });
    const id = ev.body.id as number;
    expect((await admin.post(`/api/evaluations/${id}/close`)).status).toBe(200);
    const [a] = await t.sql<{ id: number }>(
      `SELECT s.subject_id AS id FROM evaluation_scores s JOIN regions r ON r.id = s.region_id
         JOIN regions st ON st.code = '110107003' AND r.path <@ st.path
        WHERE s.evaluation_id = $1 ORDER BY s.rank, s.subject_id LIMIT 1`,
      [id],
    );
    await street.post(`/api/evaluations/${id}/nominations`, {
      subjectId: a!.id,
      statement: '长期参加志愿服务',
    });
    await admin.post(`/api/evaluations/${id}/nominations/${a!.id}/review`, {
      decision: 'approved',
      comment: '好',
    });
    expect((await admin.post(`/api/evaluations/${id}/notice`, { days: 5 })).status).toBe(200);
    const objected = await (await t.as('resident')).post(`/api/honours/${id}/objections`, {
      subjectId: a!.id,
      reason: '请核实服务时长',
    });
    expect(objected.status).toBe(201);
    const [n] = await told(admin, 'notify_objection_raised');
    expect(n).toMatchObject({ link: `/evaluations/${id}` });
    expect(await told(street, 'notify_objection_raised')).toEqual([]);
    expect(await told(gucheng, 'notify_objection_raised')).toEqual([]);
    expect(n.readAt).toBeNull();
    const handled = await admin.post(`/api/evaluations/${id}/objections/${objected.body.id}/handle`, {
      decision: 'dismissed',
      response: '经核实，服务时长无误',
    });
    expect(handled.status).toBe(200);
    expect((await told(admin, 'notify_objection_raised'))[0].readAt).not.toBeNull();
  });
});

describe('tasks falling due', () => {
  it('tomorrow: the owner once; overdue: the owner and the area’s organisers once; not another street', async () => {
    const member = await t.as('member');
    const insert = (title: string, due: string) =>
      t.sql<{ id: number }>(
        `INSERT INTO tasks (district_id, region_id, title, owner_kind, owner_person_id, due_on)
         SELECT 1, r.id, $1, 'person', p.id, (now() AT TIME ZONE 'Asia/Shanghai')::date + $2::int
           FROM regions r, users u JOIN people p ON p.user_id = u.id
          WHERE r.code = '110107003' AND u.username = 'member' RETURNING id`,
        [title, due],
      );
    const [soon] = await insert('整理议事记录', '1');
    const [late] = await insert('回访困难家庭', '-2');
    const run = () => t.db.transaction((tx) => tellDueTasks(tx));
    expect(await run()).toBeGreaterThanOrEqual(2);
    expect(await run()).toBe(0);
    const due = (await told(member, 'notify_task_due')).filter((n) => n.link === `/tasks?task=${soon!.id}`);
    expect(due).toHaveLength(1);
    const overdue = await told(member, 'notify_task_overdue');
    expect(overdue.filter((n) => n.link === `/tasks?task=${late!.id}`)).toHaveLength(1);
    expect((await told(street, 'notify_task_overdue')).map((n) => n.link)).toContain(
      `/tasks?task=${late!.id}`,
    );
    expect((await told(street, 'notify_task_due')).map((n) => n.link)).not.toContain(
      `/tasks?task=${soon!.id}`,
    );
    expect((await told(gucheng, 'notify_task_overdue')).map((n) => n.link)).not.toContain(
      `/tasks?task=${late!.id}`,
    );
    // The owner finishes it: the overdue bells about it read as read, the street's as well.
    expect((await member.patch(`/api/tasks/${late!.id}`, { status: 'done' })).status).toBe(200);
    for (const c of [member, street]) {
      const mine = (await told(c, 'notify_task_overdue')).filter((n) => n.link === `/tasks?task=${late!.id}`);
      expect(mine.every((n) => n.readAt !== null)).toBe(true);
    }
    expect(due[0].readAt).toBeNull(); // the other task still waits
  });
});

describe('preferences: muted kinds and the daily digest', () => {
  it('lists the staff kinds each reader may receive; a resident none', async () => {
    expect((await worker.get('/api/notifications/prefs')).body.receivable).toEqual(
      expect.arrayContaining(['notify_need_raised', 'notify_registration_requested', 'notify_task_overdue']),
    );
    expect((await (await t.as('resident')).get('/api/notifications/prefs')).body).toMatchObject({
      receivable: [],
      digest: false,
    });
  });

  it('a muted kind is not told; the others still are', async () => {
    await worker.put('/api/notifications/prefs', { muted: ['notify_need_raised'], channels: [] });
    const before = (await told(worker, 'notify_need_raised')).length;
    await (await t.as('resident')).post('/api/needs', { title: '小区路灯不亮', category: 'repair' });
    expect(await told(worker, 'notify_need_raised')).toHaveLength(before);
    expect((await told(street, 'notify_need_raised'))[0].text).toContain('小区路灯不亮');
    await worker.put('/api/notifications/prefs', { muted: [], channels: [] });
  });

  it('digest mode: no bell per arrival, one summary from the job after 08:00, once a day', async () => {
    const saved = await street.put('/api/notifications/prefs', { muted: [], channels: [], digest: true });
    expect(saved.body).toMatchObject({ digest: true });
    const bells = (await told(street, 'notify_need_raised')).length;
    const resident = await t.as('resident');
    await resident.post('/api/needs', { title: '健身器材损坏', category: 'repair' });
    await resident.post('/api/needs', { title: '门禁失灵', category: 'repair' });
    expect(await told(street, 'notify_need_raised')).toHaveLength(bells);
    // The worker, not in digest mode, still hears each.
    expect((await told(worker, 'notify_need_raised'))[0].text).toContain('门禁失灵');

    const today = todayIn(TZ);
    const early = new Date(instant(today, '07:30', TZ));
    const morning = new Date(instant(today, '08:05', TZ));
    expect(await t.db.transaction((tx) => sendDigests(tx, early))).toBe(0);
    expect(await t.db.transaction((tx) => sendDigests(tx, morning))).toBeGreaterThanOrEqual(1);
    const [digest, ...more] = await told(street, 'notify_digest');
    expect(more).toEqual([]);
    expect(digest).toMatchObject({ link: '/' });
    expect(digest.text).toContain('新需求 2');
    expect(digest.text).toMatch(/^每日汇总：\d+ 项待办/);
    // Again the same morning: nothing more.
    await resident.post('/api/needs', { title: '垃圾桶不够', category: 'repair' });
    expect(await t.db.transaction((tx) => sendDigests(tx, new Date(morning.getTime() + 600_000)))).toBe(0);
    expect(await told(street, 'notify_digest')).toHaveLength(1);
    // The next morning: what arrived since.
    const tomorrow = new Date(morning.getTime() + 86_400_000);
    await t.db.transaction((tx) => sendDigests(tx, tomorrow));
    const [next] = await told(street, 'notify_digest');
    expect(next.text).toContain('新需求 1');
  });
});
