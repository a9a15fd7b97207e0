/**
 * The user's guide (docs/guide, #23) walks each role's week as the console does it. This test
 * walks the same pages as each demo account and takes the guide's pictures
 * (docs/guide/img/<page>-<step>.png), each once the page shows its real content, so the guide's
 * screenshots follow the console on every run: a desktop for the staff, a phone for Party members
 * and residents. Then the help menu opens the guide of the reader's role inside the console.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiGet, baseUrl, DESKTOP, login, openBrowser, PHONE } from './browser';
import { eventually, shows } from './wait';

const IMG = path.resolve('docs/guide/img');
fs.mkdirSync(IMG, { recursive: true });

/** Waits for what the picture is of, and for nothing still loading, then takes it (the window, not the whole page). */
async function picture(page: Page, name: string, what: Locator) {
  await what.first().waitFor();
  await eventually(() => page.locator('.ant-skeleton, .ant-spin-spinning').count()).toBe(0);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(IMG, `${name}.png`) });
}

/** Signs in as a demo account and walks its pages; each step opens an address and pictures a part of it. */
async function walk(
  username: string,
  viewport: typeof DESKTOP,
  steps: (page: Page, go: (to: string) => Promise<void>) => Promise<void>,
) {
  const b = await openBrowser(viewport);
  try {
    await login(b.page, username);
    await steps(b.page, async (to) => {
      await b.page.goto(`${baseUrl()}${to}`);
    });
  } finally {
    await b.close();
  }
}

describe("the user's guide: each role's pictures", () => {
  it('district admin: workbench, an evaluation, the dashboards, users and roles', async () => {
    await walk('district_admin', DESKTOP, async (page, go) => {
      await picture(page, 'district-admin-workbench', page.getByTestId('workbench-todos'));
      const { items } = await apiGet(page, '/api/evaluations?pageSize=50');
      const open = items.find((e: { status: string; honour: string }) => e.status === 'open');
      expect(open).toBeDefined();
      await go(`/evaluations/${open.id}`);
      await shows(page.getByTestId('evaluation-detail'), '评选中');
      await picture(page, 'district-admin-evaluation', page.getByTestId('evaluation-candidates'));
      await go('/dashboards');
      await shows(page.getByTestId('dashboard-page'), '参与指数');
      await picture(page, 'district-admin-dashboard', page.getByTestId('dashboard-title'));
      await go('/users');
      await shows(page.getByTestId('user-table'), 'street_admin');
      await picture(page, 'district-admin-users', page.getByTestId('user-table'));
    });
  });

  it('street admin: workbench, registrations, coverage, a course, reminder settings', async () => {
    await walk('street_admin', DESKTOP, async (page, go) => {
      await picture(page, 'street-admin-workbench', page.getByTestId('todo-registration.decide'));
      await go('/registrations');
      await picture(
        page,
        'street-admin-registrations',
        page.locator('[data-testid^="registration-approve-"]'),
      );
      await go('/coverage');
      await picture(page, 'street-admin-coverage', page.getByTestId('coverage-gaps'));
      const { items } = await apiGet(page, '/api/courses?kind=course');
      expect(items.length).toBeGreaterThan(0);
      await go(`/courses/${items[0].id}`);
      await shows(page.getByTestId('course-attendance'), '保存出勤');
      await picture(page, 'street-admin-course', page.getByTestId('course-detail'));
      await go('/me/notifications');
      await shows(page.getByTestId('notification-prefs'), '每日汇总');
      await page.getByTestId('prefs-digest').scrollIntoViewIfNeeded();
      await picture(page, 'street-admin-reminders', page.getByTestId('prefs-digest'));
    });
  });

  it('community worker: workbench, a need, a project, a dedication day, a reset code', async () => {
    await walk('community_worker', DESKTOP, async (page, go) => {
      await picture(page, 'community-worker-workbench', page.getByTestId('todo-need.decide'));
      // The oldest need, one click from the workbench.
      await page.locator('[data-testid^="todo-item-need.decide-"]').first().click();
      await page.waitForURL((url) => url.pathname.startsWith('/needs/'));
      await picture(page, 'community-worker-need', page.getByTestId('need-detail'));

      const { items: projects } = await apiGet(page, '/api/projects?pageSize=100');
      const project = projects.find(
        (p: { regionName: string; status: string }) =>
          p.regionName === '八角北路社区' && p.status === 'published',
      );
      expect(project).toBeDefined();
      await go(`/projects/${project.id}`);
      await shows(page.getByTestId('project-detail'), '已发布');
      await picture(page, 'community-worker-project', page.locator('[data-testid^="role-"]'));

      await go('/dedication-calendar');
      await page.getByText('党员固定奉献日').first().click();
      await page.waitForURL((url) => url.pathname.startsWith('/occurrences/'));
      await picture(page, 'community-worker-dedication', page.getByTestId('occurrence-signups'));

      // A reset code for someone who forgot their password: what it does, before it is issued.
      await go('/users');
      await page.getByTestId('user-more-member').click();
      await page.getByRole('menuitem', { name: '发放重置码' }).click();
      await shows(page.locator('.ant-modal'), '24 小时内有效');
      await picture(page, 'community-worker-reset-code', page.getByTestId('reset-code-issue'));
    });
  });

  it("unit contact: workbench, the unit's page, roles to claim, bookings to approve", async () => {
    await walk('unit_contact', DESKTOP, async (page, go) => {
      await picture(page, 'unit-contact-workbench', page.getByTestId('workbench-upcoming'));
      await go('/me/unit');
      await picture(page, 'unit-contact-unit', page.getByTestId('unit-page'));
      await go('/me/claim');
      await picture(page, 'unit-contact-claim', page.getByTestId('claimable'));
      await go('/bookings/inbox');
      await picture(page, 'unit-contact-bookings', page.getByTestId('inbox-tab'));
    });
  });

  it('Party member, on a phone: workbench, registering, claiming, the dedication day, the record', async () => {
    await walk('member', PHONE, async (page, go) => {
      await picture(page, 'party-member-workbench', page.getByTestId('workbench-upcoming'));
      await go('/me/registration');
      await picture(page, 'party-member-registration', page.getByTestId('registration-status'));
      await go('/me/claim');
      await picture(page, 'party-member-claim', page.locator('[data-testid^="claimable-role-"]'));
      await go('/me/dedication');
      await picture(page, 'party-member-dedication', page.getByTestId('my-upcoming'));
      await go('/me/record');
      await picture(page, 'party-member-record', page.getByTestId('record-totals'));
    });
  });

  it('resident, on a phone: workbench, a need, a facility, the record, a forgotten password', async () => {
    await walk('resident', PHONE, async (page, go) => {
      await picture(page, 'resident-workbench', page.getByTestId('home-quick'));
      await go('/me/needs');
      await picture(page, 'resident-need', page.getByTestId('need-title'));
      await go('/facilities/find');
      await picture(page, 'resident-facility', page.locator('[data-testid^="free-facility-"]'));
      await go('/me/record');
      await picture(page, 'resident-record', page.getByTestId('record-totals'));
    });
    const b = await openBrowser(PHONE);
    try {
      await b.page.goto(`${baseUrl()}/login`);
      await b.page.getByTestId('login-forgot').click();
      await shows(b.page.getByTestId('login-forgot-help'), '重置码');
      await picture(b.page, 'resident-forgot-password', b.page.getByTestId('login-use-code'));
    } finally {
      await b.close();
    }
  });

  it('lecturer: workbench, the sessions taught, recording attendance', async () => {
    await walk('lecturer', DESKTOP, async (page, go) => {
      await picture(page, 'lecturer-workbench', page.getByTestId('workbench-upcoming'));
      await go('/me/teaching');
      await picture(page, 'lecturer-teaching', page.getByTestId('teaching-list'));
      // A session held: its sheet opens in place.
      await go('/me/teaching?when=past');
      const open = page.locator('[data-testid^="teaching-attendance-"]').first();
      await open.click();
      await page.getByTestId('attendance-save').waitFor();
      // Its card at the top, under the header.
      await open.evaluate((button: any) => {
        button.closest('.gj-pub-card')?.scrollIntoView();
        (globalThis as any).scrollBy(0, -80);
      });
      await picture(page, 'lecturer-attendance', page.getByTestId('attendance-save'));
    });
  });

  it('every picture the guide shows is one this test takes', () => {
    const pages = fs.readdirSync(path.resolve('docs/guide')).filter((f) => f.endsWith('.md'));
    const shown = new Set(
      pages.flatMap((f) =>
        [...fs.readFileSync(path.resolve('docs/guide', f), 'utf8').matchAll(/\]\(img\/([^)]+)\.png\)/g)].map(
          (m) => m[1],
        ),
      ),
    );
    const taken = new Set(fs.readdirSync(IMG).map((f) => f.replace(/\.png$/, '')));
    expect([...shown].filter((name) => !taken.has(name!))).toEqual([]);
    expect(shown.size).toBeGreaterThan(20);
  });
});

describe('the help menu', () => {
  it("opens the guide of the reader's role in the console, with its pictures, the other roles a click away, in English too", async () => {
    const b = await openBrowser(DESKTOP);
    try {
      const { page } = b;
      await login(page, 'community_worker');
      // The button is named by the word it shows.
      await page.getByRole('button', { name: '帮助', exact: true }).click();
      await page.getByTestId('help-guide').click();
      await page.waitForURL((url) => url.pathname === '/help');
      const article = page.getByTestId('help-article');
      await eventually(() => article.getAttribute('data-page')).toBe('community-worker');
      await shows(article, '社区工作者');
      // The screenshots are there, loaded.
      const img = article.locator('img').first();
      await img.waitFor();
      await eventually(() => img.evaluate((i: any) => i.complete && i.naturalWidth > 0)).toBe(true);
      await expect(page.getByTestId('help-page-community-worker').getAttribute('aria-current')).resolves.toBe(
        'page',
      );

      // Another role's page, one click away.
      await page.getByTestId('help-page-resident').click();
      await page.waitForURL((url) => url.pathname === '/help/resident');
      await eventually(() => article.getAttribute('data-page')).toBe('resident');
      await shows(article, '微心愿');

      // The page's link to its English switches the console to English.
      await article.getByRole('link', { name: 'English', exact: true }).click();
      await shows(article, 'Resident');
      await eventually(() => article.getAttribute('lang')).toBe('en');
      await page.getByRole('button', { name: 'Help', exact: true }).click();
      await page.getByTestId('help-all').click();
      await page.waitForURL((url) => url.pathname === '/help/overview');
      await shows(article, 'Community worker');
      await page.getByTestId('lang-switch').click();
      await shows(article, '社区工作者');
    } finally {
      await b.close();
    }
  });
});
