import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestContext } from '../../../test/harness';

let t: TestContext;
let street: Client;

beforeAll(async () => {
  t = await startTestApp();
  street = await t.as('street_admin');
});
afterAll(() => t.close());

describe('campaigns', () => {
  it('reach counts what the campaign grouped and what happened in its area during its dates', async () => {
    const [c] = await t.sql<{ id: number }>("SELECT id FROM campaigns WHERE kind = 'publicity_week' LIMIT 1");
    const reach = await street.get(`/api/campaigns/${c!.id}/reach`);
    expect(reach.status).toBe(200);
    const [n] = await t.sql<{ recipients: number; reads: number }>(
      `SELECT count(*)::int AS recipients, count(read_at)::int AS reads FROM notice_recipients x
         JOIN notices n ON n.id = x.notice_id WHERE n.campaign_id = $1`,
      [c!.id],
    );
    expect(reach.body).toMatchObject({ noticeRecipients: n!.recipients, noticeReads: n!.reads });
    expect(reach.body.byDay).toHaveLength(7);
    expect(reach.body.sessionAttendance).toBeGreaterThan(0);
    const other = await t.as('street_110107004');
    expect((await other.patch(`/api/campaigns/${c!.id}`, { title: '越权' })).status).toBe(403);
  });
});
