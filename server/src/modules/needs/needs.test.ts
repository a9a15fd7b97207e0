import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCursorPagesLikeNumbered, expectForgedCursorsRefused } from '../../../test/cursor-pages';
import { type Client, startTestApp, type TestContext } from '../../../test/harness';

let t: TestContext;
let cw: Client;
let bajiaoNorth: number;
let bajiao: number;
const soon = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

beforeAll(async () => {
  t = await startTestApp();
  cw = await t.as('community_worker');
  bajiaoNorth = await t.region('110107003001');
  bajiao = await t.region('110107003');
});
afterAll(() => t.close());

describe('needs', () => {
  it('a resident raises a need; the worker turns it into a project; the resident is told', async () => {
    const resident = await t.as('resident');
    const need = await resident.post('/api/needs', {
      title: '楼道灯坏了',
      category: 'repair',
      place: '5号楼1单元',
    });
    expect(need.status).toBe(201);
    expect(need.body).toMatchObject({
      status: 'open',
      communityName: '八角北路社区',
      raisedBy: { name: '陈桂兰' },
      // Its raiser follows it; deciding is the community's.
      can: { decide: false, accept: false, convert: false },
    });
    const inbox = await cw.get('/api/needs?status=open');
    expect(inbox.body.items.map((n: any) => n.id)).toContain(need.body.id);
    expect(inbox.body.items.find((n: any) => n.id === need.body.id).can).toEqual({
      decide: true,
      accept: true,
      convert: true,
    });
    const project = await cw.post('/api/projects', {
      title: '修复楼道照明',
      regionId: bajiaoNorth,
      needId: need.body.id,
      startsAt: soon(2),
      endsAt: soon(3),
      roles: [{ kind: 'custom', name: '电工', slots: 1, specialties: ['repair'] }],
    });
    expect(project.status).toBe(201);
    const mine = await resident.get('/api/needs?mine=true');
    expect(mine.body.items[0]).toMatchObject({ status: 'converted', projectId: project.body.id });
    const notes = await resident.get('/api/notifications?unread=true');
    expect(notes.body.items[0].text).toBe('您的微心愿“楼道灯坏了”：已转为公益项目');
    expect((await resident.post(`/api/notifications/${notes.body.items[0].id}/read`)).status).toBe(204);
    expect((await resident.get('/api/notifications?unread=true')).body.total).toBe(notes.body.total - 1);
  });

  it('declining needs a reason; another community cannot decide; a resident sees only their own', async () => {
    const resident = await t.as('resident');
    const need = await resident.post('/api/needs', { title: '想学智能手机', category: 'education' });
    expect((await cw.post(`/api/needs/${need.body.id}/decision`, { decision: 'decline' })).status).toBe(400);
    const gucheng = await t.as('street_110107004');
    expect((await gucheng.post(`/api/needs/${need.body.id}/decision`, { decision: 'accept' })).status).toBe(
      404,
    );
    const declined = await cw.post(`/api/needs/${need.body.id}/decision`, {
      decision: 'decline',
      reason: '已有老年大学课程',
    });
    expect(declined.body).toMatchObject({
      status: 'declined',
      reason: '已有老年大学课程',
      can: { decide: false, accept: false, convert: false },
    });
    const member = await t.as('member');
    expect((await member.get(`/api/needs/${need.body.id}`)).status).toBe(404);
  });

  it('a need opens with its details and history; the worker accepts it there; the raiser follows it', async () => {
    const resident = await t.as('resident');
    const raised = await resident.post('/api/needs', {
      title: '老人行动不便，想请人陪同就医',
      description: '每周二上午去医院复查\n需要有人陪同',
      category: 'elder_care',
      place: '5号楼1单元302',
      wantedBy: '2031-03-01',
    });
    expect(raised.status).toBe(201);
    const id = raised.body.id;
    const detail = await cw.get(`/api/needs/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      title: '老人行动不便，想请人陪同就医',
      description: '每周二上午去医院复查\n需要有人陪同',
      place: '5号楼1单元302',
      wantedBy: '2031-03-01',
      communityName: '八角北路社区',
      raisedBy: { name: '陈桂兰' },
      status: 'open',
      waitedDays: 0,
      overdue: false,
      overdueDays: 14,
      mergedInto: null,
      can: { decide: true, accept: true, convert: true },
    });
    expect(detail.body.history).toEqual([{ kind: 'raised', at: raised.body.createdAt, by: '陈桂兰' }]);

    const accepted = await cw.post(`/api/needs/${id}/decision`, { decision: 'accept' });
    expect(accepted.body).toMatchObject({ status: 'accepted', can: { accept: false, decide: true } });
    const after = await resident.get(`/api/needs/${id}`);
    expect(after.status).toBe(200);
    expect(after.body.can).toEqual({ decide: false, accept: false, convert: false });
    expect(after.body.history.map((e: any) => [e.kind, e.by])).toEqual([
      ['raised', '陈桂兰'],
      ['accepted', '张丽'],
    ]);
    expect(after.body.history[1].at).toBe(accepted.body.decidedAt);
    // A later answer follows the acceptance; it does not replace it.
    const declined = await cw.post(`/api/needs/${id}/decision`, {
      decision: 'decline',
      reason: '已由物业维修',
    });
    expect(declined.status).toBe(200);
    const later = await resident.get(`/api/needs/${id}`);
    expect(later.body.history.map((e: any) => [e.kind, e.by])).toEqual([
      ['raised', '陈桂兰'],
      ['accepted', '张丽'],
      ['declined', '张丽'],
    ]);
    expect(later.body.history[1].at).toBe(accepted.body.decidedAt);
    expect(later.body.history[2].at).toBe(declined.body.decidedAt);
    // Someone else's need stays out of sight, and so does the detail of one that is nobody's.
    expect((await (await t.as('member')).get(`/api/needs/${id}`)).status).toBe(404);
    expect((await cw.get('/api/needs/999999999')).status).toBe(404);
  });

  it('a merged need names the need it went into, for those who may see that one', async () => {
    const resident = await t.as('resident');
    const first = await resident.post('/api/needs', { title: '小区健身器材坏了', category: 'repair' });
    const member = await t.as('member');
    const other = await member.post('/api/needs', { title: '健身器材需要修理', category: 'repair' });
    expect(
      (await cw.post(`/api/needs/${first.body.id}/decision`, { decision: 'merge', intoId: other.body.id }))
        .status,
    ).toBe(200);
    const seen = await cw.get(`/api/needs/${first.body.id}`);
    expect(seen.body).toMatchObject({
      status: 'merged',
      mergedInto: { id: other.body.id, name: '健身器材需要修理' },
    });
    expect(seen.body.history.map((e: any) => e.kind)).toEqual(['raised', 'merged']);
    // The raiser reads that it was merged, not another resident's need.
    expect((await resident.get(`/api/needs/${first.body.id}`)).body.mergedInto).toBeNull();
  });

  it('counts the days a need has waited in Beijing, and marks it overdue past its street’s setting', async () => {
    const resident = await t.as('resident');
    const old = await resident.post('/api/needs', { title: '单元门禁坏了很久', category: 'safety' });
    const today = await resident.post('/api/needs', { title: '今天凌晨提的需求', category: 'other' });
    // Time passes: one need was raised 20 days ago, the other at 00:01 today in Beijing.
    await t.sql(`UPDATE needs SET created_at = now() - interval '20 days' WHERE id = $1`, [old.body.id]);
    await t.sql(
      `UPDATE needs SET created_at = (date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') + interval '1 minute')
         AT TIME ZONE 'Asia/Shanghai' WHERE id = $1`,
      [today.body.id],
    );
    const find = async (id: number) =>
      (await cw.get('/api/needs?status=open&pageSize=200')).body.items.find((n: any) => n.id === id);
    expect(await find(old.body.id)).toMatchObject({ waitedDays: 20, overdue: true });
    expect(await find(today.body.id)).toMatchObject({ waitedDays: 0, overdue: false });
    const overdue = await cw.get('/api/needs?overdue=true&pageSize=200');
    expect(overdue.body.items.map((n: any) => n.id)).toContain(old.body.id);
    expect(overdue.body.items.every((n: any) => n.overdue)).toBe(true);
    // The street (its admin) sees the same; it allows 30 days, and the need is no longer overdue.
    const street = await t.as('street_admin');
    expect((await street.get(`/api/needs/${old.body.id}`)).body).toMatchObject({
      overdue: true,
      waitedDays: 20,
    });
    expect((await street.put(`/api/needs/settings/${bajiao}`, { overdueDays: 30 })).status).toBe(200);
    expect((await cw.get(`/api/needs/${old.body.id}`)).body).toMatchObject({
      overdue: false,
      overdueDays: 30,
    });
    expect(
      (await cw.get('/api/needs?overdue=false&pageSize=200')).body.items.map((n: any) => n.id),
    ).toContain(old.body.id);
    expect((await street.put(`/api/needs/settings/${bajiao}`, { overdueDays: 19 })).status).toBe(200);
    expect((await cw.get(`/api/needs/${old.body.id}`)).body).toMatchObject({
      overdue: true,
      overdueDays: 19,
    });
    // Answered, it waits no longer: its days stop at the answer, and it is not overdue.
    const declined = await cw.post(`/api/needs/${old.body.id}/decision`, {
      decision: 'decline',
      reason: '已报物业维修',
    });
    expect(declined.body).toMatchObject({ status: 'declined', waitedDays: 20, overdue: false });
    expect((await street.put(`/api/needs/settings/${bajiao}`, { overdueDays: 14 })).status).toBe(200);
  });

  it('a street sets its overdue days: its admins and the district’s, 1 to 365, audited', async () => {
    const street = await t.as('street_admin');
    const list = await street.get('/api/needs/settings');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ streetId: bajiao, streetName: '八角街道', can: { update: true } }),
    ]);
    for (const overdueDays of [0, 366, 1.5, '14', null])
      expect((await street.put(`/api/needs/settings/${bajiao}`, { overdueDays })).status).toBe(400);
    expect((await street.put(`/api/needs/settings/${bajiao}`, { overdueDays: 7, extra: 1 })).status).toBe(
      400,
    );
    expect((await street.put(`/api/needs/settings/${bajiao}`, {})).status).toBe(400);

    const set = await street.put(`/api/needs/settings/${bajiao}`, { overdueDays: 7 });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({
      streetId: bajiao,
      streetName: '八角街道',
      overdueDays: 7,
      isDefault: false,
      can: { update: true },
    });
    expect((await street.get(`/api/needs/settings/${bajiao}`)).body.overdueDays).toBe(7);
    const audit = await street.get('/api/audit?action=need.settings');
    expect(audit.body.items[0]).toMatchObject({
      entityType: 'need_setting',
      entityId: String(bajiao),
      after: { overdueDays: 7 },
      actor: { username: 'street_admin' },
    });

    // The district's admin may set any street's; a community's worker reads none and sets none.
    const district = await t.as('district_admin');
    expect((await district.get('/api/needs/settings')).body.items.length).toBeGreaterThan(1);
    expect((await district.put(`/api/needs/settings/${bajiao}`, { overdueDays: 14 })).body.overdueDays).toBe(
      14,
    );
    expect((await cw.get('/api/needs/settings')).body.items).toEqual([]);
    expect((await cw.get(`/api/needs/settings/${bajiao}`)).status).toBe(403);
    expect((await cw.put(`/api/needs/settings/${bajiao}`, { overdueDays: 3 })).status).toBe(403);
    // Another street's admin: not this street; a resident: not at all.
    const gucheng = await t.as('street_110107004');
    expect((await gucheng.put(`/api/needs/settings/${bajiao}`, { overdueDays: 3 })).status).toBe(403);
    expect((await gucheng.get('/api/needs/settings')).body.items.map((s: any) => s.streetId)).not.toContain(
      bajiao,
    );
    const resident = await t.as('resident');
    expect((await resident.get('/api/needs/settings')).status).toBe(403);
    expect((await resident.put(`/api/needs/settings/${bajiao}`, { overdueDays: 3 })).status).toBe(403);
    // Not a street: a community, or nothing.
    expect((await street.get(`/api/needs/settings/${bajiaoNorth}`)).status).toBe(404);
    expect((await street.put(`/api/needs/settings/999999999`, { overdueDays: 3 })).status).toBe(404);
    // Nothing changed by the refused writes.
    expect((await street.get(`/api/needs/settings/${bajiao}`)).body.overdueDays).toBe(14);
  });

  it('reads on by cursor: the same pages as by number, newest first; a forged cursor is a 400', async () => {
    // Needs raised in the same instant: the id orders them, and pages break among them.
    const [resident] = await t.sql<{ id: number }>(
      "SELECT p.id FROM people p JOIN users u ON u.id = p.user_id WHERE u.username = 'resident'",
    );
    await t.sql(
      `INSERT INTO needs (district_id, community_id, person_id, title, category, created_at)
       SELECT 1, $1, $2, '同时提出的需求' || g, 'repair', '2026-03-01 09:00+08' FROM generate_series(1, 7) g`,
      [bajiaoNorth, resident!.id],
    );
    const all = await expectCursorPagesLikeNumbered(cw, '/api/needs', 3);
    const order = await t.sql<{ id: number }>(
      `SELECT n.id FROM needs n JOIN regions c ON c.id = n.community_id
        WHERE c.path <@ (SELECT path FROM regions WHERE id = $1) ORDER BY n.created_at DESC, n.id DESC`,
      [bajiaoNorth],
    );
    expect(all).toEqual(order.map((n) => n.id));
    await expectCursorPagesLikeNumbered(await t.as('district_admin'), '/api/needs?status=open', 4);
    await expectCursorPagesLikeNumbered(await t.as('resident'), '/api/needs?mine=true', 2);
    await expectForgedCursorsRefused(cw, '/api/needs', 2);
  });
});
