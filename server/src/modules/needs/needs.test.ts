import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestContext } from '../../../test/harness';

let t: TestContext;
let cw: Client;
let bajiaoNorth: number;
const soon = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

beforeAll(async () => {
  t = await startTestApp();
  cw = await t.as('community_worker');
  bajiaoNorth = await t.region('110107003001');
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
});
