import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCursorPagesLikeNumbered, expectForgedCursorsRefused } from '../../../test/cursor-pages';
import { type Client, startTestApp, type TestContext } from '../../../test/harness';
import { runDueJobs } from '../jobs/jobs.service';
import { fanOut } from './notices.service';

let t: TestContext;
let street: Client;
let bajiaoNorth: number;

beforeAll(async () => {
  t = await startTestApp();
  street = await t.as('street_admin');
  bajiaoNorth = await t.region('110107003001');
});
afterAll(() => t.close());

describe('notices and their audience', () => {
  it('an audience is exactly a subtree narrowed by its filters, and nobody outside it', async () => {
    const preview = await street.post('/api/notices/preview', { regionId: bajiaoNorth, partyOnly: true });
    expect(preview.status).toBe(200);
    const [direct] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM people p JOIN regions h ON h.id = p.home_region_id
        WHERE p.party_org_id IS NOT NULL AND h.path <@ (SELECT path FROM regions WHERE id = $1)`,
      [bajiaoNorth],
    );
    expect(preview.body.count).toBe(direct!.n);
    expect(preview.body.byCommunity).toEqual([
      expect.objectContaining({ regionId: bajiaoNorth, count: direct!.n }),
    ]);
    const retired = await street.post('/api/notices/preview', {
      regionId: bajiaoNorth,
      partyOnly: true,
      partyStatus: 'retired',
    });
    const [r] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM people p JOIN regions h ON h.id = p.home_region_id
        WHERE p.party_status = 'retired' AND p.party_org_id IS NOT NULL AND h.path <@ (SELECT path FROM regions WHERE id = $1)`,
      [bajiaoNorth],
    );
    expect(retired.body.count).toBe(r!.n);
    expect(retired.body.count).toBeLessThan(preview.body.count);
    // Another street's admin cannot reach here; a member cannot publish at all.
    const other = await t.as('street_110107004');
    expect((await other.post('/api/notices/preview', { regionId: bajiaoNorth })).status).toBe(403);
    expect(
      (await (await t.as('member')).post('/api/notices/preview', { regionId: bajiaoNorth })).status,
    ).toBe(403);
  });

  it('publishes in the background; a recipient reads it once; the read rate rises; the body is cleaned', async () => {
    const draft = await street.post('/api/notices', {
      kind: 'open_letter',
      title: '致八角北路社区党员的一封信',
      body: '<p>各位党员：</p><script>alert(1)</script><p onclick="x()">请积极参加<strong>固定奉献日</strong>。</p>',
      audience: { regionId: bajiaoNorth, partyOnly: true },
    });
    expect(draft.status).toBe(201);
    expect(draft.body.body).toBe('<p>各位党员：</p><p>请积极参加<strong>固定奉献日</strong>。</p>');
    // A file attached to the draft travels with it.
    const attached = await street.request(
      'POST',
      `/api/notices/${draft.body.id}/attachments`,
      Buffer.from('%PDF-1.4 活动安排'),
      {
        'content-type': 'application/pdf',
        'x-file-name': encodeURIComponent('活动安排.pdf'),
      },
    );
    expect(attached.status).toBe(201);
    expect(attached.body).toMatchObject({ name: '活动安排.pdf' });
    const published = await street.post(`/api/notices/${draft.body.id}/publish`);
    expect(published.status).toBe(202);
    expect(published.body.status).toBe('publishing');
    expect((await street.post(`/api/notices/${draft.body.id}/publish`)).status).toBe(409);
    await runDueJobs(t.db);
    const after = await street.get(`/api/notices/${draft.body.id}`);
    expect(after.body).toMatchObject({ status: 'published', reads: 0 });
    expect(after.body.recipients).toBeGreaterThan(0);

    const member = await t.as('member');
    const inbox = await member.get('/api/notices?inbox=true&unread=true');
    expect(inbox.body.items.map((n: any) => n.id)).toContain(draft.body.id);
    expect((await member.get('/api/notifications')).body.items[0].text).toContain(
      '致八角北路社区党员的一封信',
    );
    const read = await member.post(`/api/notices/${draft.body.id}/read`);
    expect(read.body.readAt).not.toBeNull();
    await member.post(`/api/notices/${draft.body.id}/read`);
    const entries = await t.sql(
      "SELECT 1 FROM ledger_entries WHERE kind = 'notice_read' AND source_id = $1",
      [draft.body.id],
    );
    expect(entries).toHaveLength(1);
    const reads = await street.get(`/api/notices/${draft.body.id}/reads`);
    expect(reads.body).toMatchObject({ reads: 1, recipients: after.body.recipients });
    expect(reads.body.readRate).toBeCloseTo(1 / after.body.recipients, 3);
    // The recipient downloads the attachment; once published, nothing more is attached.
    const file = await member.request('GET', `/api/notices/${draft.body.id}/attachments/${attached.body.id}`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toContain('application/pdf');
    expect(String(file.body)).toContain('活动安排');
    const late = await street.request('POST', `/api/notices/${draft.body.id}/attachments`, Buffer.from('x'), {
      'content-type': 'text/plain',
      'x-file-name': 'late.txt',
    });
    expect(late.status).toBe(409);
    // Not sent to a resident: they cannot open it, nor its attachment.
    const resident = await t.as('resident');
    expect((await resident.get(`/api/notices/${draft.body.id}`)).status).toBe(404);
    expect((await resident.get(`/api/notices/${draft.body.id}/attachments/${attached.body.id}`)).status).toBe(
      404,
    );
  });

  it('fans out to 40,000 recipients, each exactly once even when the job runs again', async () => {
    // 40,000 Party members in one community, as a street's membership at district scale.
    await t.sql(
      `INSERT INTO people (district_id, name, gender, home_region_id, party_org_id, party_status, party_since)
       SELECT 1, '扇出党员' || g, 'female', (SELECT id FROM regions WHERE parent_id = $1 AND kind = 'building' ORDER BY id LIMIT 1),
              (SELECT id FROM party_orgs WHERE name = '八角北路社区党委'), 'retired', date '1995-07-01'
         FROM generate_series(1, 40000) g`,
      [bajiaoNorth],
    );
    const draft = await street.post('/api/notices', {
      kind: 'notice',
      title: '宣传周活动安排',
      body: '<p>安排如下。</p>',
      audience: { regionId: bajiaoNorth, partyOnly: true },
    });
    await street.post(`/api/notices/${draft.body.id}/publish`);
    await runDueJobs(t.db);
    const count = async () =>
      (
        await t.sql<{ n: number; people: number }>(
          'SELECT count(*)::int AS n, count(DISTINCT person_id)::int AS people FROM notice_recipients WHERE notice_id = $1',
          [draft.body.id],
        )
      )[0]!;
    const first = await count();
    expect(first.n).toBeGreaterThan(40000);
    expect(first.n).toBe(first.people);
    const bells = async () =>
      (
        await t.sql<{ n: number }>(
          "SELECT count(*)::int AS n FROM notifications WHERE kind = 'notify_notice' AND params->>'title' = '宣传周活动安排'",
        )
      )[0]!.n;
    const rung = await bells();
    // The job runs again from the start (a retry after a crash): nothing doubles.
    await fanOut(t.db, { districtId: 1, noticeId: draft.body.id, after: 0 }, { id: 0 });
    expect(await count()).toEqual(first);
    expect(await bells()).toBe(rung);
    expect((await street.get(`/api/notices/${draft.body.id}`)).body.recipients).toBe(first.n);
  });
});

describe('read counts', () => {
  it('keeps each notice’s read count equal to its readers, however the reads are written', async () => {
    const matches = async () => {
      const list = await street.get('/api/notices?pageSize=100');
      const direct = await t.sql<{ id: string; reads: number }>(
        'SELECT notice_id AS id, count(read_at)::int AS reads FROM notice_recipients GROUP BY notice_id',
      );
      const byId = new Map(direct.map((r) => [Number(r.id), r.reads]));
      expect(list.body.items.some((n: any) => n.reads > 0)).toBe(true);
      for (const n of list.body.items) expect(n.reads).toBe(byId.get(n.id) ?? 0);
    };
    await matches(); // as the demo's bulk insert of read receipts left them
    await t.sql(
      'UPDATE notice_recipients SET read_at = NULL WHERE person_id % 3 = 0 AND read_at IS NOT NULL',
    );
    await t.sql('UPDATE notice_recipients SET read_at = now() WHERE person_id % 5 = 0 AND read_at IS NULL');
    await matches();
  });
});

describe('a team’s audience, a campaign, the bell and the reminder', () => {
  it('reaches a team’s active members, rings those who did not mute it, and reminds the unread', async () => {
    const [one, two] = await t.members('nt', 3, bajiaoNorth);
    const people = await t.sql<{ id: number; user_id: number }>(
      "SELECT id, user_id FROM people WHERE name LIKE 'nt党员%' ORDER BY name",
    );
    const [team] = await t.sql<{ id: number }>(
      `INSERT INTO teams (district_id, region_id, name, specialty)
       VALUES (1, $1, '通知测试服务队', (SELECT code FROM specialties ORDER BY code LIMIT 1)) RETURNING id`,
      [bajiaoNorth],
    );
    // Two active members; the third only applied, so is not in the audience.
    await t.sql(
      `INSERT INTO team_members (district_id, team_id, person_id, status)
       VALUES (1, $1, $2, 'active'), (1, $1, $3, 'active'), (1, $1, $4, 'applied')`,
      [team!.id, people[0]!.id, people[1]!.id, people[2]!.id],
    );
    const audience = { regionId: bajiaoNorth, teamId: team!.id };
    expect((await street.post('/api/notices/preview', audience)).body.count).toBe(2);
    // A team of another street is outside this notice's area.
    const [far] = await t.sql<{ id: number }>(
      `INSERT INTO teams (district_id, region_id, name, specialty)
       SELECT 1, r.id, '远处服务队', (SELECT code FROM specialties ORDER BY code LIMIT 1)
         FROM regions r WHERE r.kind = 'community' AND NOT r.path <@ (SELECT path FROM regions WHERE id = $1)
        ORDER BY r.id LIMIT 1 RETURNING id`,
      [bajiaoNorth],
    );
    const outside = await street.post('/api/notices/preview', { regionId: bajiaoNorth, teamId: far!.id });
    expect(outside.status).toBe(422);
    expect(outside.body.error.code).toBe('notice_team_outside');
    // A campaign it names must be there.
    const body = { kind: 'notice', title: '服务队通知', body: '<p>集合。</p>', audience };
    const broken = await street.post('/api/notices', { ...body, campaignId: 99_999_999 });
    expect(broken.body.error).toMatchObject({ code: 'reference_broken' });
    const [campaign] = await t.sql<{ id: number }>(
      `INSERT INTO campaigns (district_id, region_id, kind, title, starts_on, ends_on)
       VALUES (1, $1, (SELECT enum_range(NULL::campaign_kind))[1], '通知测试宣传周', current_date, current_date)
       RETURNING id`,
      [bajiaoNorth],
    );
    const draft = await street.post('/api/notices', { ...body, campaignId: campaign!.id });
    expect(draft.body.campaignId).toBe(campaign!.id);
    // The second member muted notices in the bell.
    await two!.put('/api/notifications/prefs', { muted: ['notify_notice'], channels: [] });
    await street.post(`/api/notices/${draft.body.id}/publish`);
    await runDueJobs(t.db);
    const bells = async (kind: string) =>
      t.sql<{ user_id: number; read: boolean }>(
        'SELECT user_id, read_at IS NOT NULL AS read FROM notifications WHERE kind = $1 AND link = $2 ORDER BY user_id',
        [kind, `/me/inbox/${draft.body.id}`],
      );
    expect((await street.get(`/api/notices/${draft.body.id}`)).body.recipients).toBe(2);
    expect(await bells('notify_notice')).toEqual([{ user_id: people[0]!.user_id, read: false }]);
    // Reading the notice reads its bell too.
    await one!.post(`/api/notices/${draft.body.id}/read`);
    expect(await bells('notify_notice')).toEqual([{ user_id: people[0]!.user_id, read: true }]);
    // The reminder goes to the one who has not read it.
    expect((await street.post(`/api/notices/${draft.body.id}/remind`)).body).toEqual({ reminded: 1 });
    await runDueJobs(t.db);
    expect(await bells('notify_notice_reminder')).toEqual([{ user_id: people[1]!.user_id, read: false }]);
  });
});

describe('the lists, read on by cursor', () => {
  it('give the same pages as by number, newest first and an inbox latest published first; a forged cursor is a 400', async () => {
    // Notices written and published in the same instant: the id orders them, and pages break among them.
    const [member] = await t.sql<{ id: number; home: number }>(
      `SELECT p.id, c.id AS home FROM people p JOIN users u ON u.id = p.user_id JOIN regions h ON h.id = p.home_region_id
         JOIN regions c ON c.path = subpath(h.path, 0, 3) WHERE u.username = 'member'`,
    );
    const made = await t.sql<{ id: number }>(
      `INSERT INTO notices (district_id, region_id, kind, title, body, audience, status, published_at, created_at)
       SELECT 1, $1, 'notice', '同时发出的通知' || g, '<p>通知</p>', jsonb_build_object('regionId', $1::bigint),
              'published', '2026-03-02 09:00+08', '2026-03-01 09:00+08' FROM generate_series(1, 7) g RETURNING id`,
      [bajiaoNorth],
    );
    await t.sql(
      `INSERT INTO notice_recipients (district_id, notice_id, person_id, community_id)
       SELECT 1, id, $1, $2 FROM unnest($3::bigint[]) id`,
      [member!.id, member!.home, made.map((n) => n.id)],
    );
    const all = await expectCursorPagesLikeNumbered(street, '/api/notices', 3);
    const order = await t.sql<{ id: number }>(
      `SELECT n.id FROM notices n JOIN regions r ON r.id = n.region_id
        WHERE r.path <@ (SELECT path FROM regions WHERE code = '110107003') ORDER BY n.created_at DESC, n.id DESC`,
    );
    expect(all).toEqual(order.map((n) => n.id));
    const reader = await t.as('member');
    const inbox = await expectCursorPagesLikeNumbered(reader, '/api/notices?inbox=true', 2);
    expect(inbox.filter((id) => made.some((n) => n.id === id))).toEqual(made.map((n) => n.id).reverse());
    await expectCursorPagesLikeNumbered(reader, '/api/notices?inbox=true&unread=true', 3);
    await expectCursorPagesLikeNumbered(await t.as('district_admin'), '/api/notices?kind=notice', 4);
    await expectForgedCursorsRefused(street, '/api/notices', 2);
    await expectForgedCursorsRefused(reader, '/api/notices?inbox=true', 2);
  });
});
