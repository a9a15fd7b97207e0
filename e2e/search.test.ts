/**
 * The search in the header: a community worker finds a resident or a project by a few
 * characters from the middle of its name, sees the results grouped by kind and opens one —
 * at a desk with the mouse and the keyboard, and on a phone.
 */
import { describe, expect, it } from 'vitest';
import { apiCall, baseUrl, DESKTOP, login, openBrowser, PHONE, regionNamed, screenshot } from './browser';
import { eventually, shows } from './wait';

const at = (days: number, hour: number) =>
  `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00:00+08:00`;

describe('the search in the header', () => {
  it('a community worker finds a project and a resident by part of their names, grouped, and opens each', async () => {
    const desk = await openBrowser(DESKTOP);
    try {
      await login(desk.page, 'community_worker');
      const community = await regionNamed(desk.page, '八角北路社区', 'community');
      const project = await apiCall(desk.page, 'POST', '/api/projects', {
        title: '银杏书院周末读书角',
        regionId: community.id,
        startsAt: at(5, 9),
        endsAt: at(5, 11),
        roles: [{ kind: 'custom', name: '领读人', slots: 2 }],
      });
      expect(project.status).toBe(201);
      // A resident lives in a building (the dashboards add buildings up to their community).
      const building = await regionNamed(desk.page, '号楼', 'building', community.id);
      const person = await apiCall(desk.page, 'POST', '/api/members', {
        name: '端木清扬',
        gender: 'male',
        homeRegionId: building.id,
      });
      expect(person.status).toBe(201);

      // A few characters from the middle of the title, typed in the header.
      const box = desk.page.getByTestId('search-input');
      await box.click();
      // A labelled combobox: a screen reader names it and follows the list it opens.
      expect(await box.getAttribute('role')).toBe('combobox');
      expect(await box.getAttribute('aria-label')).toBe('全局搜索');
      await box.fill('书院周');
      const group = desk.page.getByTestId('search-group-project');
      await group.waitFor();
      await shows(group, '公益项目');
      const hit = desk.page.getByTestId(`search-hit-project-${project.body.id}`);
      await shows(hit, '银杏书院周末读书角');
      await shows(hit, '八角北路社区');
      // The active result is announced by kind, name and place.
      await eventually(() =>
        desk.page
          .locator('[role="option"][aria-label="公益项目 · 银杏书院周末读书角 · 八角北路社区"]')
          .count(),
      ).toBe(1);
      await screenshot(desk.page, 'search-desk');
      await hit.click();
      await desk.page.waitForURL((url) => url.pathname === `/projects/${project.body.id}`);
      await shows(desk.page, '银杏书院周末读书角');
      // The box is empty again for the next search.
      await eventually(() => box.inputValue()).toBe('');

      // The keyboard alone: type, go down to the person, open with Enter.
      await box.focus();
      await box.fill('木清');
      await desk.page.getByTestId(`search-hit-person-${person.body.id}`).waitFor();
      await shows(desk.page.getByTestId('search-group-person'), '人员');
      await box.press('ArrowDown');
      await box.press('Enter');
      // People have no page of their own: the list of people, filtered to the name.
      await desk.page.waitForURL((url) => url.pathname === '/members');
      expect(new URL(desk.page.url()).searchParams.get('q')).toBe('端木清扬');
      await shows(desk.page.locator('.ant-table'), '端木清扬');

      // Nothing found says so.
      await box.fill('查无此名称');
      await shows(desk.page.getByTestId('search-none'), '没有找到与“查无此名称”相关的结果');
    } finally {
      await desk.close();
    }
  });

  it('on a phone, the search opens over the whole screen and a result leads to its page', async () => {
    const phone = await openBrowser(PHONE);
    try {
      await login(phone.page, 'community_worker');
      const community = await regionNamed(phone.page, '八角北路社区', 'community');
      const project = await apiCall(phone.page, 'POST', '/api/projects', {
        title: '梧桐巷口义务修车',
        regionId: community.id,
        startsAt: at(6, 14),
        endsAt: at(6, 16),
        roles: [{ kind: 'custom', name: '修车师傅', slots: 2 }],
      });
      expect(project.status).toBe(201);

      await phone.page.getByTestId('search-open').click();
      const panel = phone.page.getByTestId('search-panel');
      await panel.waitFor();
      // It covers the screen.
      const height = () =>
        panel.evaluate(
          (el) => el.closest('.ant-drawer-content-wrapper')?.getBoundingClientRect().height ?? 0,
        );
      await eventually(height).toBeGreaterThanOrEqual(PHONE.height - 1);
      await panel.getByTestId('search-input').fill('巷口义');
      const group = panel.getByTestId('search-group-project');
      await group.waitFor();
      await shows(group, '公益项目');
      await screenshot(phone.page, 'search-phone');
      await panel.getByTestId(`search-hit-project-${project.body.id}`).click();
      await phone.page.waitForURL((url) => url.pathname === `/projects/${project.body.id}`);
      await shows(phone.page, '梧桐巷口义务修车');
      await eventually(() => phone.page.getByTestId('search-panel').isVisible()).toBe(false);
      expect(new URL(phone.page.url()).origin).toBe(new URL(baseUrl()).origin);
    } finally {
      await phone.close();
    }
  });
});
