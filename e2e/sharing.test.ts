/**
 * Resource sharing, end to end: a resident finds a free sports venue for Saturday morning
 * on a phone and asks for it; the owning unit's contact approves it; the slot shows as
 * taken in the week; after an evening's use is recorded, the unit's shared hours rise; the
 * contact then books a venue for the unit with the defaults.
 */
import { describe, expect, it } from 'vitest';
import { apiGet, baseUrl, DESKTOP, login, openBrowser, PHONE, screenshot } from './browser';
import { eventually, shows } from './wait';

const FACILITY = '北京市石景山医院职工活动中心';

/** A GET from inside a signed-in page. */

/** The Saturday at least two days ahead, in Beijing: past the facility's 24-hour notice. */
function saturday() {
  const day = (ms: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(ms);
  for (let d = 2; ; d++) {
    const date = day(Date.now() + d * 86_400_000);
    if (new Date(`${date}T00:00:00Z`).getUTCDay() === 6) return date;
  }
}

describe('a unit’s venue shared with a resident', () => {
  it('found free on a phone, approved by the unit, taken in the week; used hours count for the unit', async () => {
    const resident = await openBrowser(PHONE);
    const contact = await openBrowser(DESKTOP);
    const date = saturday();
    try {
      // The resident looks for a sports venue free on Saturday 9–11 and asks for it.
      await login(resident.page, 'resident');
      await resident.page.goto(`${baseUrl()}/facilities/find?date=${date}&start=09:00&end=11:00&kind=sports`);
      const card = resident.page.locator('[data-testid^="free-facility-"]', { hasText: FACILITY }).first();
      await card.waitFor();
      const facilityId = (await card.getAttribute('data-testid'))!.replace('free-facility-', '');
      await screenshot(resident.page, 'sharing-find-phone');
      await resident.page.getByTestId(`free-book-${facilityId}`).click();
      await resident.page.getByTestId('quick-book-confirm').click();
      // Their booking of this Saturday morning (other tests may have booked the venue on other days).
      const start = Date.parse(`${date}T09:00:00+08:00`);
      const mine = async () =>
        (await apiGet(resident.page, `/api/bookings?mine=true&facilityId=${facilityId}`)).items.find(
          (b: { startsAt: string }) => Date.parse(b.startsAt) === start,
        );
      await eventually(async () => (await mine())?.status).toBe('pending');
      const booking = await mine();

      // The hospital's contact approves it from the inbox.
      await login(contact.page, 'unit_contact');
      await contact.page.goto(`${baseUrl()}/bookings/inbox`);
      await contact.page.getByTestId(`booking-approve-${booking.id}`).click();
      await eventually(() => contact.page.getByTestId(`booking-approve-${booking.id}`).count()).toBe(0);
      await screenshot(contact.page, 'sharing-inbox');

      // The slot shows as taken in that week.
      await resident.page.goto(`${baseUrl()}/facilities/${facilityId}?week=${date}`);
      // On a phone the week is a list of days; Saturday's 9–11 reads as taken.
      const saturdayRows = resident.page.getByTestId(`day-${date}`).locator('[data-state="confirmed"]');
      await eventually(() => saturdayRows.count()).toBeGreaterThan(0);
      await shows(saturdayRows.first(), '09:00–11:00');
      expect((await mine()).status).toBe('confirmed');
      await screenshot(resident.page, 'sharing-week-phone');

      // Yesterday's choir evening is recorded as used: the hospital's shared hours rise.
      const unitId = (await apiGet(contact.page, '/api/auth/me')).roles.find(
        (r: any) => r.role === 'unit_contact',
      ).unitId;
      const shared = async () =>
        (await apiGet(contact.page, `/api/ledger/record?unitId=${unitId}`)).totals.byKind.find(
          (k: any) => k.kind === 'facility_hours_shared',
        ).all as number;
      const before = await shared();
      await contact.page.goto(`${baseUrl()}/bookings/inbox`);
      await contact.page.getByTestId('inbox-tab').getByText('待登记使用').click();
      // In the list of that tab, not in the one it replaces.
      const row = contact.page
        .getByTestId('inbox-to-record')
        .locator('[data-testid^="booking-row-"]', { hasText: '社区合唱团排练' })
        .first();
      const usedId = (await row.getAttribute('data-testid'))!.replace('booking-row-', '');
      await contact.page.getByTestId(`booking-use-${usedId}`).click();
      await contact.page.getByTestId('booking-use-submit').click();
      await eventually(shared).toBe(before + 2);
      await screenshot(contact.page, 'sharing-use-recorded');

      // The contact's account is the unit's alone: a venue it finds is booked in the unit's
      // name with the defaults, without a switch to find first.
      await contact.page.goto(`${baseUrl()}/facilities/find?date=${date}&start=14:00&end=16:00`);
      const free = contact.page.locator('[data-testid^="free-facility-"]').first();
      await free.waitFor();
      const freeId = (await free.getAttribute('data-testid'))!.replace('free-facility-', '');
      await contact.page.getByTestId(`free-book-${freeId}`).click();
      await shows(contact.page.getByTestId('quick-book-as-unit'), '北京市石景山医院');
      expect(await contact.page.getByTestId('quick-book-for-unit').count()).toBe(0);
      await contact.page.getByTestId('quick-book-confirm').click();
      const afternoon = Date.parse(`${date}T14:00:00+08:00`);
      await eventually(
        async () =>
          (await apiGet(contact.page, `/api/bookings?mine=true&facilityId=${freeId}`)).items.find(
            (b: { startsAt: string }) => Date.parse(b.startsAt) === afternoon,
          )?.bookedFor,
      ).toMatchObject({ kind: 'unit', id: unitId });
    } finally {
      await resident.close();
      await contact.close();
    }
  });
});
