import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestContext } from '../../../test/harness';

let t: TestContext;
let street: Client;
let streetId: number;
let bajiaoNorth: number;

beforeAll(async () => {
  t = await startTestApp();
  street = await t.as('street_admin');
  streetId = await t.region('110107003');
  bajiaoNorth = await t.region('110107003001');
});
afterAll(() => t.close());

const soon = (days: number, hour = 14) => {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(hour - 8, 0, 0, 0);
  return d.toISOString();
};

describe('courses, attendance and completion', () => {
  it('completes with enough sessions attended: a ledger entry and a certificate; only organisers and the lecturer record', async () => {
    const [{ id: lecturer }] = (await t.sql<{ id: number }>(
      "SELECT id FROM users WHERE username = 'lecturer'",
    )) as [{ id: number }];
    const course = await street.post('/api/courses', {
      kind: 'course',
      title: '楼门长培训班',
      regionId: streetId,
      capacity: 2,
      enrolment: 'open',
      minSessions: 2,
      sessions: [
        { title: '第一讲', lecturerUserId: lecturer, startsAt: soon(-14), endsAt: soon(-14, 16) },
        { title: '第二讲', lecturerUserId: lecturer, startsAt: soon(-7), endsAt: soon(-7, 16) },
        { title: '第三讲', startsAt: soon(7), endsAt: soon(7, 16) },
      ],
    });
    expect(course.status, JSON.stringify(course.body)).toBe(201);
    const member = await t.as('member');
    expect((await member.post(`/api/courses/${course.body.id}/enrolments`, {})).status).toBe(201);
    const [a, b] = await t.members('course', 2, bajiaoNorth);
    expect((await a!.post(`/api/courses/${course.body.id}/enrolments`, {})).status).toBe(201);
    const full = await b!.post(`/api/courses/${course.body.id}/enrolments`, {});
    expect(full.status).toBe(409);
    expect(full.body.error.code).toBe('course_full');

    const zhang = (await t.sql<{ id: number }>("SELECT id FROM people WHERE name = '张建国'"))[0]!.id;
    const [s1, s2] = course.body.sessions;
    // A member cannot record; the lecturer records their own session.
    expect(
      (await member.put(`/api/sessions/${s1.id}/attendance`, { items: [{ personId: zhang, present: true }] }))
        .status,
    ).toBe(403);
    const teacher = await t.as('lecturer');
    expect(
      (
        await teacher.put(`/api/sessions/${s1.id}/attendance`, {
          items: [{ personId: zhang, present: true }],
        })
      ).body.present,
    ).toBe(1);
    const outsider = await t.sql<{ id: number }>("SELECT id FROM people WHERE name = '陈桂兰'");
    expect(
      (
        await teacher.put(`/api/sessions/${s2.id}/attendance`, {
          items: [{ personId: outsider[0]!.id, present: true }],
        })
      ).body.error.code,
    ).toBe('course_not_enrolled');
    const mine = async () => (await member.get(`/api/courses/${course.body.id}`)).body.mine;
    expect(await mine()).toMatchObject({ attended: 1, completedAt: null });
    await teacher.put(`/api/sessions/${s2.id}/attendance`, { items: [{ personId: zhang, present: true }] });
    const done = await mine();
    expect(done.completedAt).not.toBeNull();
    const completions = await t.sql<{ quantity: number }>(
      "SELECT quantity::float8 AS quantity FROM ledger_entries WHERE kind = 'course_completed' AND source_id = $1",
      [done.enrolmentId],
    );
    expect(completions).toEqual([{ quantity: 1 }]);
    // A corrected record takes it back, with a correction entry.
    await street.put(`/api/sessions/${s2.id}/attendance`, { items: [{ personId: zhang, present: false }] });
    expect((await mine()).completedAt).toBeNull();
    const net = await t.sql<{ n: number }>(
      "SELECT sum(quantity)::float8 AS n FROM ledger_entries WHERE kind = 'course_completed' AND source_id = $1",
      [done.enrolmentId],
    );
    expect(net[0]!.n).toBe(0);
    await street.put(`/api/sessions/${s2.id}/attendance`, { items: [{ personId: zhang, present: true }] });

    const pdf = await member.request('GET', `/api/enrolments/${done.enrolmentId}/certificate`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(String(pdf.body).startsWith('%PDF')).toBe(true);
    expect((await a!.get(`/api/enrolments/${done.enrolmentId}/certificate`)).status).toBe(404);
  });
});
