import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/harness';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('audit trail', () => {
  it('records every write with actor, before/after and address, and shows admins only their scope', async () => {
    const district = await t.as('district_admin');
    const street = await t.as('street_admin');
    const gucheng = await t.region('110107004001');
    const bajiao = await t.region('110107003001');
    const inOther = await district.post('/api/regions', { parentId: gucheng, name: '古城新楼' });
    const inOwn = await street.post('/api/regions', { parentId: bajiao, name: '八角新楼' });
    expect(inOther.status).toBe(201);
    expect(inOwn.status).toBe(201);

    const mine = await street.get('/api/audit?entityType=region&pageSize=50');
    expect(mine.status).toBe(200);
    const entities = mine.body.items.map((e: any) => e.entityId);
    expect(entities).toContain(String(inOwn.body.id));
    expect(entities).not.toContain(String(inOther.body.id));
    const entry = mine.body.items.find((e: any) => e.entityId === String(inOwn.body.id));
    expect(entry).toMatchObject({
      action: 'region.create',
      actor: { username: 'street_admin', displayName: '李秀英' },
      entityLabel: '八角新楼',
      regionName: '八角新楼',
      before: null,
      ip: '127.0.0.1',
    });
    expect(new Date(entry.at).getTime()).toBeGreaterThan(Date.now() - 60_000);

    const all = await district.get('/api/audit?entityType=region&pageSize=50');
    expect(all.body.items.map((e: any) => e.entityId)).toEqual(
      expect.arrayContaining([String(inOwn.body.id), String(inOther.body.id)]),
    );
    const outside = await street.get(`/api/audit?regionId=${gucheng}`);
    expect(outside.status).toBe(403);
    expect(outside.body.error.code).toBe('out_of_scope');
  });

  it('filters by action and by time, newest first', async () => {
    const district = await t.as('district_admin');
    const res = await district.get(
      `/api/audit?action=session.login&from=${encodeURIComponent(new Date(Date.now() - 3600_000).toISOString())}`,
    );
    expect(res.body.total).toBeGreaterThan(0);
    expect(res.body.items.every((e: any) => e.action === 'session.login')).toBe(true);
    const times = res.body.items.map((e: any) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('names each entity as its owner calls it now, else as the entry recorded it', async () => {
    const district = await t.as('district_admin');
    // One entry per kind of entity, about a real row of the demo district: every owner's fragment runs.
    const tables: Record<string, string> = {
      user: 'users',
      session: 'users',
      role_assignment: 'role_assignments',
      unit: 'units',
      party_org: 'party_orgs',
      person: 'people',
      registration: 'community_registrations',
      body: 'bodies',
      meeting: 'meetings',
      task: 'tasks',
      import: 'imports',
      need: 'needs',
      invitation: 'invitations',
      project: 'projects',
      claim: 'claims',
      dedication_day: 'dedication_days',
      occurrence: 'dedication_occurrences',
      dedication_task: 'dedication_tasks',
      signup: 'signups',
      facility: 'facilities',
      booking: 'bookings',
      team: 'teams',
      team_member: 'team_members',
      course: 'courses',
      course_session: 'course_sessions',
      enrolment: 'enrolments',
      notice: 'notices',
      campaign: 'campaigns',
      evaluation: 'evaluations',
    };
    const [district1] = await t.sql<{ id: number }>('SELECT id FROM regions WHERE parent_id IS NULL LIMIT 1');
    const districtId = district1!.id;
    const found: string[] = [];
    for (const [type, table] of Object.entries(tables)) {
      const [row] = await t.sql<{ id: string }>(`SELECT id::text FROM ${table} ORDER BY id LIMIT 1`);
      if (!row) continue;
      found.push(type);
      await t.sql(
        `INSERT INTO audit_log (district_id, region_id, action, entity_type, entity_id) VALUES ($1, $1, 'test.label', $2, $3)`,
        [districtId, type, row.id],
      );
    }
    expect(found.length).toBeGreaterThan(20);
    const res = await district.get('/api/audit?action=test.label&pageSize=100');
    expect(res.status).toBe(200);
    const unnamed = res.body.items.filter((e: any) => !e.entityLabel).map((e: any) => e.entityType);
    expect(unnamed).toEqual([]);

    // Gone, or not named by its owner: the title the entry recorded; a bare number never.
    await t.sql(
      `INSERT INTO audit_log (district_id, region_id, action, entity_type, entity_id, after)
       VALUES ($1, $1, 'test.gone', 'project', '999999', '{"title":"楼道清洁"}'), ($1, $1, 'test.gone', 'ledger_entry', '7', '{"delta":1}')`,
      [districtId],
    );
    const gone = await district.get('/api/audit?action=test.gone');
    expect(Object.fromEntries(gone.body.items.map((e: any) => [e.entityType, e.entityLabel]))).toEqual({
      project: '楼道清洁',
      ledger_entry: null,
    });
  });

  it('is closed to roles without audit rights', async () => {
    const member = await t.as('member');
    expect((await member.get('/api/audit')).status).toBe(403);
  });

  it('cannot be edited or deleted, even directly in the database', async () => {
    await expect(t.sql('UPDATE audit_log SET action = $1', ['x'])).rejects.toThrow(/append-only/);
    await expect(t.sql('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });
});
