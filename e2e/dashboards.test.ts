/**
 * Is participation rising? The district admin opens the overview in Chinese, drills into a
 * street and a community, and on each level the figures agree with the level above: the
 * children's residents add up to their parent's, and the node drilled into shows the
 * figures its parent listed for it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiGet, baseUrl, DESKTOP, login, openBrowser, PHONE, regionNamed, screenshot } from './browser';
import { eventually, shows } from './wait';

const value = async (page: Page, key: string) =>
  Number(await page.getByTestId(`dashboard-figure-${key}`).first().getAttribute('data-value'));

/** What the page lists for each child: its residents and service hours. */
async function children(page: Page) {
  const rows = page.locator('[data-testid^="dashboard-child-"]');
  await rows.first().waitFor();
  const out = new Map<number, { residents: number; hours: number }>();
  for (const row of await rows.all()) {
    const id = Number((await row.getAttribute('data-testid'))!.replace('dashboard-child-', ''));
    out.set(id, {
      residents: Number(await row.getAttribute('data-residents')),
      hours: Number(await row.getAttribute('data-service-hours')),
    });
  }
  return out;
}

describe('the participation dashboards', () => {
  it('drill from the district to a street and a community; each level agrees with the one above', async () => {
    const admin = await openBrowser(DESKTOP);
    try {
      await login(admin.page, 'district_admin');
      await admin.page.goto(`${baseUrl()}/dashboards?kind=year`);
      await admin.page.getByTestId('dashboard-page').waitFor();
      await admin.page.getByTestId('dashboard-chart-trend').waitFor();
      await shows(admin.page.getByTestId('dashboard-page'), '参与指数');
      const districtResidents = await value(admin.page, 'residents');
      expect(districtResidents).toBeGreaterThan(0);
      const streets = await children(admin.page);
      expect([...streets.values()].reduce((s, c) => s + c.residents, 0)).toBe(districtResidents);
      await screenshot(admin.page, 'dashboards-district');

      // Into 八角街道: it shows what the district listed for it.
      const street = await regionNamed(admin.page, '八角街道', 'street');
      await admin.page.getByTestId(`dashboard-child-${street.id}`).click();
      await eventually(() => value(admin.page, 'residents')).toBe(streets.get(street.id)!.residents);
      expect(await value(admin.page, 'serviceHours')).toBeCloseTo(streets.get(street.id)!.hours, 2);
      const communities = await children(admin.page);
      expect([...communities.values()].reduce((s, c) => s + c.residents, 0)).toBe(
        streets.get(street.id)!.residents,
      );
      await admin.page.getByTestId(`dashboard-trail-${street.id}`).waitFor();
      await screenshot(admin.page, 'dashboards-street');

      // Into 八角北路社区, and its state reads as one of the four.
      const community = await regionNamed(admin.page, '八角北路社区', 'community');
      await admin.page.getByTestId(`dashboard-child-${community.id}`).click();
      await eventually(() => value(admin.page, 'residents')).toBe(communities.get(community.id)!.residents);
      expect(['both', 'community_only', 'residents_only', 'neither']).toContain(
        await admin.page.getByTestId('dashboard-state').getAttribute('data-state'),
      );
      const buildings = await children(admin.page);
      expect([...buildings.values()].reduce((s, c) => s + c.residents, 0)).toBe(
        communities.get(community.id)!.residents,
      );
      await screenshot(admin.page, 'dashboards-community');

      // Back up by the trail.
      await admin.page.getByTestId(`dashboard-trail-${street.id}`).click();
      await eventually(() => value(admin.page, 'residents')).toBe(streets.get(street.id)!.residents);
    } finally {
      await admin.close();
    }
  });

  it('a member sees their own year on a phone', async () => {
    const member = await openBrowser(PHONE);
    try {
      await login(member.page, 'member');
      const mine = await apiGet(member.page, '/api/dashboards/me');
      await member.page.goto(`${baseUrl()}/me/record`);
      const card = member.page.getByTestId('my-figures');
      await card.waitFor();
      await shows(card, mine.community.name);
      await screenshot(member.page, 'dashboards-member-phone');
    } finally {
      await member.close();
    }
  });
});
