/**
 * Publicity end to end: a street admin writes an open letter to the street's Party
 * members, sees how many it will reach, publishes; a member reads it on a phone; the read
 * rate rises on the admin's page. And the certificate of a completed course is a PDF that
 * names the member in Chinese.
 */

import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { apiCall, apiGet, baseUrl, DESKTOP, login, openBrowser, PHONE, screenshot } from './browser';
import { eventually, shows } from './wait';

describe('an open letter, and a certificate', () => {
  it('published to the street’s Party members, read on a phone, the read rate rises; the certificate names the member', async () => {
    const admin = await openBrowser(DESKTOP);
    const member = await openBrowser(PHONE);
    const title = '致八角街道党员的一封信（测试）';
    try {
      await login(admin.page, 'street_admin');
      await admin.page.goto(`${baseUrl()}/notices/new`);
      await admin.page.getByTestId('notice-kind').getByText('公开信').click();
      await admin.page.getByTestId('notice-title').fill(title);
      await admin.page.getByTestId('notice-body').click();
      await admin.page.keyboard.type('各位党员同志：请积极参加本月的党员固定奉献日。');
      await admin.page.getByTestId('notice-audience-party').click();
      // The audience is counted before it is sent.
      const preview = admin.page.getByTestId('audience-preview');
      const street = (await apiGet(admin.page, '/api/auth/me')).roles[0].regionId as number;
      const expected = (
        await apiCall<{ count: number }>(admin.page, 'POST', '/api/notices/preview', {
          regionId: street,
          partyOnly: true,
        })
      ).body.count;
      expect(expected).toBeGreaterThan(0);
      await eventually(() => preview.getAttribute('data-count')).toBe(String(expected));
      await screenshot(admin.page, 'publicity-editor');
      await admin.page.getByTestId('notice-publish').click();
      await admin.page.getByTestId('notice-publish-confirm').click();
      await admin.page.getByTestId('notice-detail').waitFor();
      const noticeUrl = admin.page.url();
      const id = Number(noticeUrl.split('/').pop());
      await eventually(async () => (await apiGet(admin.page, `/api/notices/${id}`)).status).toBe('published');

      // The member reads it on a phone.
      await login(member.page, 'member');
      await member.page.goto(`${baseUrl()}/me/inbox`);
      await member.page.getByTestId(`inbox-row-${id}`).click();
      await shows(member.page.getByTestId('inbox-notice-body'), '党员固定奉献日');
      await eventually(async () => (await apiGet(member.page, `/api/notices/${id}`)).readAt).not.toBeNull();
      await screenshot(member.page, 'publicity-letter-phone');

      // The read rate rises on the admin's page.
      await admin.page.reload();
      const rate = (await apiGet(admin.page, `/api/notices/${id}/reads`)).readRate as number;
      expect(rate).toBeCloseTo(1 / expected, 3);
      await shows(admin.page.getByTestId('notice-reads'), '1');
      await screenshot(admin.page, 'publicity-read-rate');

      // The completed cadre course: its certificate names the member in Chinese.
      const courses = await apiGet(member.page, '/api/courses?mine=true&kind=course');
      const done = courses.items.find((c: any) => c.mine?.completedAt);
      expect(done).toBeTruthy();
      await member.page.goto(`${baseUrl()}/courses/${done.id}`);
      await member.page.getByTestId(`certificate-${done.mine.enrolmentId}`).waitFor();
      await screenshot(member.page, 'publicity-course-phone');
      const bytes = await member.page.evaluate(async (u) => {
        const res = await fetch(u);
        return Array.from(new Uint8Array(await res.arrayBuffer()));
      }, `/api/enrolments/${done.mine.enrolmentId}/certificate`);
      const pdf = await getDocument({ data: new Uint8Array(bytes) }).promise;
      const text = (await (await pdf.getPage(1)).getTextContent()).items.map((i: any) => i.str).join('');
      expect(text).toContain('张建国');
      expect(text).toContain('结 业 证 书');
    } finally {
      await admin.close();
      await member.close();
    }
  });
});
