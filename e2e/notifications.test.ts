/**
 * Staff are told what arrives for them (issue #23): a resident's new need rings the community
 * worker's bell and links to it; 提醒设置 shows the worker the "waiting on me" kinds and the daily
 * digest, which a resident never sees; choosing the digest is saved.
 */
import { describe, expect, it } from 'vitest';
import { apiCall, apiGet, baseUrl, DESKTOP, login, openBrowser } from './browser';
import { eventually, shows } from './wait';

const TITLE = '单元门禁坏了，进出不便';

describe('staff notifications', () => {
  it('a new need reaches the worker’s centre; the staff kinds and the digest are set in 提醒设置', async () => {
    const resident = await openBrowser(DESKTOP);
    const worker = await openBrowser(DESKTOP);
    try {
      await login(resident.page, 'resident');
      const raised = await apiCall(resident.page, 'POST', '/api/needs', { title: TITLE, category: 'repair' });
      expect(raised.status, JSON.stringify(raised.body)).toBe(201);

      await login(worker.page, 'community_worker');
      await worker.page.goto(`${baseUrl()}/me/notifications`);
      await shows(worker.page, TITLE);
      const staff = worker.page.getByTestId('prefs-group-staff');
      await staff.waitFor();
      await shows(staff, '有新的居民需求');
      await worker.page.getByTestId('prefs-digest').click();
      await worker.page.getByTestId('prefs-save').click();
      await eventually(async () => (await apiGet(worker.page, '/api/notifications/prefs')).digest).toBe(true);
      await apiCall(worker.page, 'PUT', '/api/notifications/prefs', {
        muted: [],
        channels: [],
        digest: false,
      });

      await resident.page.goto(`${baseUrl()}/me/notifications`);
      await resident.page.getByTestId('notification-prefs').waitFor();
      expect(await resident.page.getByTestId('prefs-group-staff').count()).toBe(0);
      expect(await resident.page.getByTestId('prefs-digest').count()).toBe(0);
    } finally {
      await resident.close();
      await worker.close();
    }
  });
});
