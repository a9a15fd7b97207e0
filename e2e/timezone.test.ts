/**
 * Times are the district's (issue #23): with the browser's clock in New York, every page shows an
 * event at the wall-clock time it has in Beijing — the dedication-day rule list, the calendar, the
 * occurrence, the member's workbench and sign-ups, a project's card and page, a booking, a meeting,
 * the record — and a time typed into a form there (a booking, a meeting at 14:00) is stored and
 * shown as 14:00 Beijing time.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  apiCall,
  apiGet,
  baseUrl,
  DESKTOP,
  login,
  openBrowser,
  PHONE,
  pick,
  regionNamed,
  screenshot,
  screenshotOpenPages,
} from './browser';
import { eventually, shows } from './wait';

/** Twelve or thirteen hours behind Beijing: a morning there is the evening before here. */
const FOREIGN = { timezoneId: 'America/New_York' };

/** A date `days` from now, as a calendar in `timeZone` reads it (YYYY-MM-DD). */
const dateIn = (timeZone: string, days = 0, at = Date.now()) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone }).format(at + days * 86_400_000);
const beijingDate = (days: number) => dateIn('Asia/Shanghai', days);
/** An instant as a wall clock in `timeZone` reads it: YYYY-MM-DD HH:mm. */
const wallIn = (timeZone: string, at: number) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(at);
/** The instant of a Beijing wall-clock time on a Beijing date. */
const beijing = (date: string, time: string) => Date.parse(`${date}T${time}:00+08:00`);

/** Types a date and time into an antd DatePicker and confirms it, as a person at a keyboard does. */
async function typeDate(page: Page, testId: string, value: string) {
  // antd puts the test id on the input itself, or on the picker around it.
  const input = page
    .getByTestId(testId)
    .locator('input')
    .first()
    .or(page.locator(`input[data-testid="${testId}"]`))
    .first();
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

describe('times in the district’s zone, whatever the browser’s clock', () => {
  it('one dedication day and one project read the same on every page of a browser in New York', async () => {
    const worker = await openBrowser(DESKTOP, FOREIGN);
    const member = await openBrowser(PHONE, FOREIGN);
    const day = beijingDate(3);
    const title = '时区核对奉献日';
    try {
      // The browser's own clock is New York's: without the district's zone these pages read 20:10.
      expect(await worker.page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(
        'America/New_York',
      );
      await login(worker.page, 'community_worker');
      const community = await regionNamed(worker.page, '八角北路社区', 'community');
      const created = await apiCall(worker.page, 'POST', '/api/dedication-days', {
        regionId: community.id,
        title,
        rrule: 'FREQ=DAILY;COUNT=1',
        startsOn: day,
        startTime: '09:10',
        endTime: '11:40',
        place: '社区服务站',
        tasks: [{ title: '核对时间', capacity: 5 }],
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      // Made without a zone: the district's.
      expect(created.body.timezone).toBe('Asia/Shanghai');
      const occurrence = (
        await apiGet(worker.page, `/api/dedication-days/${created.body.id}/occurrences?from=${day}&to=${day}`)
      ).items[0];
      expect(Date.parse(occurrence.startsAt)).toBe(beijing(day, '09:10'));
      const taskId = occurrence.tasks[0].id;

      // The rule list says the rule's hours …
      await worker.page.goto(`${baseUrl()}/dedication-days?q=${encodeURIComponent(title)}`);
      await shows(worker.page.getByTestId(`dedication-row-${created.body.id}`), '09:10–11:40');
      // … and the calendar puts the occurrence on that Beijing day at the same hours.
      await worker.page.goto(`${baseUrl()}/dedication-calendar?view=week&date=${day}`);
      const card = worker.page
        .getByTestId(`dedication-day-${day}`)
        .getByTestId(`occurrence-card-${occurrence.id}`);
      await shows(card, '09:10–11:40');
      // The occurrence's own page.
      await worker.page.goto(`${baseUrl()}/occurrences/${occurrence.id}`);
      await shows(worker.page.getByTestId('occurrence-detail'), day);
      await shows(worker.page.getByTestId('occurrence-detail'), '09:10–11:40');

      // The member signs up on a phone in New York; the workbench and their days say 09:10 too.
      await login(member.page, 'member');
      await member.page.goto(`${baseUrl()}/occurrences/${occurrence.id}`);
      await member.page.getByTestId(`signup-task-${taskId}`).click();
      await shows(member.page.getByTestId(`task-mine-${taskId}`), '已报名');
      await member.page.goto(`${baseUrl()}/`);
      const next = member.page.locator('[data-testid^="upcoming-signup-"]', { hasText: title }).first();
      await shows(next, day.slice(5));
      await shows(next, '09:10–11:40');
      await member.page.goto(`${baseUrl()}/me/dedication`);
      const mine = member.page.getByTestId('my-upcoming').locator('[data-testid^="my-signup-"]', {
        hasText: title,
      });
      await shows(mine.first(), '09:10–11:40');

      // A project from 14:20 to 16:50 Beijing time: its card and its page say so.
      const projectDay = beijingDate(4);
      const project = await apiCall(worker.page, 'POST', '/api/projects', {
        title: '时区核对项目',
        regionId: community.id,
        startsAt: `${projectDay}T14:20:00+08:00`,
        endsAt: `${projectDay}T16:50:00+08:00`,
        roles: [{ kind: 'health_worker', slots: 2 }],
      });
      expect(project.status, JSON.stringify(project.body)).toBe(201);
      const published = await apiCall(worker.page, 'POST', `/api/projects/${project.body.id}/transition`, {
        to: 'published',
      });
      expect(published.status).toBe(200);
      await worker.page.goto(`${baseUrl()}/projects?q=${encodeURIComponent('时区核对项目')}`);
      const row = worker.page.getByTestId(`project-row-${project.body.id}`);
      await shows(row, `${projectDay.slice(5)} 14:20–16:50`);
      await worker.page.goto(`${baseUrl()}/projects/${project.body.id}`);
      await shows(worker.page.locator('body'), `${projectDay.slice(5)} 14:20–16:50`);

      // The record: an entry made on a Beijing morning (the evening before in New York) is
      // dated as Beijing dates it.
      const me = await apiGet(member.page, '/api/auth/me');
      expect(me.timeZone).toBe('Asia/Shanghai');
      const entries = (
        await apiGet(member.page, `/api/ledger?personId=${me.user.personId}&page=1&pageSize=20`)
      ).items as { id: number; at: string }[];
      const morning = entries.find(
        (e) =>
          dateIn('Asia/Shanghai', 0, Date.parse(e.at)) !== dateIn('America/New_York', 0, Date.parse(e.at)),
      );
      expect(morning, 'an entry whose Beijing date is not New York’s').toBeDefined();
      await member.page.goto(`${baseUrl()}/me/record`);
      await shows(
        member.page.getByTestId(`record-entry-${morning!.id}`),
        dateIn('Asia/Shanghai', 0, Date.parse(morning!.at)),
      );
    } catch (e) {
      // The pages close below, before the suite's own failure pictures are taken.
      await screenshotOpenPages('timezone-dedication-and-project');
      throw e;
    } finally {
      await worker.close();
      await member.close();
    }
  });

  it('a booking and a meeting entered at 14:00 in New York are 14:00 in Beijing, stored and shown', async () => {
    const resident = await openBrowser(PHONE, FOREIGN);
    const street = await openBrowser(DESKTOP, FOREIGN);
    const day = beijingDate(5);
    try {
      // A resident finds a venue free from 14:00 to 16:00 that day and books it in two taps.
      await login(resident.page, 'resident');
      await resident.page.goto(`${baseUrl()}/facilities/find?date=${day}&start=14:00&end=16:00`);
      const card = resident.page.locator('[data-testid^="free-facility-"]').first();
      await card.waitFor();
      const facilityId = (await card.getAttribute('data-testid'))!.replace('free-facility-', '');
      await resident.page.getByTestId(`free-book-${facilityId}`).click();
      await shows(resident.page.getByTestId('quick-book-sheet'), '14:00–16:00');
      await resident.page.getByTestId('quick-book-confirm').click();
      const booked = async () =>
        (await apiGet(resident.page, `/api/bookings?mine=true&facilityId=${facilityId}`)).items.find(
          (b: { startsAt: string }) => Date.parse(b.startsAt) === beijing(day, '14:00'),
        );
      await eventually(async () => (await booked())?.endsAt).toBeDefined();
      const booking = await booked();
      expect(Date.parse(booking.endsAt)).toBe(beijing(day, '16:00'));
      await resident.page.goto(`${baseUrl()}/me/bookings`);
      await shows(resident.page.getByTestId(`booking-row-${booking.id}`), `${day} `);
      await shows(resident.page.getByTestId(`booking-row-${booking.id}`), '14:00–16:00');

      // The street admin schedules a meeting at 14:00, typed into the form.
      await login(street.page, 'street_admin');
      await street.page.goto(`${baseUrl()}/bodies?kind=joint_conference`);
      const bodyRow = street.page
        .locator('[data-testid^="body-row-"]', { hasText: '八角街道社区党建联席会' })
        .first();
      await bodyRow.waitFor();
      const bodyId = (await bodyRow.getAttribute('data-testid'))!.replace('body-row-', '');
      await street.page.goto(`${baseUrl()}/bodies/${bodyId}?tab=meetings`);
      await street.page.getByTestId('meeting-create').click();
      await street.page.getByTestId('meeting-title').fill('时区核对会议');
      await typeDate(street.page, 'meeting-starts', `${day} 14:00`);
      await street.page.getByTestId('meeting-place').fill('八角街道党群服务中心');
      await street.page.getByTestId('meeting-form-submit').click();
      await street.page.getByTestId('meeting-detail').waitFor();
      await shows(street.page.getByTestId('meeting-detail'), `${day} 14:00`);
      const meetingId = /\/meetings\/(\d+)/.exec(street.page.url())![1];
      const meeting = await apiGet(street.page, `/api/meetings/${meetingId}`);
      expect(Date.parse(meeting.startsAt)).toBe(beijing(day, '14:00'));
    } catch (e) {
      await screenshotOpenPages('timezone-booking-and-meeting');
      throw e;
    } finally {
      await resident.close();
      await street.close();
    }
  });

  it('the district admin sets the zone on the district’s node; pages follow it, whatever the browser', async () => {
    const admin = await openBrowser(DESKTOP);
    try {
      await login(admin.page, 'district_admin');
      const me = await apiGet(admin.page, '/api/auth/me');
      await admin.page.goto(`${baseUrl()}/regions?id=${me.user.districtId}`);
      const card = admin.page.getByTestId('district-settings');
      await shows(card, 'Asia/Shanghai');
      await shows(card, '全区设置');
      await screenshot(admin.page, 'district-settings');
      // A meeting at 14:00 Beijing time reads 01:00 (or 02:00 in summer) once the district keeps New York's time.
      const day = beijingDate(6);
      const meetings = await apiGet(admin.page, `/api/meetings?pageSize=1`);
      const bodyId = meetings.items[0].bodyId;
      const meeting = await apiCall(admin.page, 'POST', '/api/meetings', {
        bodyId,
        title: '时区设置核对会议',
        startsAt: `${day}T14:00:00+08:00`,
        place: '区委党群服务中心',
      });
      expect(meeting.status, JSON.stringify(meeting.body)).toBe(201);
      await pick(admin.page, 'district-time-zone-select', 'America/New_York', 'America/New_York');
      await admin.page.getByTestId('district-time-zone-save').click();
      await shows(admin.page.getByTestId('district-time-zone'), 'America/New_York');
      expect((await apiGet(admin.page, '/api/district/settings')).timeZone).toBe('America/New_York');
      await admin.page.goto(`${baseUrl()}/meetings/${meeting.body.id}`);
      await shows(
        admin.page.getByTestId('meeting-detail'),
        wallIn('America/New_York', beijing(day, '14:00')),
      );
    } finally {
      // Back to Beijing for every other test, whatever happened above.
      const back = await apiCall(admin.page, 'PUT', '/api/district/settings', { timeZone: 'Asia/Shanghai' });
      expect(back.status).toBe(200);
      await admin.close();
    }
  });
});
