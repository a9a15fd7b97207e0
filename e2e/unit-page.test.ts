/**
 * The unit's page (本单位): the hospital's Party liaison opens it from the menu, from the
 * workbench and on a phone, and finds this quarter's report with a unit on every figure and
 * headers in one piece, the hospital's facilities with a resident's request waiting on top,
 * the projects it claimed, its members' registrations, and a report that prints alone.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiCall, apiGet, DESKTOP, login, openBrowser, PHONE, pick, screenshot } from './browser';
import { eventually, shows } from './wait';

const UNIT = '北京市石景山医院';
const FACILITY = '北京市石景山医院职工活动中心';
const OTHER = '首钢集团有限公司';

/** This quarter in Beijing (or the one before), as the report names it: "2026年第2季度". */
function thisQuarter(before = 0) {
  const [year, month] = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' })
    .format(Date.now())
    .split('-')
    .map(Number) as [number, number];
  const index = year * 4 + Math.floor((month - 1) / 3) - before;
  return `${Math.floor(index / 4)}年第${(index % 4) + 1}季度`;
}

/** This quarter's query for the report's API. */
function quarterQuery() {
  const [year, quarter] = thisQuarter().match(/\d+/g)!.map(Number);
  return `year=${year}&quarter=${quarter}`;
}

/** A Sunday at least three days ahead, in Beijing: past the facility's 24-hour notice. */
function sunday() {
  const day = (ms: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(ms);
  for (let d = 3; ; d++) {
    const date = day(Date.now() + d * 86_400_000);
    if (new Date(`${date}T00:00:00Z`).getUTCDay() === 0) return date;
  }
}

/** A DELETE from inside a signed-in page (its answer has no body): the status. */
const revoke = (page: Page, url: string) =>
  page.evaluate(async (url) => {
    const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
    return (await fetch(url, { method: 'DELETE', headers: { 'x-csrf-token': me.csrfToken } })).status;
  }, url);

/** The report's column headers that wrap onto a second line (none should). */
const brokenHeaders = (page: Page) =>
  page
    .getByTestId('unit-report')
    .locator('.ant-table-thead th')
    .evaluateAll((cells) =>
      cells
        .filter((th) => {
          const text = th.querySelector('span');
          return text !== null && (text.textContent ?? '') !== '' && text.getClientRects().length > 1;
        })
        .map((th) => th.textContent),
    );

/** The report shows this quarter, marked 进行中, with a unit on each total and in each hours cell. */
async function seesThisQuarter(page: Page) {
  const report = page.getByTestId('unit-report');
  await shows(page.getByTestId('unit-report-quarter'), thisQuarter());
  await shows(page.getByTestId('unit-report-ongoing'), '进行中');
  await shows(page.getByTestId('unit-report-hours'), '小时');
  await shows(page.getByTestId('unit-report-active'), '人');
  await shows(page.getByTestId('unit-report-registered'), '人');
  await eventually(() => report.locator('.ant-table-tbody tr.ant-table-row').count()).toBeGreaterThan(0);
  const firstRow = report.locator('.ant-table-tbody tr.ant-table-row').first();
  await shows(firstRow, '小时');
  await eventually(() => brokenHeaders(page)).toEqual([]);
}

describe("the unit's page", () => {
  it('opens from the menu on this quarter’s report, with the facilities, bookings, claims and registrations; the report prints alone', async () => {
    const contact = await openBrowser(DESKTOP);
    const resident = await openBrowser(DESKTOP);
    const date = sunday();
    try {
      // A resident asks for the hospital's staff centre on Sunday afternoon: it waits for the hospital.
      await login(resident.page, 'resident');
      const { items } = await apiGet(resident.page, `/api/facilities?q=${encodeURIComponent(FACILITY)}`);
      const facility = items.find((f: { name: string }) => f.name === FACILITY);
      const asked = await apiCall(resident.page, 'POST', '/api/bookings', {
        facilityId: facility.id,
        startsAt: `${date}T15:00:00+08:00`,
        endsAt: `${date}T16:00:00+08:00`,
        purpose: '单位页测试：读书会',
        people: 12,
      });
      expect(asked.status).toBe(201);

      await login(contact.page, 'unit_contact');
      await contact.page.getByTestId('menu-myUnit').click();
      await contact.page.waitForURL((url) => url.pathname === '/me/unit');
      await shows(contact.page.getByTestId('unit-page-name'), UNIT);
      await seesThisQuarter(contact.page);
      // The quarter before is there to pick, and is not running.
      await pick(contact.page, 'unit-report-quarter', thisQuarter(1));
      await eventually(() => contact.page.getByTestId('unit-report-ongoing').count()).toBe(0);
      await shows(contact.page.getByTestId('unit-report-hours'), '小时');
      await pick(contact.page, 'unit-report-quarter', thisQuarter());
      await shows(contact.page.getByTestId('unit-report-ongoing'), '进行中');
      await screenshot(contact.page, 'unit-page-report');

      // Its facilities, each a way to its page; the resident's request waits on top of the bookings.
      const facilities = contact.page.getByTestId('unit-facilities');
      await shows(facilities, FACILITY);
      expect(await facilities.getByTestId(`facility-link-${facility.id}`).getAttribute('href')).toBe(
        `/facilities/${facility.id}`,
      );
      const first = contact.page
        .getByTestId('unit-bookings')
        .locator('[data-testid^="booking-row-"]')
        .first();
      await shows(first, '待审批');
      const request = contact.page
        .getByTestId('unit-bookings')
        .locator('[data-testid^="booking-row-"]', { hasText: '单位页测试：读书会' });
      await eventually(() => request.getAttribute('data-status')).toBe('pending');
      // Approved from the page, it stays ahead as confirmed.
      await request.getByTestId(`booking-approve-${asked.body.booked[0].id}`).click();
      await eventually(() => request.getAttribute('data-status')).toBe('confirmed');

      // The projects it claimed: the role, its status and the hours, a link to each project.
      const unitId = (await apiGet(contact.page, '/api/auth/me')).roles.find(
        (r: { role: string }) => r.role === 'unit_contact',
      ).unitId;
      const claim = (await apiGet(contact.page, `/api/claims?unitId=${unitId}`)).items[0];
      const claimRow = contact.page.getByTestId(`unit-claim-${claim.id}`);
      await shows(claimRow, claim.projectTitle);
      await shows(claimRow, '名额');
      expect(await claimRow.getByRole('link', { name: claim.projectTitle }).getAttribute('href')).toBe(
        `/projects/${claim.projectId}`,
      );

      // Its members and where each registered (在职党员报到).
      const members = (await apiGet(contact.page, `/api/members?unitId=${unitId}&page=1&pageSize=10`)).items;
      const registered = members.find(
        (m: { registration: { status: string } | null }) => m.registration?.status === 'approved',
      );
      const memberRow = contact.page.getByTestId('unit-members').locator('tr', { hasText: registered.name });
      await shows(memberRow, registered.registration.communityName);
      await shows(memberRow, '已报到');
      await screenshot(contact.page, 'unit-page');

      // 打印报告: the report alone, every member on paper, without the menu or the other parts.
      await contact.page.evaluate('window.printed = 0; window.print = () => { window.printed++; }');
      await contact.page.getByTestId('unit-report-print-button').click();
      await eventually(() => contact.page.evaluate<number>('window.printed')).toBe(1);
      await contact.page.emulateMedia({ media: 'print' });
      const paper = contact.page.getByTestId('unit-report-print');
      await eventually(() => paper.isVisible()).toBe(true);
      await shows(paper, UNIT);
      await shows(paper, '合计');
      await shows(paper, '小时');
      for (const hidden of ['unit-facilities', 'unit-claims', 'unit-report-quarter', 'menu-myUnit'])
        expect(await contact.page.getByTestId(hidden).isVisible(), hidden).toBe(false);
      expect(await contact.page.locator('.ant-layout-sider').isVisible()).toBe(false);
      // As wide as A4 between its margins (186 mm), every column fits: nothing is cut at the edge.
      await contact.page.setViewportSize({ width: 700, height: 990 });
      const table = paper.locator('table');
      await eventually(() => table.evaluate((el) => el.scrollWidth <= el.parentElement!.clientWidth)).toBe(
        true,
      );
      await eventually(() => table.locator('tbody tr').count()).toBe(
        (await apiGet(contact.page, `/api/units/${unitId}/reports?${quarterQuery()}`)).members.length,
      );
      await screenshot(contact.page, 'unit-page-print');
      await contact.page.emulateMedia({ media: 'screen' });
    } finally {
      await contact.close();
      await resident.close();
    }
  });

  it('a liaison of two units switches between their pages', async () => {
    const admin = await openBrowser(DESKTOP);
    const contact = await openBrowser(DESKTOP);
    let granted: { userId: number; id: number } | null = null;
    try {
      // The district admin makes the hospital's liaison 首钢集团's too.
      await login(admin.page, 'district_admin');
      const user = (await apiGet(admin.page, '/api/users?q=unit_contact')).items.find(
        (u: { username: string }) => u.username === 'unit_contact',
      );
      const other = (await apiGet(admin.page, `/api/units?q=${encodeURIComponent(OTHER)}`)).items[0];
      const grant = await apiCall(admin.page, 'POST', `/api/users/${user.id}/roles`, {
        role: 'unit_contact',
        unitId: other.id,
      });
      expect(grant.status).toBe(201);
      granted = { userId: user.id, id: grant.body.id };

      await login(contact.page, 'unit_contact');
      await contact.page.getByTestId('menu-myUnit').click();
      await shows(contact.page.getByTestId('unit-page-name'), UNIT);
      await pick(contact.page, 'unit-switch', OTHER);
      await shows(contact.page.getByTestId('unit-page-name'), OTHER);
      await contact.page.waitForURL((url) => url.searchParams.get('unit') === String(other.id));
      await shows(contact.page.getByTestId('unit-report-quarter'), thisQuarter());
      await pick(contact.page, 'unit-switch', UNIT);
      await shows(contact.page.getByTestId('unit-page-name'), UNIT);
    } finally {
      // The liaison is the hospital's alone again, as the other flows expect.
      if (granted)
        expect(await revoke(admin.page, `/api/users/${granted.userId}/roles/${granted.id}`)).toBe(204);
      await admin.close();
      await contact.close();
    }
  });

  it('opens from the workbench, and on a phone from the menu with the report readable', async () => {
    const desk = await openBrowser(DESKTOP);
    const phone = await openBrowser(PHONE);
    try {
      await login(desk.page, 'unit_contact');
      await desk.page.getByTestId('quick-myUnit').click();
      await desk.page.waitForURL((url) => url.pathname === '/me/unit');
      await shows(desk.page.getByTestId('unit-page-name'), UNIT);
      await shows(desk.page.getByTestId('unit-report-quarter'), thisQuarter());

      await login(phone.page, 'unit_contact');
      await phone.page.getByTestId('menu-toggle').click();
      await phone.page.getByTestId('menu-myUnit').click();
      await phone.page.waitForURL((url) => url.pathname === '/me/unit');
      await shows(phone.page.getByTestId('unit-page-name'), UNIT);
      await seesThisQuarter(phone.page);
      await shows(phone.page.getByTestId('unit-facilities'), FACILITY);
      await eventually(() =>
        phone.page.getByTestId('unit-claims').locator('[data-testid^="unit-claim-"]').count(),
      ).toBeGreaterThan(0);
      await eventually(() =>
        phone.page.getByTestId('unit-members').locator('.gj-card-row').count(),
      ).toBeGreaterThan(0);
      // Nothing runs off the side of the phone.
      await eventually(() => phone.page.evaluate<number>('document.documentElement.scrollWidth')).toBe(
        PHONE.width,
      );
      await screenshot(phone.page, 'unit-page-phone');
    } finally {
      await desk.close();
      await phone.close();
    }
  });
});
