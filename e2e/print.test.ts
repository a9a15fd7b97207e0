/**
 * Printing (#23): a member's record, a roster (a team's members, a joint body's members, a
 * course's learners and their attendance) and a meeting's minutes each have a 打印 button. On
 * paper the page holds its content only — no menu, header or buttons, black on white, the date
 * printed — and a list shown a page at a time prints all its rows.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiGet, baseUrl, DESKTOP, login, openBrowser } from './browser';
import { eventually, shows } from './wait';

/**
 * The browser's print dialog, replaced: each call notes how many rows of `rows` were on the page
 * at that moment (what would have been printed).
 */
async function watchPrinting(page: Page, rows: string) {
  await page.evaluate(
    `window.printed = []; window.print = () => window.printed.push(document.querySelectorAll(${JSON.stringify(rows)}).length);`,
  );
}

const printed = (page: Page) => page.evaluate<number[]>('window.printed');

/** On paper: the shell and every control gone, the content and the date printed there, black on white. */
async function onPaper(page: Page, content: string, button: string) {
  await page.emulateMedia({ media: 'print' });
  try {
    for (const part of ['.gj-sider', '.gj-header', '.gj-breadcrumb', `[data-testid="${button}"]`])
      await eventually(() => page.locator(part).first().isVisible()).toBe(false);
    expect(await page.locator('.gj-content .ant-btn:visible').count()).toBe(0);
    expect(await page.getByTestId(content).first().isVisible()).toBe(true);
    const stamp = page.getByTestId('print-stamp').first();
    expect(await stamp.isVisible()).toBe(true);
    await eventually(() => stamp.innerText()).toMatch(/打印于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    const title = page.locator('.gj-page-title').first();
    expect(await title.isVisible()).toBe(true);
    expect(await title.evaluate((h: any) => (globalThis as any).getComputedStyle(h).color)).toBe(
      'rgb(0, 0, 0)',
    );
    expect(await page.evaluate<string>('getComputedStyle(document.body).backgroundColor')).toBe(
      'rgb(255, 255, 255)',
    );
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
  // Back on screen, as it was: the stamp hidden, the button there.
  expect(await page.getByTestId('print-stamp').first().isVisible()).toBe(false);
  expect(await page.getByTestId(button).isVisible()).toBe(true);
}

describe('printing', () => {
  it("a member's record prints every entry, with the member's name and the date, without the console around it", async () => {
    const b = await openBrowser(DESKTOP);
    try {
      const { page } = b;
      await login(page, 'member');
      await page.goto(`${baseUrl()}/me/record`);
      await page.getByTestId('record-entries').waitFor();
      const me = await apiGet(page, '/api/auth/me');
      const { total } = await apiGet(page, `/api/ledger?personId=${me.user.personId}&pageSize=1`);
      expect(total).toBeGreaterThan(0);

      await watchPrinting(page, '[data-testid^="record-entry-"]');
      await page.getByTestId('record-print').click();
      await eventually(() => printed(page)).toEqual([Math.min(total, 200)]);
      await shows(page.getByTestId('print-stamp'), '张建国');

      await onPaper(page, 'record-totals', 'record-print');
      expect(await page.getByTestId('record-kind-filter').isVisible()).toBe(true);
    } finally {
      await b.close();
    }
  });

  it("a course's learners and their attendance print all of them, not the page on screen", async () => {
    const b = await openBrowser(DESKTOP);
    try {
      const { page } = b;
      await login(page, 'street_admin');
      const { items } = await apiGet(page, '/api/courses?kind=course');
      const course = items.find((c: { enrolled: number }) => c.enrolled > 20);
      expect(course).toBeDefined();
      await page.goto(`${baseUrl()}/courses/${course.id}`);
      const rows = '[data-testid="enrolment-table"] tr.ant-table-row';
      await eventually(() => page.locator(rows).count()).toBe(20);

      await watchPrinting(page, rows);
      await page.getByTestId('enrolments-print').click();
      await eventually(() => printed(page)).toEqual([course.enrolled]);
      // Then the list is as it was, a page at a time.
      await eventually(() => page.locator(rows).count()).toBe(20);

      await onPaper(page, 'enrolment-table', 'enrolments-print');
      await page.emulateMedia({ media: 'print' });
      try {
        // Recording attendance is work on screen; the learners' list is what prints.
        expect(await page.getByTestId('course-attendance').isVisible()).toBe(false);
        expect(await page.locator('.gj-content .ant-pagination').first().isVisible()).toBe(false);
      } finally {
        await page.emulateMedia({ media: 'screen' });
      }
    } finally {
      await b.close();
    }
  });

  it("a team's members, a joint body's members and a meeting's minutes print without their controls", async () => {
    const b = await openBrowser(DESKTOP);
    try {
      const { page } = b;
      await login(page, 'community_worker');

      const teams = await apiGet(page, `/api/teams?q=${encodeURIComponent('八角北路社区')}`);
      const team = teams.items[0];
      await page.goto(`${baseUrl()}/teams/${team.id}?tab=members`);
      await page.locator('[data-testid^="team-member-"]').first().waitFor();
      await watchPrinting(page, '[data-testid^="team-member-"]');
      await page.getByTestId('team-members-print').click();
      await eventually(async () => (await printed(page)).length).toBe(1);
      await onPaper(page, 'team-members', 'team-members-print');

      const bodies = await apiGet(page, '/api/bodies?pageSize=50');
      const body = bodies.items.find((x: { memberCount: number }) => x.memberCount > 0);
      await page.goto(`${baseUrl()}/bodies/${body.id}`);
      await page.locator('[data-testid^="body-member-"]').first().waitFor();
      await onPaper(page, 'body-members', 'body-members-print');

      // A meeting with minutes: on paper the minutes as saved, not the box they are edited in.
      const meetings = await apiGet(page, '/api/meetings?status=held&pageSize=50');
      let withMinutes: { id: number; minutes: string } | undefined;
      for (const m of meetings.items) {
        const meeting = await apiGet(page, `/api/meetings/${m.id}`);
        if (meeting.minutes) {
          withMinutes = meeting;
          break;
        }
      }
      expect(withMinutes).toBeDefined();
      await page.goto(`${baseUrl()}/meetings/${withMinutes!.id}`);
      await page.getByTestId('minutes-input').waitFor();
      await onPaper(page, 'meeting-detail', 'meeting-print');
      await page.emulateMedia({ media: 'print' });
      try {
        expect(await page.getByTestId('minutes-input').isVisible()).toBe(false);
        const minutes = page.getByTestId('minutes-print');
        expect(await minutes.isVisible()).toBe(true);
        await shows(minutes, withMinutes!.minutes.split('\n')[0]!.trim());
        await shows(page.getByTestId('print-stamp'), '会议纪要');
      } finally {
        await page.emulateMedia({ media: 'screen' });
      }
    } finally {
      await b.close();
    }
  });
});
