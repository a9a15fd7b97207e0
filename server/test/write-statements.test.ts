/**
 * A claim, a booking and a sign-up each send a small fixed number of statements (issue #24):
 * the rules' read, then one statement that writes the row, its counter, its audit entry and
 * any bell, and answers. Counted at the pool once the session is remembered, as under load.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statementsSent } from '../src/db/client';
import { addDays, instant, todayIn } from '../src/modules/dedication-days/recurrence';
import { type Client, startTestApp, type TestContext } from './harness';

let t: TestContext;
let member: Client;
let cw: Client;
let bajiaoNorth: number;
const TZ = 'Asia/Shanghai';
const today = todayIn(TZ);

async function counted<T>(run: () => Promise<T>) {
  await member.get('/api/auth/me'); // the session is remembered
  const before = statementsSent();
  const res = await run();
  return { res, sent: statementsSent() - before };
}

beforeAll(async () => {
  t = await startTestApp();
  cw = await t.as('community_worker');
  bajiaoNorth = await t.region('110107003001');
  [member] = (await t.members('stmt', 1, bajiaoNorth)) as [Client];
});
afterAll(() => t.close());

describe('statements per write', () => {
  it('a claim: two, whether it takes the slot, fills the role, or finds it full', async () => {
    const created = await cw.post('/api/projects', {
      title: '认领语句数',
      regionId: bajiaoNorth,
      startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      endsAt: new Date(Date.now() + 4 * 86_400_000).toISOString(),
      roles: [
        { kind: 'health_worker', slots: 5 },
        { kind: 'health_worker', slots: 1 },
      ],
    });
    const p = (await cw.post(`/api/projects/${created.body.id}/transition`, { to: 'published' })).body;
    const claim = (role: number) => member.post(`/api/projects/${p.id}/roles/${role}/claims`, {});
    const first = await counted(() => claim(p.roles[0].id));
    expect(first.res.status).toBe(201);
    expect(first.sent).toBe(2);
    const filling = await counted(() => claim(p.roles[1].id));
    expect(filling.res.status).toBe(201);
    expect(filling.sent).toBe(2);
    const again = await counted(() => claim(p.roles[0].id));
    expect(again.res.body.error.code).toBe('claim_exists');
    expect(again.sent).toBe(2);
  });

  it('a booking: two, with the keepers told, or the slot taken', async () => {
    const contact = await t.as('unit_contact');
    const [{ id: hospital }] = (await t.sql<{ id: number }>(
      "SELECT id FROM units WHERE name = '北京市石景山医院'",
    )) as [{ id: number }];
    const f = (
      await contact.post('/api/facilities', {
        unitId: hospital,
        regionId: bajiaoNorth,
        name: '语句数球场',
        kind: 'sports',
        subKind: 'court',
        capacity: 12,
        openingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '08:00', closes: '21:00' })),
        bookingRules: { needsApproval: true, maxDaysAhead: 60, minNoticeHours: 1 },
      })
    ).body;
    const date = addDays(today, 3);
    const book = (from: string, to: string) =>
      member.post('/api/bookings', {
        facilityId: f.id,
        startsAt: instant(date, from, TZ),
        endsAt: instant(date, to, TZ),
        purpose: '计数',
        people: 4,
      });
    const made = await counted(() => book('10:00', '11:00'));
    expect(made.res.status).toBe(201);
    expect(made.sent).toBe(2);
    const taken = await counted(() => book('10:30', '11:30'));
    expect(taken.res.body.error.code).toBe('booking_overlap');
    expect(taken.sent).toBe(2);
  });

  it('a sign-up: three, for a place or a place in line', async () => {
    const day = (
      await cw.post('/api/dedication-days', {
        regionId: bajiaoNorth,
        title: '报名语句数',
        rrule: 'FREQ=WEEKLY;BYDAY=SU',
        startsOn: addDays(today, 1),
        startTime: '09:00',
        endTime: '11:30',
        place: '社区服务站',
        tasks: [{ title: '植树', capacity: 1 }],
      })
    ).body;
    const [first, second] = (
      await cw.get(`/api/dedication-days/${day.id}/occurrences?from=${today}&to=${addDays(today, 62)}`)
    ).body.items;
    const [other] = (await t.members('stmtother', 1, bajiaoNorth)) as [Client];
    expect((await other.post('/api/signups', { taskId: second.tasks[0].id })).status).toBe(201);
    const signed = await counted(() => member.post('/api/signups', { taskId: first.tasks[0].id }));
    expect(signed.res.body.status).toBe('signed');
    expect(signed.sent).toBe(3);
    const waiting = await counted(() => member.post('/api/signups', { taskId: second.tasks[0].id }));
    expect(waiting.res.body).toMatchObject({ status: 'waiting', position: 1 });
    expect(waiting.sent).toBe(3);
  });
});
