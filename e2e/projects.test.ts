/**
 * Taking part, end to end on a phone: a resident raises a need; the community worker
 * turns it into a project with two roles; a member claims one; the organiser finishes it
 * and confirms hours; the member's record shows them.
 */
import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { baseUrl, DESKTOP, login, openBrowser, PHONE, pick, screenshot } from './browser';
import { eventually, shows } from './wait';

/** The text input of a field, whether the test id sits on the input or on its wrapper. */
const input = (page: Page, testId: string) =>
  page.locator(`[data-testid="${testId}"] input, input[data-testid="${testId}"]`).first();

describe('a need becomes a project the community takes on', () => {
  it('from a phone need to hours in the member’s record', async () => {
    const resident = await openBrowser(PHONE);
    const worker = await openBrowser(DESKTOP);
    const member = await openBrowser(PHONE);
    const title = '3号楼楼道灯不亮';
    try {
      // A resident raises a need on a phone.
      await login(resident.page, 'resident');
      await resident.page.goto(`${baseUrl()}/me/needs`);
      await resident.page.getByTestId('need-title').fill(title);
      await resident.page.getByTestId('need-category-repair').click();
      await resident.page.getByTestId('need-submit').click();
      const mine = resident.page.locator('[data-testid^="my-need-"]', { hasText: title }).first();
      await eventually(() => mine.getAttribute('data-status')).toBe('open');
      await screenshot(resident.page, 'resident-need-phone');

      // The community worker turns it into a project with two roles and publishes it.
      await login(worker.page, 'community_worker');
      await worker.page.goto(`${baseUrl()}/needs`);
      const row = worker.page.locator('[data-testid^="need-row-"]', { hasText: title }).first();
      await row.waitFor();
      const needId = (await row.getAttribute('data-testid'))!.replace('need-row-', '');
      await worker.page.getByTestId(`need-convert-${needId}`).click();
      await eventually(() => worker.page.getByTestId('project-title').inputValue()).toBe(title);
      await pick(worker.page, 'project-role-kind-0', '卫生保健员');
      await input(worker.page, 'project-role-slots-0').fill('3');
      await worker.page.getByTestId('project-role-add').click();
      await pick(worker.page, 'project-role-kind-1', '治安巡逻员');
      await input(worker.page, 'project-role-slots-1').fill('2');
      await worker.page.getByTestId('project-form-submit').click();
      await worker.page.getByTestId('project-detail').waitFor();
      const projectUrl = worker.page.url();
      await worker.page.getByTestId('project-transition-published').click();
      await eventually(() => worker.page.getByTestId('project-detail').getAttribute('data-status')).toBe(
        'published',
      );
      await screenshot(worker.page, 'project-published');

      // A member claims one role in two taps.
      await login(member.page, 'member');
      await member.page.goto(projectUrl);
      const role = member.page.locator('[data-testid^="role-"]', { hasText: '卫生保健员' }).first();
      const roleId = (await role.getAttribute('data-testid'))!.replace('role-', '');
      await member.page.getByTestId(`claim-role-${roleId}`).click();
      await member.page.getByTestId('claim-confirm').click();
      await shows(member.page, '张建国');
      await screenshot(member.page, 'member-claimed-phone');

      // The organiser starts it, confirms the hours, and marks it done.
      await worker.page.reload();
      await worker.page.getByTestId('project-transition-in_progress').click();
      await eventually(() => worker.page.getByTestId('project-detail').getAttribute('data-status')).toBe(
        'in_progress',
      );
      const claimRow = worker.page.locator('[data-testid^="claim-row-"]', { hasText: '张建国' }).first();
      const claimId = (await claimRow.getAttribute('data-testid'))!.replace('claim-row-', '');
      await worker.page.getByTestId(`claim-hours-${claimId}`).click();
      await input(worker.page, 'claim-hours-input').fill('2.5');
      await worker.page.getByTestId('claim-hours-submit').click();
      await shows(worker.page.getByTestId(`claim-hours-value-${claimId}`), '2.5');
      await worker.page.getByTestId('project-transition-done').click();
      await eventually(() => worker.page.getByTestId('project-detail').getAttribute('data-status')).toBe(
        'done',
      );
      await screenshot(worker.page, 'project-done-hours');

      // The member's record shows the hours.
      await member.page.goto(`${baseUrl()}/me/record`);
      await eventually(async () =>
        Number(await member.page.getByTestId('record-hours-year').innerText()),
      ).toBeGreaterThanOrEqual(2.5);
      await shows(member.page, title);
      await screenshot(member.page, 'member-record-phone');
    } finally {
      await resident.close();
      await worker.close();
      await member.close();
    }
  });
});
