import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestContext } from '../../../test/harness';
import { addDays, todayIn } from '../dedication-days/recurrence';

let t: TestContext;
let cw: Client;
let leader: Client; // 张建国, the demo member, leads the test team
let bajiaoNorth: number;
let zhangId: number;
const soon = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

beforeAll(async () => {
  t = await startTestApp();
  cw = await t.as('community_worker');
  leader = await t.as('member');
  bajiaoNorth = await t.region('110107003001');
  [{ id: zhangId }] = (await t.sql<{ id: number }>("SELECT id FROM people WHERE name = '张建国'")) as [
    { id: number },
  ];
});
afterAll(() => t.close());

async function team(body: Record<string, unknown> = {}) {
  const res = await cw.post('/api/teams', {
    regionId: bajiaoNorth,
    name: `医疗服务队${Math.random().toString(36).slice(2, 6)}`,
    specialty: 'medical',
    description: '为社区老人提供健康咨询',
    recruitment: '招募有医护经验的党员和居民',
    leaderPersonId: zhangId,
    ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const personOf = async (name: string) =>
  (await t.sql<{ id: number }>('SELECT id FROM people WHERE name = $1', [name]))[0]!.id;

describe('teams and joining', () => {
  it('a resident applies; the leader accepts; both sides are told', async () => {
    const tm = await team();
    expect(tm).toMatchObject({
      leader: { id: zhangId, name: '张建国' },
      memberCount: 1,
      can: { edit: true },
    });
    // The leader runs it but does not choose another leader; a resident may do neither.
    expect((await leader.get(`/api/teams/${tm.id}`)).body.can).toEqual({
      edit: true,
      invite: true,
      changeLeader: false,
      seeApplications: true,
      signUpAsTeam: true,
      leave: false,
    });
    expect((await (await t.as('resident')).get(`/api/teams/${tm.id}`)).body.can).toEqual({
      edit: false,
      invite: false,
      changeLeader: false,
      seeApplications: false,
      signUpAsTeam: false,
      leave: false,
    });
    const resident = await t.as('resident');
    const applied = await resident.post(`/api/teams/${tm.id}/members`, { note: '退休护士，愿意帮忙' });
    expect(applied.status).toBe(201);
    expect((await resident.post(`/api/teams/${tm.id}/members`, {})).status).toBe(409);
    expect((await leader.get('/api/notifications')).body.items[0].text).toContain('申请加入');
    // Someone who does not run the team cannot decide.
    const [other] = await t.members('bystander', 1, bajiaoNorth);
    expect(
      (await other!.post(`/api/teams/${tm.id}/members/${applied.body.id}/decide`, { decision: 'accept' }))
        .status,
    ).toBe(403);
    const accepted = await leader.post(`/api/teams/${tm.id}/members/${applied.body.id}/decide`, {
      decision: 'accept',
    });
    expect(accepted.body).toMatchObject({ status: 'active', person: { name: '陈桂兰' } });
    expect((await resident.get('/api/notifications')).body.items[0].text).toContain('您已加入');
    expect((await resident.get(`/api/teams/${tm.id}`)).body).toMatchObject({
      myStatus: 'active',
      memberCount: 2,
      can: { leave: true, edit: false },
    });
    // Outsiders see the active members, but not where they live, and names in full only of
    // the leader (the team's contact); the team's own members know each other.
    const seen = await other!.get(`/api/teams/${tm.id}/members`);
    expect(seen.body.items.every((m: any) => m.homeLabel === '' && m.status === 'active')).toBe(true);
    expect(seen.body.items.map((m: any) => m.person.name).sort()).toEqual(['张建国', '陈*兰'].sort());
    const inside = await resident.get(`/api/teams/${tm.id}/members`);
    expect(inside.body.items.map((m: any) => m.person.name).sort()).toEqual(['张建国', '陈桂兰'].sort());
  });

  it('the leader invites; the invited person answers; organisers of other areas cannot set teams up here', async () => {
    const tm = await team({ specialty: 'legal', name: '法律服务队' });
    const [invitee] = await t.members('invitee', 1, bajiaoNorth);
    const inviteeId = await personOf('invitee党员1');
    const invited = await leader.post(`/api/teams/${tm.id}/invitations`, {
      personId: inviteeId,
      note: '欢迎加入',
    });
    expect(invited.status).toBe(201);
    // The invited person finds their own invitation among the team's members, to answer it.
    const own = await invitee!.get(`/api/teams/${tm.id}/members?status=invited`);
    expect(own.body.items.map((m: any) => m.id)).toEqual([invited.body.id]);
    expect(
      (await leader.post(`/api/teams/${tm.id}/members/${invited.body.id}/decide`, { decision: 'accept' }))
        .status,
    ).toBe(403);
    expect(
      (await invitee!.post(`/api/teams/${tm.id}/members/${invited.body.id}/decide`, { decision: 'accept' }))
        .body.status,
    ).toBe('active');
    const far = await personOf('陈桂兰');
    const gucheng = await t.as('street_110107004');
    expect(
      (
        await gucheng.post('/api/teams', {
          regionId: bajiaoNorth,
          name: '越权服务队',
          specialty: 'legal',
          leaderPersonId: far,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await (
          await t.as('unit_contact')
        ).post('/api/teams', { regionId: bajiaoNorth, name: 'x队', specialty: 'legal', leaderPersonId: far })
      ).status,
    ).toBe(403);
    const leaderFar = await t.sql<{ id: number }>(
      `SELECT p.id FROM people p JOIN regions h ON h.id = p.home_region_id WHERE h.path <@ (SELECT path FROM regions WHERE code = '110107004') LIMIT 1`,
    );
    const outside = await cw.post('/api/teams', {
      regionId: bajiaoNorth,
      name: '外街队长',
      specialty: 'legal',
      leaderPersonId: leaderFar[0]!.id,
    });
    expect(outside.body.error.code).toBe('team_leader_outside');
  });
});

describe('a team claims a role; its members’ hours count for the team', () => {
  it('claims for the team, names members, and the confirmed hours show in the team’s figures', async () => {
    const tm = await team({ name: '巡逻服务队', specialty: 'security' });
    const [m1] = await t.members('patrol', 2, bajiaoNorth);
    const p1 = await personOf('patrol党员1');
    const p2 = await personOf('patrol党员2');
    const inv = await leader.post(`/api/teams/${tm.id}/invitations`, { personId: p1 });
    await m1!.post(`/api/teams/${tm.id}/members/${inv.body.id}/decide`, { decision: 'accept' });
    const project = await cw.post('/api/projects', {
      title: '夜间巡逻',
      regionId: bajiaoNorth,
      startsAt: soon(2),
      endsAt: soon(2.1),
      roles: [{ kind: 'security_patrol', slots: 4, hoursPerSlot: 2 }],
    });
    await cw.post(`/api/projects/${project.body.id}/transition`, { to: 'published' });
    const role = project.body.roles[0];
    // Only who runs the team claims for it.
    expect(
      (
        await m1!.post(`/api/projects/${project.body.id}/roles/${role.id}/claims`, {
          teamId: tm.id,
          slots: 2,
        })
      ).status,
    ).toBe(403);
    const claim = await leader.post(`/api/projects/${project.body.id}/roles/${role.id}/claims`, {
      teamId: tm.id,
      slots: 2,
    });
    expect(claim.status).toBe(201);
    expect(claim.body.claimant).toMatchObject({ kind: 'team', id: tm.id });
    const stranger = await leader.put(`/api/claims/${claim.body.id}/members`, { personIds: [p1, p2] });
    expect(stranger.body.error.code).toBe('team_not_member');
    const named = await leader.put(`/api/claims/${claim.body.id}/members`, { personIds: [zhangId, p1] });
    expect(named.body.members.map((m: any) => m.id)).toEqual([zhangId, p1]);
    await cw.post(`/api/projects/${project.body.id}/transition`, { to: 'in_progress' });
    expect((await cw.post(`/api/claims/${claim.body.id}/hours`, { hours: 2 })).body.error.code).toBe(
      'claim_hours_whose',
    );
    await cw.post(`/api/claims/${claim.body.id}/hours`, { hours: 2, personId: p1 });
    await cw.post(`/api/claims/${claim.body.id}/hours`, { hours: 1.5, personId: zhangId });
    const entries = await t.sql<{ person_id: number; team_id: number; quantity: number }>(
      "SELECT person_id, team_id, quantity::float8 AS quantity FROM ledger_entries WHERE source_type = 'claim' AND source_id = $1 AND kind = 'service_hours' ORDER BY id",
      [claim.body.id],
    );
    expect(entries).toEqual([
      { person_id: p1, team_id: tm.id, quantity: 2 },
      { person_id: zhangId, team_id: tm.id, quantity: 1.5 },
    ]);
    const after = await cw.get(`/api/teams/${tm.id}`);
    expect(after.body).toMatchObject({ hoursYear: 3.5, hoursAll: 3.5 });
    const activities = await cw.get(`/api/teams/${tm.id}/activities`);
    expect(activities.body.items[0]).toMatchObject({ kind: 'claim', title: '夜间巡逻', hours: 3.5 });
  });

  it('the leader puts members forward for a dedication-day task as the team', async () => {
    const tm = await team({ name: '奉献日服务队', specialty: 'gardening' });
    const day = await cw.post('/api/dedication-days', {
      regionId: bajiaoNorth,
      title: '团队奉献日',
      rrule: 'FREQ=WEEKLY;BYDAY=TH',
      startsOn: addDays(todayIn('Asia/Shanghai'), 1),
      startTime: '09:00',
      endTime: '11:00',
      tasks: [{ title: '绿地养护', capacity: 5 }],
    });
    const occ = await cw.get(
      `/api/dedication-days/${day.body.id}/occurrences?from=${todayIn('Asia/Shanghai')}&to=${addDays(todayIn('Asia/Shanghai'), 14)}`,
    );
    const task = occ.body.items[0].tasks[0];
    const res = await leader.post(`/api/teams/${tm.id}/signups`, { taskId: task.id, personIds: [zhangId] });
    expect(res.status).toBe(201);
    expect(res.body.signups[0]).toMatchObject({ status: 'signed', person: { id: zhangId } });
    const again = await leader.post(`/api/teams/${tm.id}/signups`, { taskId: task.id, personIds: [zhangId] });
    expect(again.body.skipped).toEqual([{ personId: zhangId, reason: '您已报名本次奉献日' }]);
    const [row] = await t.sql<{ team_id: number }>('SELECT team_id FROM signups WHERE id = $1', [
      res.body.signups[0].id,
    ]);
    expect(row!.team_id).toBe(tm.id);
  });
});

describe('suggestions and invitations', () => {
  it('ranks people for a role by specialty and nearness, leaves out the busy, says why; an invitation accepted is a claim', async () => {
    const project = await cw.post('/api/projects', {
      title: '健康义诊',
      regionId: bajiaoNorth,
      startsAt: soon(5),
      endsAt: soon(5.1),
      roles: [{ kind: 'health_worker', slots: 3, specialties: ['medical'] }],
    });
    await cw.post(`/api/projects/${project.body.id}/transition`, { to: 'published' });
    const role = project.body.roles[0];
    const list = await cw.get(`/api/teams/suggestions?roleId=${role.id}&limit=10`);
    expect(list.status).toBe(200);
    expect(list.body.length).toBeGreaterThan(0);
    const first = list.body[0];
    expect(first.reasons.length).toBeGreaterThanOrEqual(3);
    expect(first.reasons).toContain('该时段有空');
    // Ranked: specialty matches never increase down the list.
    const matches = list.body.map((s: any) => s.specialtyMatch.length);
    expect([...matches].sort((a, b) => b - a)).toEqual(matches);

    // Someone busy then (a claim at the same time elsewhere) is left out.
    const busyId = first.person.id;
    const other = await cw.post('/api/projects', {
      title: '同时段的另一项目',
      regionId: bajiaoNorth,
      startsAt: soon(5),
      endsAt: soon(5.1),
      roles: [{ kind: 'custom', name: '搬运', slots: 3 }],
    });
    await t.sql(
      `INSERT INTO claims (district_id, project_id, role_id, person_id, slots) VALUES (1, $1, $2, $3, 1)`,
      [other.body.id, other.body.roles[0].id, busyId],
    );
    const again = await cw.get(`/api/teams/suggestions?roleId=${role.id}&limit=10`);
    expect(again.body.map((s: any) => s.person.id)).not.toContain(busyId);

    // 张建国, a medic of the community, is among those suggested; invited, he accepts and so claims the role.
    await t.sql(`UPDATE people SET specialties = '{medical}' WHERE id = $1`, [zhangId]);
    const wide = await cw.get(`/api/teams/suggestions?roleId=${role.id}&limit=50`);
    const zhang = wide.body.find((s: any) => s.person.id === zhangId);
    expect(zhang).toMatchObject({ specialtyMatch: ['medical'], nearness: 'community' });
    expect(zhang.reasons).toContain('特长匹配：医疗卫生');
    const invited = await cw.post('/api/invitations', { roleId: role.id, personId: zhangId });
    expect(invited.status).toBe(201);
    expect((await cw.post('/api/invitations', { roleId: role.id, personId: zhangId })).status).toBe(409);
    const mine = await leader.get('/api/invitations?mine=true');
    expect(mine.body.items[0]).toMatchObject({
      id: invited.body.id,
      status: 'pending',
      kind: 'role',
      title: '健康义诊 · 卫生保健员',
    });
    expect((await leader.get('/api/notifications')).body.items[0].text).toContain('邀请您参加');
    const accepted = await leader.post(`/api/invitations/${invited.body.id}/accept`);
    expect(accepted.body.status).toBe('accepted');
    const detail = await cw.get(`/api/projects/${project.body.id}`);
    expect(detail.body.claims.map((c: any) => c.claimant.name)).toContain('张建国');
    // Having claimed it, he is no longer suggested for it.
    const after = await cw.get(`/api/teams/suggestions?roleId=${role.id}&limit=50`);
    expect(after.body.map((s: any) => s.person.id)).not.toContain(zhangId);
    // Outsiders cannot ask for suggestions or invite here.
    const member = await t.members('outsider', 1, bajiaoNorth);
    expect((await member[0]!.get(`/api/teams/suggestions?roleId=${role.id}`)).status).toBe(403);
    expect((await member[0]!.post('/api/invitations', { roleId: role.id, personId: zhangId })).status).toBe(
      403,
    );
  });
});
