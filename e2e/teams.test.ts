/**
 * Suggestions at work: a community worker opens a project role, sees the people suggested
 * for it with their reasons, and invites one; on a phone the member accepts and appears
 * as the role's claimant.
 */
import { describe, expect, it } from 'vitest';
import { apiCall, baseUrl, DESKTOP, login, openBrowser, PHONE, regionNamed, screenshot } from './browser';
import { eventually, shows } from './wait';

describe('a suggested member invited to a role', () => {
  it('the organiser sees reasons and invites; the member accepts on a phone and claims it', async () => {
    const worker = await openBrowser(DESKTOP);
    const member = await openBrowser(PHONE);
    try {
      await login(worker.page, 'community_worker');
      // A counselling desk in 张建国's own building, three weeks out (when he is free).
      const community = await regionNamed(worker.page, '八角北路社区', 'community');
      const building = await regionNamed(worker.page, '3号楼', 'building', community.id);
      const week = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
      const created = await apiCall(worker.page, 'POST', '/api/projects', {
        title: '楼门心理疏导站',
        regionId: building.id,
        startsAt: week(23),
        endsAt: week(23.1),
        roles: [{ kind: 'custom', name: '心理疏导员', slots: 2, specialties: ['counselling'] }],
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const project = created.body;
      await apiCall(worker.page, 'POST', `/api/projects/${project.id}/transition`, { to: 'published' });
      const role = project.roles[0];
      const zhang = (await apiCall(worker.page, 'GET', `/api/members?q=${encodeURIComponent('张建国')}`)).body
        .items[0];

      // The organiser opens the role's suggestions: each with its reasons.
      await worker.page.goto(`${baseUrl()}/projects/${project.id}`);
      await worker.page.getByTestId(`role-suggest-${role.id}`).click();
      const reasons = worker.page.getByTestId(`suggestion-reasons-${zhang.id}`);
      await reasons.waitFor();
      await shows(reasons, '特长匹配：心理疏导');
      await shows(reasons, '住在同一楼栋');
      await screenshot(worker.page, 'teams-suggestions');
      await worker.page.getByTestId(`suggestion-invite-${zhang.id}`).click();
      await worker.page.getByTestId(`suggestion-invited-${zhang.id}`).waitFor();

      // The member accepts on a phone, and so claims the role.
      await login(member.page, 'member');
      await member.page.goto(`${baseUrl()}/me/invitations`);
      const invitation = member.page
        .locator('[data-testid^="invitation-"]', { hasText: '楼门心理疏导站' })
        .first();
      await invitation.waitFor();
      const id = (await invitation.getAttribute('data-testid'))!.replace('invitation-', '');
      await screenshot(member.page, 'teams-invitation-phone');
      await member.page.getByTestId(`invitation-accept-${id}`).click();
      await eventually(async () =>
        (await apiCall(worker.page, 'GET', `/api/projects/${project.id}`)).body.claims.map(
          (c: any) => c.claimant.name,
        ),
      ).toContain('张建国');
      await worker.page.reload();
      await shows(worker.page.getByTestId('claims'), '张建国');
      await screenshot(worker.page, 'teams-claimed');

      // As the leader of the community's medical team, he puts a team member forward for the next dedication day.
      const team = (await apiCall(member.page, 'GET', '/api/teams?mine=true')).body.items.find(
        (x: any) => x.can.signUpAsTeam,
      );
      const today = new Date().toISOString().slice(0, 10);
      const later = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
      const next = (
        await apiCall(
          member.page,
          'GET',
          `/api/occurrences?regionId=${community.id}&from=${today}&to=${later}`,
        )
      ).body.items.find((o: any) => o.status === 'scheduled' && Date.parse(o.startsAt) > Date.now());
      const task = next.tasks[0];
      await member.page.goto(`${baseUrl()}/occurrences/${next.id}`);
      await member.page.getByTestId(`task-team-signup-${task.id}`).click();
      await member.page.getByTestId('team-signup-members').click();
      await member.page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
        .nth(1)
        .click();
      await member.page.keyboard.press('Escape');
      await member.page.getByTestId('team-signup-submit').click();
      await eventually(async () =>
        (await apiCall(member.page, 'GET', `/api/teams/${team.id}/activities`)).body.items.some(
          (a: any) => a.kind === 'signup' && a.link === `/occurrences/${next.id}`,
        ),
      ).toBe(true);
      await screenshot(member.page, 'teams-signup-phone');
    } finally {
      await worker.close();
      await member.close();
    }
  });
});
