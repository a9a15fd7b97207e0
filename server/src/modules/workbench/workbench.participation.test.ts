/**
 * The workbench's participation kinds: residents' needs to decide, attendance to record, hours
 * to confirm (待办), and one's own sign-ups and course sessions (即将). Each item shows to those
 * the action would accept, never to others, and leaves once anyone has handled it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestContext } from '../../../test/harness';
import { addDays, todayIn } from '../dedication-days/recurrence';

let t: TestContext;
let cw: Client; // 八角北路社区
let street: Client; // 八角街道
let elsewhere: Client; // another street's admin
let member: Client; // 张建国, lives in 八角北路社区
let resident: Client;
let lecturer: Client;
let lecturerId: number;
let bajiaoNorth: number;
const today = todayIn('Asia/Shanghai');

beforeAll(async () => {
  t = await startTestApp();
  cw = await t.as('community_worker');
  street = await t.as('street_admin');
  elsewhere = await t.as('street_110107004');
  member = await t.as('member');
  resident = await t.as('resident');
  lecturer = await t.as('lecturer');
  bajiaoNorth = await t.region('110107003001');
  lecturerId = (await t.sql<{ id: number }>("SELECT id FROM users WHERE username = 'lecturer'"))[0]!.id;
});
afterAll(() => t.close());

type Group = { kind: string; count: number; link: string; items: { id: number; [k: string]: unknown }[] };

async function bench(c: Client) {
  const res = await c.get('/api/workbench');
  expect(res.status).toBe(200);
  return res.body as { todos: Group[]; upcoming: { kind: string; id: number; [k: string]: unknown }[] };
}

/** The reader's group of this kind (undefined when nothing of it waits). */
const group = async (c: Client, kind: string) => (await bench(c)).todos.find((g) => g.kind === kind);
const itemIds = async (c: Client, kind: string) => (await group(c, kind))?.items.map((i) => i.id) ?? [];
const upcoming = async (c: Client, kind: string) => (await bench(c)).upcoming.filter((u) => u.kind === kind);

describe('need.decide', () => {
  let needId: number;
  const raised = new Date(Date.now() - 400 * 86_400_000).toISOString();

  beforeAll(async () => {
    const need = await resident.post('/api/needs', { title: '单元门禁坏了', category: 'repair' });
    expect(need.status).toBe(201);
    needId = need.body.id;
    // The oldest of the district, so it leads every list it belongs to.
    await t.sql('UPDATE needs SET created_at = $2 WHERE id = $1', [needId, raised]);
  });

  it("shows to its community's organisers, oldest first, opening the need; not to others", async () => {
    for (const c of [cw, street]) {
      const g = (await group(c, 'need.decide'))!;
      expect(g.link).toBe('/needs');
      expect(g.items[0]).toEqual({
        id: needId,
        title: '单元门禁坏了',
        place: '八角北路社区',
        since: raised,
        dueAt: null,
        link: `/needs/${needId}`,
      });
    }
    expect(await itemIds(elsewhere, 'need.decide')).not.toContain(needId);
    expect(await group(resident, 'need.decide')).toBeUndefined();
    expect(await group(member, 'need.decide')).toBeUndefined();
  });

  it('stays while accepted and unanswered; leaves once declined', async () => {
    const before = (await group(cw, 'need.decide'))!.count;
    expect((await cw.post(`/api/needs/${needId}/decision`, { decision: 'accept' })).status).toBe(200);
    expect((await group(cw, 'need.decide'))!.items[0]!.id).toBe(needId);
    const declined = await street.post(`/api/needs/${needId}/decision`, {
      decision: 'decline',
      reason: '已由物业维修',
    });
    expect(declined.status).toBe(200);
    for (const c of [cw, street]) expect(await itemIds(c, 'need.decide')).not.toContain(needId);
    expect((await group(cw, 'need.decide'))?.count ?? 0).toBe(before - 1);
  });
});

describe('attendance.record and course sessions', () => {
  let courseId: number;
  let taught: number; // the lecturer's session, over
  let untaught: number; // a session without a lecturer, over
  let next: number; // the lecturer's session, in two hours
  let enrolmentId: number;
  const at = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
  const ended = [at(-24 * 41), at(-24 * 40)];

  beforeAll(async () => {
    const course = await street.post('/api/courses', {
      kind: 'course',
      title: '楼门长实务课',
      regionId: bajiaoNorth,
      capacity: 10,
      minSessions: 3,
      sessions: [
        { title: '第一讲', lecturerUserId: lecturerId, startsAt: at(-24 * 41 - 2), endsAt: ended[0] },
        { title: '第二讲', startsAt: at(-24 * 40 - 2), endsAt: ended[1] },
        { title: '第三讲', lecturerUserId: lecturerId, startsAt: at(2), endsAt: at(4), place: '社区活动室' },
      ],
    });
    expect(course.status, JSON.stringify(course.body)).toBe(201);
    courseId = course.body.id;
    [taught, untaught, next] = course.body.sessions.map((s: { id: number }) => s.id);
  });

  it('waits for nobody while nobody is enrolled', async () => {
    for (const c of [cw, lecturer]) expect(await itemIds(c, 'attendance.record')).not.toContain(taught);
  });

  it('shows an ended session to its lecturer and the organisers, due at its end; not to others', async () => {
    const res = await member.post(`/api/courses/${courseId}/enrolments`, {});
    expect(res.status).toBe(201);
    enrolmentId = (await member.get(`/api/courses/${courseId}`)).body.mine.enrolmentId;
    const mine = (await group(lecturer, 'attendance.record'))!;
    expect(mine.link).toBe('/courses');
    expect(mine.items.map((i) => i.id)).toEqual([taught]);
    expect(mine.items[0]).toEqual({
      id: taught,
      title: '楼门长实务课 · 第一讲',
      place: '八角北路社区',
      since: ended[0],
      dueAt: ended[0],
      link: `/courses/${courseId}?session=${taught}`,
    });
    for (const c of [cw, street]) {
      const ids = await itemIds(c, 'attendance.record');
      expect(ids).toEqual(expect.arrayContaining([taught, untaught]));
      expect(ids).not.toContain(next);
    }
    expect(await itemIds(elsewhere, 'attendance.record')).not.toContain(taught);
    for (const c of [member, resident]) expect(await group(c, 'attendance.record')).toBeUndefined();
  });

  it('leaves once recorded, by the lecturer or an organiser', async () => {
    const zhang = (await t.sql<{ id: number }>("SELECT id FROM people WHERE name = '张建国'"))[0]!.id;
    const items = [{ personId: zhang, present: true }];
    expect((await lecturer.put(`/api/sessions/${taught}/attendance`, { items })).status).toBe(200);
    expect(await group(lecturer, 'attendance.record')).toBeUndefined();
    expect(await itemIds(cw, 'attendance.record')).toEqual(expect.not.arrayContaining([taught]));
    expect(await itemIds(cw, 'attendance.record')).toContain(untaught);
    expect((await cw.put(`/api/sessions/${untaught}/attendance`, { items })).status).toBe(200);
    for (const c of [cw, street]) {
      const ids = await itemIds(c, 'attendance.record');
      expect(ids).not.toContain(taught);
      expect(ids).not.toContain(untaught);
    }
  });

  it('a coming session is upcoming for those enrolled and its lecturer, until one withdraws', async () => {
    const expected = {
      kind: 'course_session',
      id: next,
      title: '楼门长实务课 · 第三讲',
      place: '社区活动室',
      link: `/courses/${courseId}`,
    };
    for (const c of [member, lecturer])
      expect(await upcoming(c, 'course_session')).toContainEqual(expect.objectContaining(expected));
    for (const c of [resident, cw])
      expect((await upcoming(c, 'course_session')).map((u) => u.id)).not.toContain(next);
    expect((await member.post(`/api/enrolments/${enrolmentId}/withdraw`, {})).status).toBe(200);
    expect((await upcoming(member, 'course_session')).map((u) => u.id)).not.toContain(next);
  });
});

describe('hours.confirm and sign-ups', () => {
  /** A day of 八角北路社区 from tomorrow, every day; its first occurrence. */
  async function firstOccurrence(title: string) {
    const day = await cw.post('/api/dedication-days', {
      regionId: bajiaoNorth,
      title,
      rrule: 'FREQ=DAILY',
      startsOn: addDays(today, 1),
      startTime: '09:00',
      endTime: '11:00',
      place: '社区服务站',
      tasks: [{ title: '清扫楼道', capacity: 5 }],
    });
    expect(day.status, JSON.stringify(day.body)).toBe(201);
    const res = await cw.get(
      `/api/dedication-days/${day.body.id}/occurrences?from=${today}&to=${addDays(today, 3)}`,
    );
    return res.body.items[0] as { id: number; tasks: { id: number }[] };
  }

  /** Moves an occurrence and its tasks to run from `startMin` to `endMin` minutes from now. */
  async function move(occurrenceId: number, startMin: number, endMin: number) {
    for (const table of ['dedication_occurrences', 'dedication_tasks'])
      await t.sql(
        `UPDATE ${table} SET starts_at = now() + make_interval(mins => $2), ends_at = now() + make_interval(mins => $3)
          WHERE ${table === 'dedication_tasks' ? 'occurrence_id' : 'id'} = $1`,
        [occurrenceId, startMin, endMin],
      );
  }

  it('a live sign-up is upcoming once, even withdrawn and made again', async () => {
    const o = await firstOccurrence('即将测试');
    await move(o.id, 60, 180);
    const first = await member.post('/api/signups', { taskId: o.tasks[0]!.id });
    expect(first.status).toBe(201);
    expect((await member.post(`/api/signups/${first.body.id}/withdraw`, {})).status).toBe(200);
    expect((await upcoming(member, 'signup')).map((u) => u.id)).not.toContain(first.body.id);
    const again = await member.post('/api/signups', { taskId: o.tasks[0]!.id });
    expect(again.status).toBe(201);
    const mine = (await upcoming(member, 'signup')).filter((u) => u.link === `/occurrences/${o.id}`);
    expect(mine).toEqual([
      expect.objectContaining({ id: again.body.id, title: '即将测试 · 清扫楼道', place: '社区服务站' }),
    ]);
    expect((await upcoming(resident, 'signup')).map((u) => u.link)).not.toContain(`/occurrences/${o.id}`);
    expect((await upcoming(cw, 'signup')).map((u) => u.link)).not.toContain(`/occurrences/${o.id}`);
  });

  it('hours wait for the organisers once the member checked out or the day is over; they leave once decided', async () => {
    const o = await firstOccurrence('工时测试');
    const signup = await member.post('/api/signups', { taskId: o.tasks[0]!.id });
    expect(signup.status).toBe(201);
    const id = signup.body.id;
    // Under way, nobody checked out: nothing waits yet.
    await move(o.id, -30, 60);
    expect(await itemIds(cw, 'hours.confirm')).not.toContain(id);
    expect((await cw.post(`/api/signups/${id}/check`, { action: 'in' })).status).toBe(200);
    const out = await cw.post(`/api/signups/${id}/check`, { action: 'out' });
    expect(out.status).toBe(200);
    const g = (await group(cw, 'hours.confirm'))!;
    expect(g.link).toBe('/dedication-calendar');
    expect(g.items.find((i) => i.id === id)).toEqual({
      id,
      title: '张建国',
      place: expect.stringMatching(/^工时测试 \d{4}-\d{2}-\d{2}$/),
      since: out.body.checkedOutAt,
      dueAt: null,
      link: `/occurrences/${o.id}`,
    });
    // Over: still waiting, for the organisers of the area only.
    await move(o.id, -180, -60);
    expect(await itemIds(street, 'hours.confirm')).toContain(id);
    expect(await itemIds(elsewhere, 'hours.confirm')).not.toContain(id);
    for (const c of [member, resident, lecturer]) expect(await group(c, 'hours.confirm')).toBeUndefined();
    const confirmed = await street.post(`/api/signups/${id}/hours`, { decision: 'confirm' });
    expect(confirmed.status).toBe(200);
    for (const c of [cw, street]) expect(await itemIds(c, 'hours.confirm')).not.toContain(id);
  });

  it('a no-show waits once the day is over; a cancelled day waits for nothing', async () => {
    const o = await firstOccurrence('缺席测试');
    const signup = await member.post('/api/signups', { taskId: o.tasks[0]!.id });
    const id = signup.body.id;
    await move(o.id, -180, -60);
    const g = (await group(cw, 'hours.confirm'))!;
    expect(g.items.find((i) => i.id === id)?.since).toBeDefined();
    const before = g.count;
    await t.sql("UPDATE dedication_occurrences SET status = 'cancelled', reason = '下雨' WHERE id = $1", [
      o.id,
    ]);
    expect((await group(cw, 'hours.confirm'))?.count ?? 0).toBe(before - 1);
  });
});
