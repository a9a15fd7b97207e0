/**
 * Stored text is shown, never run (issue #12): titles, names, descriptions and a notice's
 * rich text carrying script are saved through the API as users could, then the pages that
 * show them are opened in Chromium. Nothing may run — no dialog, no flag set by an
 * injected handler, no navigation to a javascript: link — and the text reads as typed.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  apiCall,
  apiGet,
  baseUrl,
  DESKTOP,
  login,
  openBrowser,
  PHONE,
  regionNamed,
  screenshot,
} from './browser';
import { eventually, shows } from './wait';

/** Each tries a different way in; each, if it ran, would set window.__xss. */
const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=2</script>',
  '<svg onload="window.__xss=3"></svg>',
  '"><iframe src="javascript:window.top.__xss=4"></iframe>',
];
const text = (label: string) => `${label}${PAYLOADS.join('')}`;
/** For fields kept to 100 characters. */
const short = (label: string) => `${label}${PAYLOADS[0]}${PAYLOADS[1]}`;

/** Watches a page for anything a payload would do. */
function watch(page: Page) {
  const ran: string[] = [];
  page.on('dialog', (d) => {
    ran.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return {
    ran,
    check: async (where: string) => {
      // Strings, since these run in the page (the tests' types know no DOM).
      const flag = await page.evaluate<number | undefined>('window.__xss');
      if (flag !== undefined) ran.push(`${where}: window.__xss = ${flag}`);
      // An injected element would be in the DOM as a real element, not as text.
      const injected = await page.evaluate<number>(
        `document.querySelectorAll('img[src="x"], svg[onload], iframe[src^="javascript"], main script').length`,
      );
      if (injected) ran.push(`${where}: ${injected} injected elements`);
    },
  };
}

describe('stored text with script in it', () => {
  it('shows as text on every page that shows it, and runs nothing', async () => {
    const worker = await openBrowser(DESKTOP);
    const resident = await openBrowser(PHONE);
    const workerWatch = watch(worker.page);
    const residentWatch = watch(resident.page);
    try {
      await login(worker.page, 'community_worker');
      await login(resident.page, 'resident');
      const community = await regionNamed(worker.page, '八角北路社区', 'community');
      const soon = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

      // A resident's need, a worker's project and notice, all carrying script.
      const need = await apiCall(resident.page, 'POST', '/api/needs', {
        title: short('楼道'),
        description: text('描述'),
        category: 'repair',
      });
      expect(need.status, JSON.stringify(need.body)).toBe(201);
      const project = await apiCall(worker.page, 'POST', '/api/projects', {
        title: short('项目'),
        description: text('说明'),
        regionId: community.id,
        startsAt: soon(5),
        endsAt: soon(5.1),
        roles: [{ kind: 'custom', name: '<b>岗位</b><img src=x onerror=__xss=5>', slots: 2 }],
      });
      expect(project.status, JSON.stringify(project.body)).toBe(201);
      await apiCall(worker.page, 'POST', `/api/projects/${project.body.id}/transition`, { to: 'published' });
      const notice = await apiCall(worker.page, 'POST', '/api/notices', {
        kind: 'notice',
        title: short('通知'),
        body: `<p>正文<a href="javascript:window.__xss=6">点我</a></p>${PAYLOADS.join('')}<p onclick="window.__xss=7">段落</p>`,
        audience: { regionId: community.id },
      });
      expect(notice.status, JSON.stringify(notice.body)).toBe(201);
      await apiCall(worker.page, 'POST', `/api/notices/${notice.body.id}/publish`, {});
      await eventually(async () => (await apiGet(worker.page, `/api/notices/${notice.body.id}`)).status).toBe(
        'published',
      );

      // The worker's pages: the needs inbox, the project, the notice.
      await worker.page.goto(`${baseUrl()}/needs`);
      await worker.page.getByText('楼道<img src=x onerror', { exact: false }).first().waitFor();
      await workerWatch.check('needs');
      await worker.page.goto(`${baseUrl()}/projects/${project.body.id}`);
      await worker.page.getByText('项目<img src=x onerror', { exact: false }).first().waitFor();
      await worker.page.getByText('<b>岗位</b><img src=x', { exact: false }).first().waitFor();
      await workerWatch.check('project');
      await screenshot(worker.page, 'stored-text-project');
      await worker.page.goto(`${baseUrl()}/notices/${notice.body.id}`);
      await worker.page.getByText('通知<img src=x onerror', { exact: false }).first().waitFor();
      await workerWatch.check('notice');

      // The resident's: their needs, the project's page, the notice in the inbox.
      await resident.page.goto(`${baseUrl()}/me/needs`);
      await resident.page.getByText('楼道<img src=x onerror', { exact: false }).first().waitFor();
      await residentWatch.check('my needs');
      await resident.page.goto(`${baseUrl()}/projects/${project.body.id}`);
      await resident.page.getByText('说明<img src=x onerror', { exact: false }).first().waitFor();
      await residentWatch.check('project');
      await resident.page.goto(`${baseUrl()}/me/inbox/${notice.body.id}`);
      const body = resident.page.getByTestId('inbox-notice-body');
      await shows(body, '正文');
      // The link kept its words but lost its javascript: target; the handler-bearing tags are gone.
      await shows(body, '点我');
      expect(await body.locator('a[href^="javascript"], [onclick], img, svg, iframe, script').count()).toBe(
        0,
      );
      await body.getByText('点我').click();
      await residentWatch.check('notice read');
      await screenshot(resident.page, 'stored-text-notice-phone');

      expect([...workerWatch.ran, ...residentWatch.ran]).toEqual([]);
    } finally {
      await worker.close();
      await resident.close();
    }
  });
});
