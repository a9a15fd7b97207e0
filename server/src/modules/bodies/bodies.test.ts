import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestContext } from '../../../test/harness';

let t: TestContext;
let street: Client;
let cw: Client;
let bajiaoNorth: number;

beforeAll(async () => {
  t = await startTestApp();
  street = await t.as('street_admin');
  cw = await t.as('community_worker');
  bajiaoNorth = await t.region('110107003001');
});
afterAll(() => t.close());

const partyMemberIn = async (path: string) =>
  (
    await t.sql<{ id: number }>(
      `SELECT p.id FROM people p JOIN regions h ON h.id = p.home_region_id
        WHERE p.party_org_id IS NOT NULL AND h.path <@ $1::ltree ORDER BY p.id LIMIT 1`,
      [path],
    )
  )[0]?.id;

describe('joint bodies', () => {
  it('sets each kind at its level, one living body per node', async () => {
    const street8 = await t.region('110107003');
    const wrong = await street.post('/api/bodies', {
      kind: 'coordination_council',
      regionId: street8,
      name: '错层协调会',
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.message).toBe('社区党建协调会应设在社区一级');
    const dup = await street.post('/api/bodies', {
      kind: 'coordination_council',
      regionId: bajiaoNorth,
      name: '第二个协调会',
    });
    expect(dup.status).toBe(409);
  });

  it('lists bodies in scope and not beyond', async () => {
    const res = await street.get('/api/bodies?pageSize=200');
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    const [gucheng] = await t.sql<{ path: string }>(
      "SELECT path::text FROM regions WHERE code = '110107004'",
    );
    const outside = await t.sql<{ id: number }>(
      'SELECT b.id FROM bodies b JOIN regions r ON r.id = b.region_id WHERE r.path <@ $1::ltree',
      [gucheng!.path],
    );
    const ids = new Set(res.body.items.map((b: any) => b.id));
    expect(outside.some((b) => ids.has(b.id))).toBe(false);
    expect((await street.get(`/api/bodies/${outside[0]!.id}`)).status).toBe(403);
  });

  it('a liaison group takes Party members living in its building, and keeps membership history', async () => {
    const [building] = await t.sql<{ id: number; path: string }>(
      `SELECT r.id, r.path::text FROM regions r WHERE r.kind = 'building' AND r.parent_id = $1
         AND NOT EXISTS (SELECT 1 FROM bodies b JOIN regions br ON br.id = b.region_id WHERE br.path <@ r.path)
       ORDER BY r.id LIMIT 1`,
      [bajiaoNorth],
    );
    const group = await cw.post('/api/bodies', {
      kind: 'liaison_group',
      regionId: building!.id,
      name: '试点楼门党员联络组',
    });
    expect(group.status).toBe(201);
    let memberId = await partyMemberIn(building!.path);
    if (!memberId) {
      const [entrance] = await t.sql<{ id: number }>('SELECT id FROM regions WHERE parent_id = $1 LIMIT 1', [
        building!.id,
      ]);
      const [org] = await t.sql<{ id: number }>("SELECT id FROM party_orgs WHERE name = '八角北路社区党委'");
      memberId = (
        await cw.post('/api/members', {
          name: '楼门党员',
          gender: 'male',
          homeRegionId: entrance!.id,
          membership: { orgId: org!.id, status: 'retired', since: '1980-07-01' },
        })
      ).body.id;
    }
    const add = await cw.post(`/api/bodies/${group.body.id}/members`, { memberKind: 'person', memberId });
    expect(add.status).toBe(201);
    expect(
      (await cw.post(`/api/bodies/${group.body.id}/members`, { memberKind: 'person', memberId })).status,
    ).toBe(409);
    const [farAway] = await t.sql<{ id: number }>(
      `SELECT p.id FROM people p JOIN regions h ON h.id = p.home_region_id
        WHERE p.party_org_id IS NOT NULL AND NOT h.path <@ $1::ltree AND h.path <@ (SELECT path FROM regions WHERE id = $2) LIMIT 1`,
      [building!.path, bajiaoNorth],
    );
    expect(
      (await cw.post(`/api/bodies/${group.body.id}/members`, { memberKind: 'person', memberId: farAway!.id }))
        .status,
    ).toBe(422);
    const [orgId] = await t.sql<{ id: number }>("SELECT id FROM party_orgs WHERE name = '八角北路社区党委'");
    expect(
      (
        await cw.post(`/api/bodies/${group.body.id}/members`, {
          memberKind: 'party_org',
          memberId: orgId!.id,
        })
      ).status,
    ).toBe(422);
    const left = await cw.post(`/api/bodies/${group.body.id}/members/${add.body.id}/leave`);
    expect(left.body.leftOn).not.toBeNull();
    expect((await cw.get(`/api/bodies/${group.body.id}/members`)).body).toEqual([]);
    expect((await cw.get(`/api/bodies/${group.body.id}/members?includePast=true`)).body).toHaveLength(1);
  });
});

describe('meetings and follow-up tasks', () => {
  it('records a joint-conference meeting whose resolution becomes a task, with attendance', async () => {
    const [conference] = await t.sql<{ id: number }>(
      "SELECT b.id FROM bodies b JOIN regions r ON r.id = b.region_id WHERE b.kind = 'joint_conference' AND r.code = '110107003'",
    );
    const conferenceId =
      conference?.id ??
      (
        await street.post('/api/bodies', {
          kind: 'joint_conference',
          regionId: await t.region('110107003'),
          name: '八角街道社区党建联席会',
        })
      ).body.id;
    const [bajiao] = await t.sql<{ path: string }>("SELECT path::text FROM regions WHERE code = '110107003'");
    const invitees = (
      await t.sql<{ id: number }>(
        `SELECT p.id FROM people p JOIN regions h ON h.id = p.home_region_id
          WHERE p.party_org_id IS NOT NULL AND h.path <@ $1::ltree ORDER BY p.id LIMIT 3`,
        [bajiao!.path],
      )
    ).map((r) => r.id);
    const created = await street.post('/api/meetings', {
      bodyId: conferenceId,
      title: '第四季度联席会议',
      startsAt: '2026-11-20T02:00:00Z',
      place: '八角街道党群服务中心',
      agenda: '1. 研究共建项目\n2. 部署宣传周',
      inviteePersonIds: invitees,
    });
    expect(created.status).toBe(201);
    expect(created.body.invitees).toHaveLength(3);
    const id = created.body.id;

    const att = await street.request('PUT', `/api/meetings/${id}/attendance`, {
      items: [
        { personId: invitees[0], attendance: 'present' },
        { personId: invitees[1], attendance: 'excused' },
      ],
    });
    expect(att.status).toBe(200);
    expect(att.body).toMatchObject({ status: 'held', presentCount: 1 });
    const [stranger] = await t.sql<{ id: number }>('SELECT id FROM people WHERE NOT (id = ANY($1)) LIMIT 1', [
      invitees,
    ]);
    const notInvited = await street.request('PUT', `/api/meetings/${id}/attendance`, {
      items: [{ personId: stranger!.id, attendance: 'present' }],
    });
    expect(notInvited.status).toBe(422);

    const [hospitalOrg] = await t.sql<{ id: number }>(
      "SELECT id FROM party_orgs WHERE name = '北京市石景山医院党委'",
    );
    const res = await street.post(`/api/meetings/${id}/resolutions`, {
      text: '驻区医院每月为社区开展一次义诊',
      task: {
        title: '落实每月义诊排班',
        owner: { kind: 'party_org', id: hospitalOrg!.id },
        dueOn: '2026-12-31',
      },
    });
    expect(res.status).toBe(201);
    const resolution = res.body.resolutions.at(-1);
    expect(resolution.task).toMatchObject({ title: '落实每月义诊排班', status: 'open', overdue: false });

    const minutes = await street.patch(`/api/meetings/${id}`, { minutes: '会议决定驻区医院每月开展义诊。' });
    expect(minutes.body.minutes).toBe('会议决定驻区医院每月开展义诊。');

    const task = await street.get(`/api/tasks/${resolution.task.id}`);
    expect(task.body).toMatchObject({
      owner: { kind: 'party_org', name: '北京市石景山医院党委' },
      source: { meetingId: id, meetingTitle: '第四季度联席会议' },
      regionName: '八角街道',
    });
    const note = await street.post(`/api/tasks/${resolution.task.id}/notes`, {
      text: '已与医院确定首次义诊日期',
      progress: 40,
    });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ status: 'in_progress', progress: 40 });
    expect(note.body.notes[0]).toMatchObject({ text: '已与医院确定首次义诊日期', authorName: '李秀英' });
    const done = await street.patch(`/api/tasks/${resolution.task.id}`, { status: 'done' });
    expect(done.body).toMatchObject({ status: 'done', progress: 100, overdue: false });
  });

  it('flags overdue tasks and lists them first', async () => {
    const res = await street.get('/api/tasks?pageSize=50');
    expect(res.status).toBe(200);
    const flags = res.body.items.map((x: any) => x.overdue);
    expect(flags.indexOf(false) === -1 || flags.lastIndexOf(true) < flags.indexOf(false)).toBe(true);
    const overdue = await street.get('/api/tasks?overdue=true&pageSize=200');
    expect(
      overdue.body.items.every((x: any) => x.overdue && ['open', 'in_progress'].includes(x.status)),
    ).toBe(true);
    const [count] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM tasks t JOIN regions r ON r.id = t.region_id
        WHERE r.path <@ (SELECT path FROM regions WHERE code = '110107003') AND t.status IN ('open', 'in_progress')
          AND t.due_on < (now() AT TIME ZONE 'Asia/Shanghai')::date`,
    );
    expect(overdue.body.total).toBe(count!.n);
  });

  it('lets a task owner report progress on their own task, but not reassign it', async () => {
    const member = await t.as('member');
    const me = (await member.get('/api/auth/me')).body.user.personId;
    const [task] = await t.sql<{ id: number }>('SELECT id FROM tasks ORDER BY id LIMIT 1');
    await t.sql(
      "UPDATE tasks SET owner_kind = 'person', owner_person_id = $1, owner_party_org_id = NULL, owner_unit_id = NULL WHERE id = $2",
      [me, task!.id],
    );
    const note = await member.post(`/api/tasks/${task!.id}/notes`, {
      text: '已完成第一次走访',
      progress: 60,
    });
    expect(note.status).toBe(201);
    expect((await member.patch(`/api/tasks/${task!.id}`, { dueOn: '2030-01-01' })).status).toBe(403);
    const [other] = await t.sql<{ id: number }>(
      'SELECT t.id FROM tasks t WHERE t.owner_person_id IS DISTINCT FROM $1 ORDER BY id DESC LIMIT 1',
      [me],
    );
    expect((await member.post(`/api/tasks/${other!.id}/notes`, { text: 'x' })).status).toBeOneOf([403, 404]);
  });
});
