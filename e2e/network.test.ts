/**
 * The organisation network as its users work it: a member registers with the home
 * community from a phone and the community worker approves; a street admin records a
 * joint-conference meeting whose resolution becomes a task; a coverage gap is closed.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DESKTOP, login, openBrowser, PHONE, pick, screenshot } from './browser';
import { eventually, shows } from './wait';

/** Types a date (and time) into an antd DatePicker and confirms it. */
async function date(page: Page, testId: string, value: string) {
  const input = page
    .getByTestId(testId)
    .locator('input')
    .first()
    .or(page.locator(`input[data-testid="${testId}"]`));
  await input.first().click();
  await input.first().fill(value);
  await input.first().press('Enter');
}

describe('registration with the home community', () => {
  it('a member asks on a phone; the community worker approves; the member sees it approved', async () => {
    const phone = await openBrowser(PHONE);
    const desk = await openBrowser(DESKTOP);
    try {
      await login(phone.page, 'member');
      await phone.page.goto(`${baseUrl()}/me/registration`);
      await phone.page.getByTestId('registration-submit').click();
      const status = phone.page.getByTestId('registration-status');
      await eventually(() => status.getAttribute('data-status')).toBe('pending');
      await screenshot(phone.page, 'member-registration-pending-phone');

      await login(desk.page, 'community_worker');
      await desk.page.goto(`${baseUrl()}/registrations`);
      const row = desk.page.locator('[data-testid^="registration-row-"]', { hasText: '张建国' }).first();
      await row.waitFor();
      const id = (await row.getAttribute('data-testid'))!.replace('registration-row-', '');
      await screenshot(desk.page, 'registration-inbox');
      await desk.page.getByTestId(`registration-approve-${id}`).click();
      await eventually(async () => desk.page.getByTestId(`registration-approve-${id}`).count()).toBe(0);

      await phone.page.reload();
      await eventually(() => phone.page.getByTestId('registration-status').getAttribute('data-status')).toBe(
        'approved',
      );
      await screenshot(phone.page, 'member-registration-approved-phone');
    } finally {
      await phone.close();
      await desk.close();
    }
  });
});

describe('a joint conference meets', () => {
  let b: Awaited<ReturnType<typeof openBrowser>>;
  beforeAll(async () => {
    b = await openBrowser(DESKTOP);
  });
  afterAll(() => b.close());

  it('records a meeting whose resolution becomes a tracked task', async () => {
    const { page } = b;
    await login(page, 'street_admin');
    await page.goto(`${baseUrl()}/bodies?kind=joint_conference`);
    const bodyRow = page.locator('[data-testid^="body-row-"]', { hasText: '八角街道社区党建联席会' }).first();
    await bodyRow.waitFor();
    const bodyId = (await bodyRow.getAttribute('data-testid'))!.replace('body-row-', '');
    await page.goto(`${baseUrl()}/bodies/${bodyId}?tab=meetings`);
    await page.getByTestId('meeting-create').click();
    await page.getByTestId('meeting-title').fill('第四季度共建联席会议');
    await date(page, 'meeting-starts', '2026-11-20 10:00');
    await page.getByTestId('meeting-place').fill('八角街道党群服务中心');
    await page.getByTestId('meeting-agenda').fill('1. 研究驻区单位资源共享\n2. 部署宣传周');
    await pick(page, 'meeting-invitees', '张建国', '张建国');
    await page.keyboard.press('Escape');
    await page.getByTestId('meeting-form-submit').click();
    await page.getByTestId('meeting-detail').waitFor();
    expect(page.url()).toMatch(/\/meetings\/\d+/);

    await page.getByTestId('resolution-add').click();
    await page.getByTestId('resolution-text').fill('驻区医院每月为社区开展一次义诊');
    await page.getByTestId('resolution-with-task').click();
    await page.getByTestId('resolution-task-title').fill('落实每月义诊排班');
    await pick(page, 'resolution-owner', '北京市石景山医院党委', '石景山医院');
    await date(page, 'resolution-due', '2027-01-15');
    await page.getByTestId('resolution-submit').click();
    const resolution = page
      .locator('[data-testid^="resolution-"]', { hasText: '驻区医院每月为社区开展一次义诊' })
      .first();
    await resolution.waitFor();
    await shows(page, '落实每月义诊排班');
    await screenshot(page, 'meeting-with-resolution');

    await page.goto(`${baseUrl()}/tasks?view=list&q=${encodeURIComponent('义诊排班')}`);
    await shows(page, '落实每月义诊排班');
    await shows(page, '北京市石景山医院党委');
    await screenshot(page, 'task-list');
  });
});

describe('coverage', () => {
  it('shows a building without a liaison group; creating one closes the gap', async () => {
    const b = await openBrowser(DESKTOP);
    try {
      const { page } = b;
      await login(page, 'community_worker');
      await page.goto(`${baseUrl()}/coverage`);
      await page.getByTestId('coverage-page').waitFor();
      const gap = page
        .locator('[data-testid^="coverage-gap-"]:not([data-testid*="create"])', {
          hasText: '八角北路社区 1号楼',
        })
        .first();
      await gap.waitFor();
      const gapId = (await gap.getAttribute('data-testid'))!.replace('coverage-gap-', '');
      await screenshot(page, 'coverage-before');
      await page.getByTestId(`coverage-gap-create-${gapId}`).click();
      await page.getByTestId('body-form-submit').click();
      await eventually(() => page.getByTestId(`coverage-gap-${gapId}`).count()).toBe(0);
      await screenshot(page, 'coverage-after');
    } finally {
      await b.close();
    }
  });
});
