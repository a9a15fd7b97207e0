/**
 * A project as the district-scale data set has them, with more claims than a page: its page
 * shows the first twenty and the count, and reads the others a page at a time. The organiser
 * acts on a claim of a later page; a member whose claim is listed there still finds the role
 * theirs and their claim's withdrawal.
 */
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { apiCall, baseUrl, DESKTOP, login, openBrowser, PHONE, regionNamed, screenshot } from './browser';
import { eventually, shows } from './wait';

/** Claims made earlier by thirty neighbours: the data a long-running project carries (not a user's act here). */
async function earlierClaims(projectId: number, roleId: number) {
  const client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO claims (district_id, project_id, role_id, person_id, slots, created_at)
       SELECT pr.district_id, pr.id, $2, p.id, 1, now() - interval '1 day'
         FROM projects pr, LATERAL (SELECT id FROM people WHERE district_id = pr.district_id AND name <> '张建国'
                                     ORDER BY id LIMIT 30) p
        WHERE pr.id = $1`,
      [projectId, roleId],
    );
    await client.query('UPDATE project_roles SET claimed = claimed + 30 WHERE id = $1', [roleId]);
  } finally {
    await client.end();
  }
}

describe('a project with more claims than a page', () => {
  it('pages its claims; the organiser removes one on page 2; the member finds their own', async () => {
    const worker = await openBrowser(DESKTOP);
    const member = await openBrowser(PHONE);
    try {
      await login(worker.page, 'community_worker');
      const community = await regionNamed(worker.page, '八角北路社区', 'community');
      const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
      const created = await apiCall(worker.page, 'POST', '/api/projects', {
        title: '社区大扫除',
        regionId: community.id,
        startsAt: day(12),
        endsAt: day(12.2),
        roles: [{ kind: 'custom', name: '清扫员', slots: 100 }],
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const project = created.body;
      const role = project.roles[0];
      await apiCall(worker.page, 'POST', `/api/projects/${project.id}/transition`, { to: 'published' });
      await earlierClaims(project.id, role.id);

      // The member claims on a phone: the 31st claim, listed on the second page.
      await login(member.page, 'member');
      await member.page.goto(`${baseUrl()}/projects/${project.id}`);
      await member.page.getByTestId(`claim-role-${role.id}`).click();
      await member.page.getByTestId('claim-confirm').click();
      const roleCard = member.page.getByTestId(`role-${role.id}`);
      await shows(roleCard, '31/100');
      await shows(member.page, '认领情况（31）');
      const claims = member.page.getByTestId('claims-card');
      await eventually(() => claims.locator('[data-testid^="claim-row-"]').count()).toBe(20);
      await claims.locator('.ant-pagination-item-2').click();
      const own = claims.locator('[data-testid^="claim-row-"]', { hasText: '张建国' });
      await own.waitFor();
      const claimId = (await own.getAttribute('data-testid'))!.replace('claim-row-', '');
      await member.page.getByTestId(`claim-withdraw-${claimId}`).waitFor();
      await screenshot(member.page, 'project-claims-page-2-phone');

      // The organiser reads the second page and takes the claim away, with a reason.
      await worker.page.goto(`${baseUrl()}/projects/${project.id}`);
      const table = worker.page.getByTestId('claims-card');
      await shows(table, '认领情况（31）');
      await table.locator('.ant-pagination-item-2').click();
      await worker.page.getByTestId(`claim-remove-${claimId}`).click();
      await worker.page.getByTestId('claim-remove-reason').fill('时间冲突，改派他人');
      await worker.page.getByTestId('claim-remove-submit').click();
      await eventually(() =>
        worker.page.getByTestId(`claim-row-${claimId}`).getAttribute('data-status'),
      ).toBe('removed');
      await shows(table, '认领情况（30）');
      await screenshot(worker.page, 'project-claims-removed-page-2');

      // The member's page follows: the slot is free again, their claim removed with the reason.
      await member.page.reload();
      await shows(member.page.getByTestId(`role-${role.id}`), '30/100');
      await member.page.getByTestId('claims-card').locator('.ant-pagination-item-2').click();
      await eventually(() =>
        member.page.getByTestId(`claim-row-${claimId}`).getAttribute('data-status'),
      ).toBe('removed');
      await shows(member.page.getByTestId(`claim-row-${claimId}`), '时间冲突，改派他人');
    } finally {
      await worker.close();
      await member.close();
    }
  });
});
