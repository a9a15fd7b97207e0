/**
 * Facility utilization for the district: the totals count every facility of the scope while
 * the table shows a page of them, in the order the reader picks (a column's header on a
 * desktop, a choice above the cards on a phone) — the server orders and pages, so the first
 * row is the scope's first, not the first of what was loaded.
 */
import { describe, expect, it } from 'vitest';
import { apiGet, baseUrl, DESKTOP, login, openBrowser, PHONE, screenshot } from './browser';
import { eventually, shows } from './wait';

const day = (ms: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(ms);
const to = day(Date.now());
const from = day(Date.now() - 364 * 86_400_000);

type Row = { id: number; name: string };

describe('facility utilization, a page at a time', () => {
  it('orders and pages the whole district’s facilities on a desktop and on a phone', async () => {
    const desk = await openBrowser(DESKTOP);
    const phone = await openBrowser(PHONE);
    try {
      await login(desk.page, 'district_admin');
      await desk.page.goto(`${baseUrl()}/facilities/utilization?from=${from}&to=${to}`);
      const me = await apiGet(desk.page, '/api/auth/me');
      const root = me.roles.find((r: { role: string }) => r.role === 'district_admin').regionId;
      const asked = (query: string) =>
        apiGet(desk.page, `/api/facilities/utilization?regionId=${root}&from=${from}&to=${to}&${query}`);
      const byName = await asked('pageSize=20');
      expect(byName.byFacility.total).toBeGreaterThan(20);

      // Every facility counts; the table holds the first 20, by name.
      await shows(desk.page.getByTestId('util-count'), String(byName.byFacility.total));
      const rows = desk.page.getByTestId('utilization-table').locator('tbody tr.ant-table-row');
      const names = () => rows.locator('td:first-child').allInnerTexts();
      await eventually(names).toEqual(byName.byFacility.items.map((r: Row) => r.name));
      await shows(desk.page, `共 ${byName.byFacility.total} 条`);

      // Most used first: a click on the column's header.
      const byUse = await asked('pageSize=20&sort=usedHours&order=desc');
      await desk.page.getByTestId('utilization-table').locator('th', { hasText: '使用（小时）' }).click();
      await eventually(() => new URL(desk.page.url()).searchParams.get('sort')).toBe('usedHours');
      await eventually(names).toEqual(byUse.byFacility.items.map((r: Row) => r.name));
      // The next page goes on in the same order.
      const second = await asked('pageSize=20&page=2&sort=usedHours&order=desc');
      await desk.page.locator('.ant-pagination-item-2').click();
      await eventually(names).toEqual(second.byFacility.items.map((r: Row) => r.name));
      await screenshot(desk.page, 'utilization-by-use');

      // On a phone: the highest used share first, from the choice above the cards.
      await login(phone.page, 'district_admin');
      await phone.page.goto(`${baseUrl()}/facilities/utilization?from=${from}&to=${to}`);
      await phone.page.getByTestId('util-order').click();
      await phone.page.locator('.ant-select-item-option', { hasText: '使用率最高' }).click();
      const byRate = await asked('pageSize=20&sort=usedRate&order=desc');
      const first = byRate.byFacility.items[0] as Row;
      await eventually(() =>
        phone.page.locator('[data-testid^="util-row-"]').first().getAttribute('data-testid'),
      ).toBe(`util-row-${first.id}`);
      await screenshot(phone.page, 'utilization-phone');
    } finally {
      await desk.close();
      await phone.close();
    }
  });
});
