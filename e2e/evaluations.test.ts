/**
 * An honour from the template to the published list: the district admin opens an
 * outstanding-member evaluation, reads the ranking, opens the top member's score down to
 * the ledger entries, freezes the figures, nominates, approves, puts the shortlist on
 * public notice, decides once the notice is over and publishes; the list is on the public
 * honours page and in its PDF. Then a unit contact downloads the quarterly report.
 */
import fs from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiGet, baseUrl, DESKTOP, login, openBrowser, PHONE, screenshot, timeTravel } from './browser';
import { eventually } from './wait';

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = (await Promise.all([page.waitForEvent('download'), click()])) as [Download, unknown];
  return { name: download.suggestedFilename(), bytes: fs.readFileSync((await download.path())!) };
}

const pdfText = async (bytes: Buffer) => {
  const pdf = await getDocument({ data: new Uint8Array(bytes) }).promise;
  return (await (await pdf.getPage(1)).getTextContent()).items.map((i: any) => i.str).join('');
};

describe('an honour, from the template to the published list', () => {
  it('the district admin runs an outstanding-member evaluation through to publication', async () => {
    const admin = await openBrowser(DESKTOP);
    const resident = await openBrowser(PHONE);
    const title = `${new Date().getFullYear()}年度优秀共产党员评选（浏览器测试）`;
    try {
      await login(admin.page, 'district_admin');
      await admin.page.goto(`${baseUrl()}/evaluations`);
      await admin.page.getByTestId('evaluation-create').click();
      await admin.page.getByTestId('evaluation-honour-outstanding_member').click();
      await admin.page.getByTestId('evaluation-title').fill(title);
      await admin.page.getByTestId('evaluation-form-submit').click();
      await admin.page.waitForURL(/\/evaluations\/\d+$/);
      const id = Number(/\/evaluations\/(\d+)$/.exec(admin.page.url())![1]);

      // The ranking, read from the stored result: the top member first.
      const first = admin.page.locator('[data-testid^="score-row-"]').first();
      await first.waitFor();
      const top = (await apiGet(admin.page, `/api/evaluations/${id}/scores?pageSize=1`)).items[0];
      expect(await first.getAttribute('data-testid')).toBe(`score-row-${top.subject.id}`);
      await screenshot(admin.page, 'evaluations-ranking');

      // Their score, down to the entries behind it.
      await admin.page.getByTestId(`score-open-${top.subject.id}`).first().click();
      await admin.page.getByTestId('score-breakdown').waitFor();
      await eventually(async () => Number(await admin.page.getByTestId('breakdown-total').innerText())).toBe(
        top.total,
      );
      await admin.page.getByTestId('breakdown-criterion-service').click();
      await admin.page.locator('[data-testid^="breakdown-act-"]').first().waitFor();
      await screenshot(admin.page, 'evaluations-breakdown');
      await admin.page.locator('.ant-drawer-open .ant-drawer-close').click();
      await admin.page.getByTestId('score-breakdown').waitFor({ state: 'hidden' });

      // The figures are frozen; then the top member is nominated from their breakdown.
      await admin.page.getByTestId('evaluation-close').click();
      await admin.page.getByTestId('evaluation-close-confirm').click();
      await eventually(() => admin.page.getByTestId('evaluation-detail').getAttribute('data-status')).toBe(
        'closed',
      );
      await admin.page.getByTestId(`score-open-${top.subject.id}`).first().click();
      await admin.page.getByTestId('breakdown-nominate').click();
      await admin.page
        .getByTestId('nomination-statement')
        .fill(`${top.subject.name}同志坚持到社区报到服务，积极参加奉献日。`);
      await admin.page.getByTestId('nomination-submit').click();
      const row = admin.page.getByTestId(`nomination-row-${top.subject.id}`);
      await eventually(() => row.getAttribute('data-status')).toBe('nominated');

      // The district approves it, and puts the shortlist on notice for five days.
      await admin.page.getByTestId(`review-approve-${top.subject.id}`).click();
      await admin.page.getByTestId('review-comment').fill('事迹突出，同意推荐');
      await admin.page.getByTestId('review-submit').click();
      await eventually(() => row.getAttribute('data-status')).toBe('approved');
      await admin.page.getByTestId('notice-start').click();
      await admin.page.getByTestId('notice-days').fill('5');
      await admin.page.getByTestId('notice-confirm').click();
      await eventually(() => admin.page.getByTestId('evaluation-detail').getAttribute('data-status')).toBe(
        'notice',
      );
      await admin.page.getByTestId('evaluation-steps').waitFor();
      await screenshot(admin.page, 'evaluations-notice');

      // A resident reads the shortlist on a phone while the notice runs.
      await login(resident.page, 'resident');
      await resident.page.goto(`${baseUrl()}/honours`);
      await resident.page.getByTestId(`honour-list-${id}`).click();
      await resident.page.getByTestId(`honour-entry-${top.subject.id}`).waitFor();
      await resident.page.getByTestId(`honour-object-${top.subject.id}`).waitFor();
      await screenshot(resident.page, 'evaluations-notice-phone');

      // Five days pass; the district decides and publishes.
      await timeTravel(
        "UPDATE evaluations SET notice_from = now() - interval '6 days', notice_until = now() - interval '1 day' WHERE id = $1",
        [id],
      );
      await admin.page.reload();
      await admin.page.getByTestId('evaluation-decide').click();
      await admin.page.getByTestId('evaluation-decide-confirm').click();
      await eventually(() => admin.page.getByTestId('evaluation-detail').getAttribute('data-status')).toBe(
        'decided',
      );
      await admin.page.getByTestId('evaluation-publish').click();
      await admin.page.getByTestId('evaluation-publish-confirm').click();
      await eventually(() => admin.page.getByTestId('evaluation-detail').getAttribute('data-status')).toBe(
        'published',
      );

      // The published list: on the honours page, and in its PDF.
      await resident.page.reload();
      await resident.page.getByTestId(`honour-entry-${top.subject.id}`).waitFor();
      expect(await resident.page.getByTestId(`honour-object-${top.subject.id}`).count()).toBe(0);
      const pdf = await downloaded(resident.page, () => resident.page.getByTestId('honours-pdf').click());
      expect(pdf.name).toBe(`${title}.pdf`);
      const text = await pdfText(pdf.bytes);
      expect(text).toContain(top.subject.name);
      expect(text).toContain('表彰名单');
      await screenshot(resident.page, 'evaluations-published-phone');
    } finally {
      await admin.close();
      await resident.close();
    }
  });

  it('a unit contact downloads its quarterly report, as Excel and as PDF', async () => {
    const contact = await openBrowser(DESKTOP);
    try {
      await login(contact.page, 'unit_contact');
      const me = await apiGet(contact.page, '/api/auth/me');
      const unit = me.roles.find((r: any) => r.role === 'unit_contact');
      await contact.page.goto(`${baseUrl()}/units`);
      await contact.page.getByTestId(`unit-view-${unit.unitId}`).first().click();
      await contact.page.getByTestId('unit-report').waitFor();
      const xlsx = await downloaded(contact.page, () =>
        contact.page.getByTestId('unit-report-export').click(),
      );
      expect(xlsx.name).toMatch(/^北京市石景山医院-\d{4}Q[1-4]\.xlsx$/);
      expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');
      const pdf = await downloaded(contact.page, () => contact.page.getByTestId('unit-report-pdf').click());
      const text = await pdfText(pdf.bytes);
      expect(text).toContain('北京市石景山医院');
      expect(text).toContain('合计');
      await screenshot(contact.page, 'evaluations-unit-report');
    } finally {
      await contact.close();
    }
  });
});
