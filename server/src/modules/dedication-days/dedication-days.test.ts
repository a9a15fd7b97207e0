import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestContext } from '../../../test/harness';
import { makeCode } from './checkin-code';
import { remindTomorrow, runDedicationJobs } from './dedication-days.jobs';
import { addDays, todayIn } from './recurrence';

let t: TestContext;
let cw: Client;
let bajiaoNorth: number;
const today = todayIn('Asia/Shanghai');

beforeAll(async () => {
  t = await startTestApp();
  cw = await t.as('community_worker');
  bajiaoNorth = await t.region('110107003001');
});
afterAll(() => t.close());

async function dedicationDay(body: Record<string, unknown> = {}, by = cw) {
  const res = await by.post('/api/dedication-days', {
    regionId: bajiaoNorth,
    title: '党员固定奉献日',
    rrule: 'FREQ=MONTHLY;BYDAY=SA;BYSETPOS=2',
    startsOn: today,
    startTime: '09:00',
    endTime: '11:30',
    place: '社区服务站',
    tasks: [
      { title: '清扫楼道', capacity: 10 },
      {
        title: '义诊咨询',
        place: '社区卫生站',
        capacity: 3,
        specialties: ['medical'],
        startTime: '09:30',
        endTime: '11:00',
      },
    ],
    ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** The day's occurrences over the next two months. */
async function occurrencesOf(dayId: number, by = cw) {
  const res = await by.get(
    `/api/dedication-days/${dayId}/occurrences?from=${today}&to=${addDays(today, 62)}`,
  );
  expect(res.status).toBe(200);
  return res.body.items;
}

/** Moves an occurrence (and its tasks) so that it runs from `startMin` to `endMin` minutes from now. */
async function runNow(occurrenceId: number, startMin = -10, endMin = 50) {
  await t.sql(
    `UPDATE dedication_occurrences SET starts_at = now() + make_interval(mins => $2), ends_at = now() + make_interval(mins => $3)
      WHERE id = $1`,
    [occurrenceId, startMin, endMin],
  );
  await t.sql(
    `UPDATE dedication_tasks SET starts_at = now() + make_interval(mins => $2), ends_at = now() + make_interval(mins => $3)
      WHERE occurrence_id = $1`,
    [occurrenceId, startMin, endMin],
  );
}

describe('dedication days', () => {
  it('materialises the occurrences the rule gives, in Beijing time, with the template tasks', async () => {
    const day = await dedicationDay({ exceptions: [] });
    expect(day.upcoming.length).toBeGreaterThan(0);
    const items = await occurrencesOf(day.id);
    expect(items.map((o: any) => o.date)).toEqual(
      day.upcoming.filter((d: string) => d <= addDays(today, 62)),
    );
    const first = items[0];
    // Saturday in Beijing, 9:00 there is 1:00 UTC.
    expect(new Date(`${first.date}T00:00:00Z`).getUTCDay()).toBe(6);
    expect(first.startsAt).toBe(`${first.date}T01:00:00.000Z`);
    expect(first.tasks.map((x: any) => [x.title, x.capacity, x.place])).toEqual([
      ['清扫楼道', 10, '社区服务站'],
      ['义诊咨询', 3, '社区卫生站'],
    ]);
    expect(first.tasks[1].startsAt).toBe(`${first.date}T01:30:00.000Z`);
    const ics = await cw.request('GET', `/api/dedication-days/${day.id}/ical`);
    expect(ics.status).toBe(200);
    expect(ics.body).toContain('RRULE:FREQ=MONTHLY;BYDAY=SA;BYSETPOS=2');
    expect(ics.body).toContain('DTSTART;TZID=Asia/Shanghai:');
  });

  it('the daily job rolls the window on: days past the window are made when it moves', async () => {
    const day = await dedicationDay({ title: '滚动窗口', rrule: 'FREQ=WEEKLY;BYDAY=WE' });
    const before = await occurrencesOf(day.id);
    // As if the window had last moved long ago: the latest days are not made yet.
    const last = before.at(-1);
    await t.sql('DELETE FROM dedication_tasks WHERE occurrence_id = $1', [last.id]);
    await t.sql('DELETE FROM dedication_occurrences WHERE id = $1', [last.id]);
    await t.sql(`UPDATE dedication_days SET materialised_until = $2 WHERE id = $1`, [
      day.id,
      addDays(today, 30),
    ]);
    const ran = await runDedicationJobs(t.db);
    expect(ran?.materialised).toBeGreaterThanOrEqual(1);
    expect((await occurrencesOf(day.id)).map((o: any) => o.date)).toEqual(before.map((o: any) => o.date));
  });

  it('refuses a rule that is not a day-level rule, and tasks outside the day, changing nothing', async () => {
    const [{ n: before }] = (await t.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM dedication_days',
    )) as [{ n: number }];
    const bad = await cw.post('/api/dedication-days', {
      regionId: bajiaoNorth,
      title: '错误规则',
      rrule: 'FREQ=HOURLY',
      startsOn: today,
      startTime: '09:00',
      endTime: '11:00',
      tasks: [{ title: '清扫', capacity: 3 }],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('rule_invalid');
    const outside = await cw.post('/api/dedication-days', {
      regionId: bajiaoNorth,
      title: '任务超时',
      rrule: 'FREQ=WEEKLY;BYDAY=SA',
      startsOn: today,
      startTime: '09:00',
      endTime: '11:00',
      tasks: [{ title: '清扫', capacity: 3, startTime: '10:00', endTime: '12:00' }],
    });
    expect(outside.body.error.code).toBe('dedication_task_outside_day');
    expect((await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM dedication_days'))[0]!.n).toBe(before);
  });

  it('a change moves the future days; a cancelled date is cancelled and those signed up are told', async () => {
    const day = await dedicationDay({
      title: '周六奉献日',
      rrule: 'FREQ=WEEKLY;BYDAY=SA',
      startsOn: addDays(today, 1),
    });
    const [first, second] = await occurrencesOf(day.id);
    const member = await t.as('member');
    const signed = await member.post('/api/signups', { taskId: first.tasks[0].id });
    expect(signed.status).toBe(201);
    // The template's clinic keeps its morning hours: the new afternoon day must take it off.
    const misfit = await cw.patch(`/api/dedication-days/${day.id}`, { startTime: '14:00', endTime: '16:00' });
    expect(misfit.body.error.code).toBe('dedication_task_outside_day');
    // A change of one field leaves the others as they were.
    const renamed = await cw.patch(`/api/dedication-days/${day.id}`, { title: '周六奉献日（改名）' });
    expect(renamed.body).toMatchObject({
      title: '周六奉献日（改名）',
      place: '社区服务站',
      timezone: 'Asia/Shanghai',
    });
    expect(renamed.body.tasks).toHaveLength(2);
    const changed = await cw.patch(`/api/dedication-days/${day.id}`, {
      startTime: '14:00',
      endTime: '16:00',
      tasks: [{ title: '清扫楼道', capacity: 10 }],
      exceptions: [{ date: first.date, reason: '社区活动冲突' }],
    });
    expect(changed.status).toBe(200);
    const after = await occurrencesOf(day.id);
    const firstAfter = after.find((o: any) => o.id === first.id);
    expect(firstAfter.status).toBe('cancelled');
    expect(firstAfter.reason).toBe('奉献日规则调整，本日取消');
    // A day nobody signed up for is made again from the new hours and template.
    const secondAfter = after.find((o: any) => o.date === second.date);
    expect(secondAfter.startsAt).toBe(`${second.date}T06:00:00.000Z`);
    expect(secondAfter.tasks.map((x: any) => x.title)).toEqual(['清扫楼道']);
    expect((await member.get('/api/notifications')).body.items[0].text).toContain('已取消');
  });

  it('only organisers of the area set and run dedication days', async () => {
    const day = await dedicationDay({ title: '权限测试' });
    const [o] = await occurrencesOf(day.id);
    const member = await t.as('member');
    const contact = await t.as('unit_contact');
    expect((await contact.post('/api/dedication-days', { ...day, regionId: bajiaoNorth })).status).toBe(403);
    expect((await member.get(`/api/occurrences/${o.id}/checkin-code`)).status).toBe(403);
    expect((await member.patch(`/api/dedication-days/${day.id}`, { title: '改名' })).status).toBe(403);
    const otherStreet = await t.as('street_110107004');
    expect((await otherStreet.patch(`/api/dedication-days/${day.id}`, { title: '改名' })).status).toBe(403);
    expect((await otherStreet.post(`/api/occurrences/${o.id}/cancel`, { reason: '越权取消' })).status).toBe(
      403,
    );
    expect((await otherStreet.get(`/api/occurrences/${o.id}/checkin-code`)).status).toBe(403);
    expect((await t.anonymous().get(`/api/occurrences/${o.id}`)).status).toBe(401);
  });
});

describe('sign-ups', () => {
  it('100 concurrent sign-ups for 10 places: 10 signed up, the rest wait in order; a withdrawal promotes the first', async () => {
    const day = await dedicationDay({
      title: '并发报名',
      rrule: 'FREQ=WEEKLY;BYDAY=SU',
      startsOn: addDays(today, 1),
      tasks: [{ title: '植树', capacity: 10 }],
    });
    const [o] = await occurrencesOf(day.id);
    const task = o.tasks[0];
    const clients = await t.members('sign', 100, bajiaoNorth);
    const results = await Promise.all(clients.map((c) => c.post('/api/signups', { taskId: task.id })));
    expect(results.every((r) => r.status === 201)).toBe(true);
    const signed = results.filter((r) => r.body.status === 'signed');
    const waiting = results.filter((r) => r.body.status === 'waiting');
    expect(signed).toHaveLength(10);
    expect(waiting).toHaveLength(90);
    // In line in the order they came: positions 1…90, following the order of arrival.
    const line = waiting.map((r) => r.body).sort((a, b) => a.id - b.id);
    expect(line.map((s) => s.position)).toEqual(Array.from({ length: 90 }, (_, i) => i + 1));
    const [counter] = await t.sql<{ signed: number }>('SELECT signed FROM dedication_tasks WHERE id = $1', [
      task.id,
    ]);
    expect(counter!.signed).toBe(10);

    const leaver = clients[results.indexOf(signed[0]!)]!;
    expect((await leaver.post(`/api/signups/${signed[0]!.body.id}/withdraw`)).body.status).toBe('withdrawn');
    const firstInLine = clients[results.findIndex((r) => r.body.id === line[0]!.id)]!;
    const promoted = await firstInLine.get(`/api/signups?mine=true`);
    expect(promoted.body.items[0]).toMatchObject({ id: line[0]!.id, status: 'signed', position: null });
    expect((await firstInLine.get('/api/notifications')).body.items[0].text).toContain('从候补转为正式报名');
    const second = clients[results.findIndex((r) => r.body.id === line[1]!.id)]!;
    expect((await second.get('/api/signups?mine=true')).body.items[0].position).toBe(1);
    const detail = await cw.get(`/api/occurrences/${o.id}`);
    expect(detail.body.tasks[0]).toMatchObject({ signed: 10, waiting: 89 });
  });

  it('a member signs up only where they may serve, once per day', async () => {
    const zhongli = await t.region('110107003002');
    const street = await t.as('street_admin');
    const day = await dedicationDay(
      { regionId: zhongli, title: '中里社区奉献日', startsOn: addDays(today, 1) },
      street,
    );
    const [o] = await occurrencesOf(day.id, street);
    const member = await t.as('member');
    const refused = await member.post('/api/signups', { taskId: o.tasks[0].id });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('signup_out_of_reach');
    const home = await dedicationDay({ title: '一天一次', startsOn: addDays(today, 1) });
    const [h] = await occurrencesOf(home.id);
    expect((await member.post('/api/signups', { taskId: h.tasks[0].id })).status).toBe(201);
    const twice = await member.post('/api/signups', { taskId: h.tasks[1].id });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('signup_exists');
    expect((await cw.post('/api/signups', { taskId: h.tasks[0].id })).status).toBe(403);
  });

  it('a sign-up withdrawn and made again reads once in one’s own list, as the one that stands', async () => {
    const day = await dedicationDay({ title: '改了主意', startsOn: addDays(today, 1) });
    const [o] = await occurrencesOf(day.id);
    const member = await t.as('member');
    const first = await member.post('/api/signups', { taskId: o.tasks[0].id });
    expect((await member.post(`/api/signups/${first.body.id}/withdraw`)).body.status).toBe('withdrawn');
    const again = await member.post('/api/signups', { taskId: o.tasks[1].id });
    expect(again.status).toBe(201);
    const mine = (await member.get('/api/signups?mine=true&pageSize=100')).body.items.filter(
      (s: any) => s.occurrenceId === o.id,
    );
    expect(mine.map((s: any) => [s.id, s.status])).toEqual([[again.body.id, again.body.status]]);
    // The organisers still see both, the withdrawal among them.
    const all = (await cw.get(`/api/signups?occurrenceId=${o.id}&pageSize=100`)).body.items;
    expect(all.map((s: any) => s.id).sort()).toEqual([first.body.id, again.body.id].sort());
  });

  it('reminds those signed up the day before, once', async () => {
    const day = await dedicationDay({
      title: '提醒测试',
      rrule: 'FREQ=WEEKLY;BYDAY=MO',
      startsOn: addDays(today, 1),
    });
    const [o] = await occurrencesOf(day.id);
    const member = await t.as('member');
    await member.post('/api/signups', { taskId: o.tasks[0].id });
    await runNow(o.id, 20 * 60, 22 * 60);
    expect(await remindTomorrow(t.db)).toBeGreaterThanOrEqual(1);
    const notes = (await member.get('/api/notifications')).body.items.map((n: any) => n.text);
    expect(notes.filter((n: string) => n.includes('提醒测试'))).toHaveLength(1);
    await remindTomorrow(t.db);
    const again = (await member.get('/api/notifications')).body.items.map((n: any) => n.text);
    expect(again.filter((n: string) => n.includes('提醒测试'))).toHaveLength(1);
  });
});

describe('check-in and hours', () => {
  let occurrence: any;
  let member: Client;
  let signupId: number;

  beforeAll(async () => {
    const day = await dedicationDay({
      title: '签到测试',
      rrule: 'FREQ=WEEKLY;BYDAY=TU',
      startsOn: addDays(today, 1),
    });
    [occurrence] = await occurrencesOf(day.id);
    member = await t.as('member');
    const s = await member.post('/api/signups', { taskId: occurrence.tasks[0].id });
    signupId = s.body.id;
  });

  it('refuses a scan before the window opens', async () => {
    const code = await cw.get(`/api/occurrences/${occurrence.id}/checkin-code`);
    expect(code.status).toBe(200);
    expect(code.body.url).toContain(`/checkin?t=${encodeURIComponent(code.body.token)}`);
    const early = await member.post('/api/checkins', { token: code.body.token });
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('checkin_outside_window');
  });

  it('the same code scanned twice, and by two devices at once, checks in once', async () => {
    await runNow(occurrence.id, -10, 50);
    const { token } = (await cw.get(`/api/occurrences/${occurrence.id}/checkin-code`)).body;
    const phone2 = await t.as('member');
    const [a, b] = await Promise.all([
      member.post('/api/checkins', { token }),
      phone2.post('/api/checkins', { token }),
    ]);
    expect([a.body.outcome, b.body.outcome].sort()).toEqual(['already_in', 'checked_in']);
    const again = await member.post('/api/checkins', { token });
    expect(again.body.outcome).toBe('already_in');
    const audits = await t.sql(
      "SELECT 1 FROM audit_log WHERE entity_type = 'signup' AND entity_id = $1 AND action = 'signup.check_in'",
      [String(signupId)],
    );
    expect(audits).toHaveLength(1);
    expect(a.body.signup.checkedBy ?? b.body.signup.checkedBy).toBe('qr');
  });

  it('refuses an expired or forged code, and a member not signed up (offering the day to join)', async () => {
    const old = await makeCode(t.db, 1, occurrence.id, Date.now() - 90_000);
    const expired = await member.post('/api/checkins', { token: old.token });
    expect(expired.status).toBe(422);
    expect(expired.body.error.code).toBe('checkin_code_invalid');
    const { token } = (await cw.get(`/api/occurrences/${occurrence.id}/checkin-code`)).body;
    const forged = `${token.slice(0, -3)}abc`;
    expect((await member.post('/api/checkins', { token: forged })).body.error.code).toBe(
      'checkin_code_invalid',
    );
    const [stranger] = await t.members('walkin', 1, bajiaoNorth);
    const notSigned = await stranger!.post('/api/checkins', { token });
    expect(notSigned.status).toBe(422);
    expect(notSigned.body.error).toMatchObject({
      code: 'checkin_not_signed_up',
      details: [{ path: 'occurrenceId', message: String(occurrence.id) }],
    });
    // Joining on the spot when there is room, then the same code checks in.
    expect((await stranger!.post('/api/signups', { taskId: occurrence.tasks[0].id })).body.status).toBe(
      'signed',
    );
    expect((await stranger!.post('/api/checkins', { token })).body.outcome).toBe('checked_in');
  });

  it('hours from check-in to check-out, capped at the task; confirming twice writes one ledger entry', async () => {
    // Checked in 40 minutes ago for a task of one hour; out now.
    await t.sql(`UPDATE signups SET checked_in_at = now() - interval '40 minutes' WHERE id = $1`, [signupId]);
    const { token } = (await cw.get(`/api/occurrences/${occurrence.id}/checkin-code`)).body;
    const out = await member.post('/api/checkins', { token, action: 'out' });
    expect(out.body.outcome).toBe('checked_out');
    expect(out.body.signup.computedHours).toBeCloseTo(0.7, 1);
    await t.sql(`UPDATE signups SET checked_in_at = now() - interval '3 hours' WHERE id = $1`, [signupId]);
    const capped = (await member.get('/api/signups?mine=true')).body.items.find(
      (s: any) => s.id === signupId,
    );
    expect(capped.computedHours).toBe(1);

    expect(
      (await cw.post(`/api/signups/${signupId}/hours`, { decision: 'confirm', hours: 2 })).body.error.code,
    ).toBe('hours_reason_needed');
    const first = await cw.post(`/api/signups/${signupId}/hours`, { decision: 'confirm' });
    expect(first.body).toMatchObject({ hours: 1, hoursStatus: 'confirmed' });
    await cw.post(`/api/signups/${signupId}/hours`, { decision: 'confirm' });
    const entries = await t.sql<{ quantity: number }>(
      "SELECT quantity::float8 AS quantity FROM ledger_entries WHERE source_type = 'signup' AND source_id = $1",
      [signupId],
    );
    expect(entries).toEqual([{ quantity: 1 }]);
    const record = await member.get('/api/ledger?kind=service_hours&pageSize=5');
    expect(record.body.items[0]).toMatchObject({ quantity: 1, source: { type: 'signup' } });
    expect(record.body.items[0].source.label).toContain('签到测试');
    // Rejected after all, with a reason: the ledger is corrected, not edited.
    const rejected = await cw.post(`/api/signups/${signupId}/hours`, {
      decision: 'reject',
      reason: '提前离开未服务',
    });
    expect(rejected.body.hoursStatus).toBe('rejected');
    const net = await t.sql<{ n: number }>(
      "SELECT sum(quantity)::float8 AS n, count(*)::int AS c FROM ledger_entries WHERE source_type = 'signup' AND source_id = $1",
      [signupId],
    );
    expect(net[0]).toEqual({ n: 0, c: 2 });
  });

  it('the organiser checks in by hand; members cannot', async () => {
    const [s] = await t.sql<{ id: number }>(
      `SELECT s.id FROM signups s JOIN people p ON p.id = s.person_id WHERE s.occurrence_id = $1 AND p.name LIKE 'walkin%'`,
      [occurrence.id],
    );
    expect((await member.post(`/api/signups/${s!.id}/check`, { action: 'out' })).status).toBe(403);
    const out = await cw.post(`/api/signups/${s!.id}/check`, { action: 'out' });
    expect(out.status).toBe(200);
    expect(out.body.checkedOutAt).not.toBeNull();
  });
});
