/**
 * Is participation rising? The district admin opens the overview in Chinese, drills into a
 * street and a community, and on each level the figures agree with the level above: the
 * children's residents add up to their parent's, and the node drilled into shows the
 * figures its parent listed for it.
 */
import pg from 'pg';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
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

  it('on a fresh start the dashboard reads 正在计算… and fills in by itself once the figures are ready', async () => {
    const admin = await openBrowser(DESKTOP);
    // The server's refresh waits while this connection holds its lock: the first refresh is "running".
    const refresh = new pg.Client({ connectionString: inject('databaseUrl') });
    try {
      await login(admin.page, 'street_admin');
      await refresh.connect();
      await refresh.query('SELECT pg_advisory_lock($1)', [0x67_6a_64_62]);
      await refresh.query('UPDATE figures_state SET records_at = NULL');
      await admin.page.goto(`${baseUrl()}/dashboards`);
      const computing = admin.page.getByTestId('dashboard-computing');
      await shows(computing, '正在计算…');
      await shows(computing, '自动显示');
      await eventually(() => admin.page.getByTestId('dashboard-figures').count()).toBe(0);
      await screenshot(admin.page, 'dashboards-computing');
      // The first refresh is done: the page fills in without a reload.
      await refresh.query('UPDATE figures_state SET records_at = now()');
      await admin.page.getByTestId('dashboard-figures').waitFor();
      await eventually(() => computing.count()).toBe(0);
      await shows(admin.page.getByTestId('dashboard-title'), '八角街道');
    } finally {
      await refresh
        .query('UPDATE figures_state SET records_at = coalesce(records_at, now())')
        .catch(() => {});
      await refresh.end();
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
