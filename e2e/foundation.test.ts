import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, openBrowser, PHONE, screenshot } from './browser';
import { shows } from './wait';

describe('a street admin on the console', () => {
  let b: Awaited<ReturnType<typeof openBrowser>>;
  beforeAll(async () => {
    b = await openBrowser();
  });
  afterAll(() => b.close());

  it('sees the street tree in Chinese, switches to English, and the same page reads in English', async () => {
    const { page } = b;
    // The address people type: the root opens the console and, signed out, its login page.
    await page.goto(`${(await import('./browser')).baseUrl()}/`);
    await page.waitForURL((url) => url.pathname === '/login');
    await shows(page, '演示账号');
    await login(page, 'street_admin');
    await page.getByTestId('menu-regions').click();
    const tree = page.getByTestId('region-tree');
    await tree.getByText('八角街道').first().waitFor();
    await tree.getByText('八角北路社区').first().waitFor();
    await shows(page, '区域树');
    expect(await page.locator('body').innerText()).not.toContain('古城街道'); // another street: outside the scope
    const zhShot = await screenshot(page, 'street-admin-regions-zh');

    await page.getByTestId('lang-switch').click();
    await shows(page, 'Regions');
    const en = await page.locator('body').innerText();
    expect(en).not.toContain('区域树');
    expect(en).toContain('八角街道'); // names of places stay as they are
    const enShot = await screenshot(page, 'street-admin-regions-en');
    console.log(`screenshots: ${zhShot} ${enShot}`);

    await page.reload();
    await tree.getByText('八角街道').first().waitFor();
    await shows(page, 'Regions'); // the choice persists
    await page.getByTestId('lang-switch').click();
    await shows(page, '区域树');
  });
});

describe('on a phone', () => {
  it('logs in and browses the tree at 390 px wide', async () => {
    const b = await openBrowser(PHONE);
    try {
      const { page } = b;
      await login(page, 'community_worker');
      await page.goto(page.url().replace(/\/[^/]*$/, '/regions'));
      await page.getByTestId('region-tree').getByText('八角北路社区').first().waitFor();
      const width = await page.evaluate<number>('document.documentElement.scrollWidth');
      expect(width).toBeLessThanOrEqual(PHONE.width);
      await screenshot(page, 'community-worker-regions-phone');
    } finally {
      await b.close();
    }
  });
});
