/** The district's settings: its time zone, read by every account, set by its admins, used where times are shown. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestContext } from '../../../test/harness';

let t: TestContext;
let admin: Client;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.as('district_admin');
});
afterAll(() => t.close());

/** The meetings starting on 2030-03-05 (UTC), exported to Excel: the rows under the header. */
async function meetingsSheet(c: Client) {
  const res = await t.app.inject({
    method: 'GET',
    url: '/api/exports/meetings?from=2030-03-04T00:00:00Z&to=2030-03-06T00:00:00Z',
    headers: { cookie: c.cookie!, 'accept-language': 'zh-CN' },
  });
  expect(res.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
}

describe('the district time zone', () => {
  it('is the default until set: every account reads it, the session and /me answer it', async () => {
    for (const who of ['member', 'resident', 'unit_contact', 'street_admin']) {
      const res = await (await t.as(who)).get('/api/district/settings');
      expect(res.status, who).toBe(200);
      expect(res.body, who).toMatchObject({
        timeZone: 'Asia/Shanghai',
        isDefault: true,
        can: { update: false },
      });
    }
    expect((await admin.get('/api/district/settings')).body.can.update).toBe(true);
    expect((await admin.get('/api/auth/me')).body.timeZone).toBe('Asia/Shanghai');
    const signedOut = await t.anonymous().get('/api/auth/session');
    expect(signedOut.body).toEqual({ signedIn: false, me: null, timeZone: 'Asia/Shanghai' });
    expect((await t.anonymous().get('/api/district/settings')).status).toBe(401);
  });

  it('is changed by the district admin only: staff of a street, a member and a resident are refused', async () => {
    for (const who of ['street_admin', 'community_worker', 'member', 'resident', 'unit_contact']) {
      const res = await (await t.as(who)).put('/api/district/settings', { timeZone: 'America/New_York' });
      expect(res.status, who).toBe(403);
    }
    expect((await admin.get('/api/district/settings')).body.timeZone).toBe('Asia/Shanghai');
  });

  it('refuses a zone nobody knows with a 422 that names it, and a malformed body with a 400', async () => {
    for (const zone of ['Mars/Olympus', 'Beijing', 'posix/Asia/Shanghai']) {
      const res = await admin.put('/api/district/settings', { timeZone: zone });
      expect(res.status, zone).toBe(422);
      expect(res.body.error.code).toBe('time_zone_unknown');
      expect(res.body.error.message).toContain(zone);
    }
    const en = await admin.request(
      'PUT',
      '/api/district/settings',
      { timeZone: 'Nowhere/Land' },
      { 'accept-language': 'en' },
    );
    expect(en.body.error.message).toBe(
      '“Nowhere/Land” is not a time zone we know; give an IANA zone name such as Asia/Shanghai',
    );
    for (const body of [
      {},
      { timeZone: 8 },
      { timeZone: '' },
      { timeZone: 'x'.repeat(61) },
      { timeZone: 'UTC', extra: 1 },
    ])
      expect((await admin.put('/api/district/settings', body)).status, JSON.stringify(body)).toBe(400);
    expect((await admin.get('/api/district/settings')).body.isDefault).toBe(true);
  });

  it('shows times in the zone set: a meeting exported reads as the district reads it, and so does the session', async () => {
    const street = await t.as('street_admin');
    const [body] = await t.sql<{ id: number }>(
      `SELECT b.id FROM bodies b JOIN regions r ON r.id = b.region_id
        WHERE r.path <@ (SELECT path FROM regions WHERE code = '110107003') ORDER BY b.id LIMIT 1`,
    );
    const meeting = await street.post('/api/meetings', {
      bodyId: body!.id,
      title: '时区测试会议',
      startsAt: '2030-03-05T06:00:00Z',
      place: '八角街道党群服务中心',
    });
    expect(meeting.status).toBe(201);
    expect((await meetingsSheet(street))[1]).toContain('2030-03-05 14:00');

    const set = await admin.put('/api/district/settings', { timeZone: 'America/New_York' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ timeZone: 'America/New_York', isDefault: false });
    const [audit] = await t.sql<{ before: unknown; after: unknown }>(
      `SELECT before, after FROM audit_log WHERE action = 'region.settings' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit).toEqual({ before: { timeZone: null }, after: { timeZone: 'America/New_York' } });

    expect((await meetingsSheet(street))[1]).toContain('2030-03-05 01:00');
    expect((await street.get('/api/auth/me')).body.timeZone).toBe('America/New_York');
    expect((await street.get('/api/auth/session')).body.timeZone).toBe('America/New_York');
    // A new dedication day's wall-clock times are the district's unless it names a zone.
    const cw = await t.as('community_worker');
    const day = await cw.post('/api/dedication-days', {
      regionId: await t.region('110107003001'),
      title: '时区测试奉献日',
      rrule: 'FREQ=WEEKLY;BYDAY=SA',
      startsOn: '2030-01-01',
      startTime: '09:00',
      endTime: '11:00',
      tasks: [{ title: '清扫楼道', capacity: 5 }],
    });
    expect(day.status).toBe(201);
    expect(day.body.timezone).toBe('America/New_York');

    const back = await admin.put('/api/district/settings', { timeZone: 'Asia/Shanghai' });
    expect(back.body).toMatchObject({ timeZone: 'Asia/Shanghai', isDefault: false });
  });
});
