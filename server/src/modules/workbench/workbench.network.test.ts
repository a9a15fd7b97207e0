/**
 * The workbench's meeting and notice kinds: minutes to write once a meeting has taken place (待办,
 * for those who run the body's area), the meetings one is invited to (即将), and the letters
 * delivered lately that one has not opened (待办).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestContext } from '../../../test/harness';
import { runDueJobs } from '../jobs/jobs.service';

let t: TestContext;
let cw: Client; // 八角北路社区
let street: Client; // 八角街道
let elsewhere: Client; // another street's admin
let member: Client; // 张建国, lives in 八角北路社区
let resident: Client;
let councilId: number;
let memberId: number;

const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

beforeAll(async () => {
  t = await startTestApp();
  cw = await t.as('community_worker');
  street = await t.as('street_admin');
  elsewhere = await t.as('street_110107004');
  member = await t.as('member');
  resident = await t.as('resident');
  const [council] = await t.sql<{ id: number }>(
    `SELECT b.id FROM bodies b JOIN regions r ON r.id = b.region_id
      WHERE b.kind = 'coordination_council' AND r.code = '110107003001' AND b.dissolved_on IS NULL`,
  );
  councilId =
    council?.id ??
    (
      await cw.post('/api/bodies', {
        kind: 'coordination_council',
        regionId: await t.region('110107003001'),
        name: '八角北路社区共建协调会',
      })
    ).body.id;
  memberId = (await member.get('/api/auth/me')).body.user.personId;
});
afterAll(() => t.close());

type Item = { id: number; [k: string]: unknown };
type Group = { kind: string; count: number; link: string; items: Item[] };

async function bench(c: Client) {
  const res = await c.get('/api/workbench');
  expect(res.status).toBe(200);
  return res.body as { todos: Group[]; upcoming: (Item & { kind: string })[] };
}
const minuteIds = async (c: Client) =>
  (await bench(c)).todos.find((g) => g.kind === 'meeting.minute')?.items.map((i) => i.id) ?? [];
const upcomingMeetings = async (c: Client) =>
  (await bench(c)).upcoming.filter((u) => u.kind === 'meeting').map((u) => u.id);

async function meeting(title: string, startsAt: string, invitees: number[]) {
  const res = await cw.post('/api/meetings', {
    bodyId: councilId,
    title,
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString(),
    place: '社区党群服务中心会议室',
    inviteePersonIds: invitees,
  });
  expect(res.status).toBe(201);
  return res.body.id as number;
}

describe('meetings on the workbench', () => {
  it('asks those who run the area for the minutes of a meeting held, until they are written', async () => {
    const held = await meeting('居民议事协商会', hoursFromNow(-30), [memberId]);
    const ahead = await meeting('共建项目推进会', hoursFromNow(48), [memberId]);

    const group = (await bench(cw)).todos.find((g) => g.kind === 'meeting.minute');
    expect(group).toMatchObject({ link: '/meetings' });
    expect(group!.items.find((i) => i.id === held)).toMatchObject({
      title: '居民议事协商会',
      link: `/meetings/${held}`,
    });
    expect(await minuteIds(cw)).not.toContain(ahead); // not yet held
    expect(await minuteIds(street)).toContain(held); // the street runs the community too
    for (const other of [elsewhere, member, resident]) expect(await minuteIds(other)).not.toContain(held);

    // The meeting the member is invited to comes up for them, the one already held does not.
    expect(await upcomingMeetings(member)).toContain(ahead);
    expect(await upcomingMeetings(member)).not.toContain(held);
    expect(await upcomingMeetings(resident)).not.toContain(ahead);

    const written = await cw.patch(`/api/meetings/${held}`, { minutes: '议定在楼门口增设公告栏。' });
    expect(written.status).toBe(200);
    expect(await minuteIds(cw)).not.toContain(held);
    expect(await minuteIds(street)).not.toContain(held);

    // A cancelled meeting needs no minutes and is no longer coming.
    expect((await cw.patch(`/api/meetings/${ahead}`, { status: 'cancelled' })).status).toBe(200);
    expect(await upcomingMeetings(member)).not.toContain(ahead);
  });
});

describe('notices on the workbench', () => {
  it('asks a recipient to read a letter delivered lately, until they open it', async () => {
    const bajiaoNorth = await t.region('110107003001');
    const draft = await street.post('/api/notices', {
      kind: 'open_letter',
      title: '致社区党员的一封信（工作台）',
      body: '<p>请参加本月固定奉献日。</p>',
      audience: { regionId: bajiaoNorth, partyOnly: true },
    });
    expect(draft.status).toBe(201);
    expect((await street.post(`/api/notices/${draft.body.id}/publish`)).status).toBe(202);
    await runDueJobs(t.db);

    const reading = async (c: Client) =>
      (await bench(c)).todos.find((g) => g.kind === 'notice.read')?.items.map((i) => i.id) ?? [];
    const group = (await bench(member)).todos.find((g) => g.kind === 'notice.read');
    expect(group).toMatchObject({ link: '/me/inbox' });
    expect(group!.items.find((i) => i.id === draft.body.id)).toMatchObject({
      title: '致社区党员的一封信（工作台）',
      link: `/me/inbox/${draft.body.id}`,
    });
    // Not a recipient (not a Party member; another street): nothing to read.
    for (const other of [resident, elsewhere]) expect(await reading(other)).not.toContain(draft.body.id);

    expect((await member.post(`/api/notices/${draft.body.id}/read`)).status).toBe(200);
    expect(await reading(member)).not.toContain(draft.body.id);
  });
});
