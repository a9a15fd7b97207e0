/**
 * The fixed dedication day on the ground: a member signs up on a phone; the organiser's
 * page shows the rotating QR code; the member's check-in page takes that code, then
 * checks out; the organiser confirms the hours; the member's record shows them.
 */
import { describe, expect, it } from 'vitest';
import { apiCall, baseUrl, DESKTOP, login, openBrowser, PHONE, regionNamed, screenshot } from './browser';
import { eventually, shows } from './wait';

/** Beijing's date and a wall-clock time `minutes` from now, clamped to today. */
function beijing(minutes: number) {
  const at = (ms: number) =>
    new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    })
      .format(ms)
      .split(' ');
  const [today] = at(Date.now());
  const [date, time] = at(Date.now() + minutes * 60_000);
  if (date! < today!) return { date: today!, time: '00:00' };
  if (date! > today!) return { date: today!, time: '23:59' };
  return { date: today!, time: time! };
}

describe('a dedication day, from sign-up to hours', () => {
  it('a member signs up, checks in with the organiser’s code and out; the hours reach the record', async () => {
    const worker = await openBrowser(DESKTOP);
    const member = await openBrowser(PHONE);
    try {
      // Today's day in 八角北路社区, open now, with one task.
      await login(worker.page, 'community_worker');
      const community = await regionNamed(worker.page, '八角北路社区', 'community');
      const from = beijing(-10);
      const to = beijing(80);
      const created = await apiCall(worker.page, 'POST', '/api/dedication-days', {
        regionId: community.id,
        title: '今天的奉献日',
        rrule: 'FREQ=DAILY;COUNT=1',
        startsOn: from.date,
        startTime: from.time,
        endTime: to.time,
        place: '社区服务站',
        tasks: [{ title: '整理社区图书角', capacity: 5 }],
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const occurrence = (
        await apiCall(
          worker.page,
          'GET',
          `/api/dedication-days/${created.body.id}/occurrences?from=${from.date}&to=${from.date}`,
        )
      ).body.items[0];
      const taskId = occurrence.tasks[0].id;

      // The member signs up on a phone.
      await login(member.page, 'member');
      await member.page.goto(`${baseUrl()}/occurrences/${occurrence.id}`);
      await member.page.getByTestId(`signup-task-${taskId}`).click();
      // Signed up, and on the day itself the page points straight to check-in.
      await member.page.getByTestId(`task-go-checkin-${taskId}`).waitFor();
      await shows(member.page.getByTestId(`task-mine-${taskId}`), '已报名');
      await screenshot(member.page, 'dedication-signed-up-phone');

      // The organiser shows the code; the member's check-in page takes what it says.
      await worker.page.goto(`${baseUrl()}/occurrences/${occurrence.id}`);
      await worker.page.getByTestId('checkin-qr-open').click();
      await eventually(() => worker.page.getByTestId('checkin-qr').getAttribute('src')).toMatch(
        /^data:image/,
      );
      const token = (await worker.page.getByTestId('checkin-token').innerText()).trim();
      expect(token).toMatch(new RegExp(`^${occurrence.id}\\.`));
      await screenshot(worker.page, 'dedication-qr');

      await member.page.goto(`${baseUrl()}/checkin?t=${encodeURIComponent(token)}`);
      await eventually(() => member.page.getByTestId('checkin-outcome').getAttribute('data-outcome')).toBe(
        'checked_in',
      );
      await screenshot(member.page, 'dedication-checked-in-phone');
      await member.page.getByTestId('checkin-checkout').click();
      await eventually(() => member.page.getByTestId('checkin-outcome').getAttribute('data-outcome')).toBe(
        'checked_out',
      );

      // The organiser confirms two hours, with why (the check-out came straight after).
      await worker.page.keyboard.press('Escape');
      await worker.page.reload();
      const adjust = worker.page.locator('[data-testid^="signup-adjust-hours-"]').first();
      await adjust.click();
      await worker.page
        .locator('[data-testid="hours-input"] input, input[data-testid="hours-input"]')
        .first()
        .fill('2');
      await worker.page.getByTestId('hours-reason').fill('按实际服务时长确认');
      await worker.page.getByTestId('hours-submit').click();
      const hours = worker.page.locator('[data-testid^="signup-hours-"]').first();
      await shows(hours, '已确认');
      await shows(hours, '2 小时');
      await screenshot(worker.page, 'dedication-hours-confirmed');

      // The member's record shows them.
      await member.page.goto(`${baseUrl()}/me/record`);
      await shows(member.page, '整理社区图书角');
      await eventually(async () =>
        Number(await member.page.getByTestId('record-hours-month').innerText()),
      ).toBeGreaterThanOrEqual(2);
      await screenshot(member.page, 'dedication-record-phone');
    } finally {
      await worker.close();
      await member.close();
    }
  });
});
