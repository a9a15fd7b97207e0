/**
 * A resident's need, read whole before it is answered (issue #23): the community worker opens a
 * waiting need from the list, reads its description on its page and accepts it there; the
 * resident follows it from a phone; a need waiting past its street's days reads as overdue, and
 * the street's admin sets those days. The page reads in English with nothing left in Chinese
 * but the data people typed.
 */
import { describe, expect, it } from 'vitest';
import { apiCall, baseUrl, DESKTOP, login, openBrowser, PHONE, screenshot, timeTravel } from './browser';
import { eventually, shows } from './wait';

const TITLE = '阳台晾衣架坏了，想请人帮忙修';
const DESCRIPTION = '晾衣架的升降绳断了，摇不下来。\n家里只有老两口，够不着。';
const PLACE = '5号楼1单元302';
/** Nothing in the page's own words may stay Chinese in English: only the data people typed. */
const DATA = [TITLE, ...DESCRIPTION.split('\n'), PLACE, '八角北路社区', '陈桂兰', '张丽'];
const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

describe('a need read whole before it is answered', () => {
  it('the worker opens a waiting need from the list, reads it, and accepts it on its page', async () => {
    const resident = await openBrowser(PHONE);
    const worker = await openBrowser(DESKTOP);
    const workerPhone = await openBrowser(PHONE);
    try {
      await login(resident.page, 'resident');
      const raised = await apiCall(resident.page, 'POST', '/api/needs', {
        title: TITLE,
        description: DESCRIPTION,
        category: 'repair',
        place: PLACE,
        wantedBy: '2031-06-01',
      });
      expect(raised.status, JSON.stringify(raised.body)).toBe(201);
      const id: number = raised.body.id;

      // The worker's inbox: the need waits, its title opens it.
      await login(worker.page, 'community_worker');
      await worker.page.goto(`${baseUrl()}/needs`);
      const row = worker.page.getByTestId(`need-row-${id}`);
      await row.waitFor();
      await shows(row, '已等待 0 天');
      await worker.page.getByTestId(`need-link-${id}`).click();
      await worker.page.waitForURL((url) => url.pathname === `/needs/${id}`);
      const detail = worker.page.getByTestId('need-detail');
      await detail.waitFor();
      // Its description as written (line breaks kept), its place, date, resident and wait.
      await shows(
        worker.page.getByTestId('need-description-text'),
        '晾衣架的升降绳断了，摇不下来。\n家里只有老两口',
      );
      await shows(detail, PLACE);
      await shows(detail, '八角北路社区');
      await shows(detail, '2031-06-01');
      await shows(worker.page.getByTestId('need-raised-by'), '陈桂兰');
      await shows(detail, '已等待 0 天');
      await shows(worker.page.getByTestId('need-history'), '提出需求');
      await screenshot(worker.page, 'need-detail');

      // The same page on the worker's phone, 390 px wide: nothing wider than the screen.
      await login(workerPhone.page, 'community_worker');
      await workerPhone.page.goto(`${baseUrl()}/needs/${id}`);
      await shows(workerPhone.page.getByTestId('need-description-text'), '家里只有老两口');
      await workerPhone.page.getByTestId(`need-accept-${id}`).waitFor();
      await eventually(() => workerPhone.page.evaluate<number>('document.documentElement.scrollWidth')).toBe(
        PHONE.width,
      );
      await screenshot(workerPhone.page, 'need-detail-phone');

      // Accepted from its page, after reading it.
      await worker.page.getByTestId(`need-accept-${id}`).click();
      await eventually(() => detail.getAttribute('data-status')).toBe('accepted');
      await shows(worker.page.getByTestId('need-status'), '已受理');
      await shows(worker.page.getByTestId('need-history'), '社区受理');
      await shows(worker.page.getByTestId('need-history'), '张丽');
      await eventually(() => worker.page.getByTestId(`need-accept-${id}`).count()).toBe(0);
      await screenshot(worker.page, 'need-detail-accepted');

      // The resident follows it from their own list on the phone.
      await resident.page.goto(`${baseUrl()}/me/needs`);
      await resident.page.getByTestId(`need-link-${id}`).click();
      await resident.page.waitForURL((url) => url.pathname === `/needs/${id}`);
      await shows(resident.page.getByTestId('need-status'), '已受理');
      await shows(resident.page.getByTestId('need-history'), '社区受理');
      expect(await resident.page.getByTestId(`need-decline-${id}`).count()).toBe(0);
      await screenshot(resident.page, 'need-detail-resident-phone');

      // In English, the page's own words are English: only what people typed stays Chinese.
      await worker.page.getByTestId('lang-switch').click();
      await shows(worker.page.getByTestId('need-history'), 'Accepted by the community');
      await shows(worker.page.getByTestId('need-status'), 'Accepted');
      const content = worker.page.locator('.gj-content');
      await shows(content, 'Waiting 0 days');
      let text = await content.innerText();
      for (const d of DATA) text = text.replaceAll(d, '');
      expect(text.split('\n').filter((line) => CJK.test(line))).toEqual([]);
      await screenshot(worker.page, 'need-detail-en');
    } finally {
      await resident.close();
      await worker.close();
      await workerPhone.close();
    }
  });

  it('a need waiting past its street’s days reads as overdue; the street admin sets the days', async () => {
    const resident = await openBrowser(PHONE);
    const street = await openBrowser(DESKTOP);
    const title = '楼门口的路灯一直不亮';
    try {
      await login(resident.page, 'resident');
      const raised = await apiCall(resident.page, 'POST', '/api/needs', { title, category: 'safety' });
      expect(raised.status, JSON.stringify(raised.body)).toBe(201);
      const id: number = raised.body.id;
      // Time passes: it was raised 20 days ago.
      await timeTravel(`UPDATE needs SET created_at = now() - interval '20 days' WHERE id = $1`, [id]);

      await login(street.page, 'street_admin');
      await street.page.goto(`${baseUrl()}/needs?overdue=true`);
      const row = street.page.getByTestId(`need-row-${id}`);
      await shows(row, '已等待 20 天');
      await street.page.getByTestId(`need-overdue-${id}`).waitFor();
      await screenshot(street.page, 'needs-overdue');

      // The street allows 30 days: no longer overdue.
      await street.page.getByTestId('need-settings').click();
      const settings = await apiCall(street.page, 'GET', '/api/needs/settings');
      const streetId: number = settings.body.items[0].streetId;
      const testId = `need-setting-days-${streetId}`;
      const days = street.page
        .locator(`[data-testid="${testId}"] input, input[data-testid="${testId}"]`)
        .first();
      await days.fill('30');
      await street.page.getByTestId(`need-setting-save-${streetId}`).click();
      await shows(street.page, '超过 30 天即为超期');
      await screenshot(street.page, 'needs-overdue-settings');
      await street.page.keyboard.press('Escape');
      await street.page.goto(`${baseUrl()}/needs`);
      await shows(street.page.getByTestId(`need-row-${id}`), '已等待 20 天');
      await eventually(() => street.page.getByTestId(`need-overdue-${id}`).count()).toBe(0);

      // Back to the default, for the other tests' needs.
      const reset = await apiCall(street.page, 'PUT', `/api/needs/settings/${streetId}`, { overdueDays: 14 });
      expect(reset.status).toBe(200);
    } finally {
      await resident.close();
      await street.close();
    }
  });
});
