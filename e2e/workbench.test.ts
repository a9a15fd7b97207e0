/**
 * The workbench leads each person through their day: what waits for them is on the home
 * screen, one click from where it is done, and leaves once done.
 */
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
  timeTravel,
} from './browser';
import { eventually, shows } from './wait';

describe('the workbench', () => {
  it('the street admin sees the registrations waiting, opens one from the home screen and approves it; it leaves the count', async () => {
    const desk = await openBrowser(DESKTOP);
    try {
      await login(desk.page, 'street_admin');
      const group = desk.page.getByTestId('todo-registration.decide');
      await group.waitFor();
      await shows(group, '报到待审核');
      const count = desk.page.getByTestId('todo-count-registration.decide');
      const before = Number(await count.textContent());
      expect(before).toBeGreaterThan(0);
      await screenshot(desk.page, 'workbench-street-admin');

      // The oldest one: one click to the inbox where it is decided.
      const first = group.locator('[data-testid^="todo-item-registration.decide-"]').first();
      const id = (await first.getAttribute('data-testid'))!.replace('todo-item-registration.decide-', '');
      await first.click();
      await desk.page.waitForURL((url) => url.pathname === '/registrations');
      await desk.page.getByTestId(`registration-approve-${id}`).click();
      await eventually(() => desk.page.getByTestId(`registration-approve-${id}`).count()).toBe(0);

      await desk.page.goto(`${baseUrl()}/`);
      await eventually(async () =>
        (await desk.page.getByTestId('todo-registration.decide').count())
          ? Number(await desk.page.getByTestId('todo-count-registration.decide').textContent())
          : 0,
      ).toBe(before - 1);
    } finally {
      await desk.close();
    }
  });

  it('the street admin reads 概况 on a phone: last week against the week before, one tap from the dashboard on that figure', async () => {
    const phone = await openBrowser(PHONE);
    try {
      await login(phone.page, 'street_admin');
      const overview = phone.page.getByTestId('workbench-overview');
      await overview.waitFor();
      await shows(overview, '概况 · 八角街道');
      await shows(overview, '上周');
      // Each figure as the server counted it, with its change against the week before in words.
      const week = (await apiGet(phone.page, '/api/workbench')).overview;
      const hours = week.figures.find((f: { key: string }) => f.key === 'serviceHours');
      const tile = phone.page.getByTestId('week-figure-serviceHours');
      await shows(tile, '服务时长');
      await eventually(async () =>
        Number(await tile.locator('[data-value]').getAttribute('data-value')),
      ).toBe(hours.value);
      await shows(tile, hours.value === hours.previous ? '与前一周持平' : '比前一周');
      await shows(overview, '居民提出需求');
      // 390 px wide: nothing wider than the screen.
      await eventually(() => phone.page.evaluate<number>('document.documentElement.scrollWidth')).toBe(
        PHONE.width,
      );
      await tile.scrollIntoViewIfNeeded();
      await screenshot(phone.page, 'workbench-overview-phone');

      // One tap: the street's dashboard, on the month holding that week, the card marked.
      await tile.click();
      await phone.page.waitForURL((url) => url.pathname === '/dashboards');
      const url = new URL(phone.page.url());
      expect(url.searchParams.get('regionId')).toBe(String(week.region.id));
      expect(url.searchParams.get('figure')).toBe('serviceHours');
      await shows(phone.page.getByTestId('dashboard-title'), '八角街道');
      await eventually(() =>
        phone.page.getByTestId('dashboard-card-serviceHours').getAttribute('data-focused'),
      ).toBe('true');
    } finally {
      await phone.close();
    }
  });

  it('a member claims a role from the workbench on a phone and finds it under 即将', async () => {
    const desk = await openBrowser(DESKTOP);
    const phone = await openBrowser(PHONE);
    const title = '楼门口义务理发';
    try {
      // The community worker publishes a project for the day after tomorrow.
      await login(desk.page, 'community_worker');
      const community = await regionNamed(desk.page, '八角北路社区', 'community');
      const at = (days: number, hour: number) =>
        `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T${hour}:00:00+08:00`;
      const created = await apiCall(desk.page, 'POST', '/api/projects', {
        title,
        regionId: community.id,
        startsAt: at(2, 14),
        endsAt: at(2, 16),
        roles: [{ kind: 'health_worker', slots: 3 }],
      });
      expect(created.status).toBe(201);
      expect(
        (await apiCall(desk.page, 'POST', `/api/projects/${created.body.id}/transition`, { to: 'published' }))
          .status,
      ).toBe(200);

      // The member, from the home screen's tile, claims it in two taps.
      await login(phone.page, 'member');
      await phone.page.getByTestId('quick-myClaim').click();
      const role = phone.page.locator('[data-testid^="claimable-role-"]', { hasText: title }).first();
      await role.waitFor();
      const roleId = (await role.getAttribute('data-testid'))!.replace('claimable-role-', '');
      await phone.page.getByTestId(`claim-role-${roleId}`).click();
      await phone.page.getByTestId('claim-confirm').click();
      await eventually(() => phone.page.getByTestId(`claim-role-${roleId}`).count()).toBe(0);

      // Back home, it is what comes next.
      await phone.page.goto(`${baseUrl()}/`);
      const next = phone.page.getByTestId('workbench-upcoming').locator('[data-testid^="upcoming-claim-"]', {
        hasText: title,
      });
      await next.first().waitFor();
      await shows(next.first(), '认领岗位');
      await screenshot(phone.page, 'workbench-member-phone');
    } finally {
      await desk.close();
      await phone.close();
    }
  });

  it('the community worker opens the oldest need from the workbench, reads it and accepts it there', async () => {
    const desk = await openBrowser(DESKTOP);
    try {
      await login(desk.page, 'community_worker');
      const group = desk.page.getByTestId('todo-need.decide');
      await group.waitFor();
      const first = group.locator('[data-testid^="todo-item-need.decide-"]').first();
      const id = (await first.getAttribute('data-testid'))!.replace('todo-item-need.decide-', '');
      await first.click();
      await desk.page.waitForURL((url) => url.pathname === `/needs/${id}`);
      await desk.page.getByTestId('need-detail').waitFor();
      await desk.page.getByTestId(`need-accept-${id}`).click();
      await shows(desk.page.getByTestId('need-status'), '已受理');
      await screenshot(desk.page, 'workbench-need-accepted');
    } finally {
      await desk.close();
    }
  });

  it('the lecturer records the attendance a past session waits for, from the workbench', async () => {
    // The demo lecturer's latest held session, its attendance not yet recorded.
    await timeTravel(`DELETE FROM session_attendance WHERE session_id = (
        SELECT s.id FROM course_sessions s JOIN users u ON u.id = s.lecturer_user_id
         WHERE u.username = 'lecturer' AND s.ends_at < now()
           AND EXISTS (SELECT 1 FROM enrolments e WHERE e.course_id = s.course_id)
         ORDER BY s.ends_at DESC LIMIT 1)`);
    const desk = await openBrowser(DESKTOP);
    try {
      await login(desk.page, 'lecturer');
      const group = desk.page.getByTestId('todo-attendance.record');
      await group.waitFor();
      await shows(group, '待登记出勤');
      const first = group.locator('[data-testid^="todo-item-attendance.record-"]').first();
      const sessionId = (await first.getAttribute('data-testid'))!.replace(
        'todo-item-attendance.record-',
        '',
      );
      await first.click();
      // The course page opens on that session's sheet.
      const sheet = desk.page.getByTestId(`attendance-sheet-${sessionId}`);
      await sheet.waitFor();
      await desk.page.getByTestId('attendance-all-present').click();
      await desk.page.getByTestId('attendance-save').click();
      // Saved: it leaves the workbench, there and on the page.
      const waiting = async () =>
        ((await apiGet(desk.page, '/api/workbench')).todos as { kind: string; items: { id: number }[] }[])
          .filter((g) => g.kind === 'attendance.record')
          .flatMap((g) => g.items.map((i) => String(i.id)));
      await eventually(waiting).not.toContain(sessionId);
      await desk.page.goto(`${baseUrl()}/`);
      await desk.page.getByTestId('workbench-todos').waitFor();
      await eventually(() =>
        desk.page.locator(`[data-testid="todo-item-attendance.record-${sessionId}"]`).count(),
      ).toBe(0);
    } finally {
      await desk.close();
    }
  });
});
