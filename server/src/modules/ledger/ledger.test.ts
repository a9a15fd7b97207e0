import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestContext } from '../../../test/harness';

let t: TestContext;
let street: Client;
let meetingId: number;
let personId: number;

beforeAll(async () => {
  t = await startTestApp();
  street = await t.as('street_admin');
  const [conference] = await t.sql<{ id: number }>(
    "SELECT b.id FROM bodies b JOIN regions r ON r.id = b.region_id WHERE b.kind = 'joint_conference' AND r.code = '110107003'",
  );
  [{ id: personId }] = (await t.sql<{ id: number }>("SELECT id FROM people WHERE name = '张建国'")) as [
    { id: number },
  ];
  const created = await street.post('/api/meetings', {
    bodyId: conference!.id,
    title: '台账测试会议',
    startsAt: '2026-11-10T02:00:00Z',
    place: '会议室',
    inviteePersonIds: [personId],
  });
  meetingId = created.body.id;
});
afterAll(() => t.close());

const entriesOf = () =>
  t.sql<{ id: number; quantity: number; corrects_id: number | null; reason: string | null }>(
    "SELECT id, quantity, corrects_id, reason FROM ledger_entries WHERE source_type = 'meeting' AND source_id = $1 ORDER BY id",
    [meetingId],
  );
const mark = (attendance: string) =>
  street.request('PUT', `/api/meetings/${meetingId}/attendance`, { items: [{ personId, attendance }] });

describe('the participation ledger', () => {
  it('records attendance once, however often it is saved', async () => {
    expect((await mark('present')).status).toBe(200);
    expect((await mark('present')).status).toBe(200);
    const entries = await entriesOf();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ quantity: 1, corrects_id: null });
  });

  it('corrects a changed record with a new entry, leaving the original intact and the total right', async () => {
    await mark('absent');
    let entries = await entriesOf();
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ quantity: 1, corrects_id: null });
    expect(entries[1]).toMatchObject({
      quantity: -1,
      corrects_id: entries[0]!.id,
      reason: 'sys:ledger_attendance_changed:{"attendance":"attendance.absent"}',
    });
    await mark('present');
    entries = await entriesOf();
    expect(entries.map((e) => Number(e.quantity)).reduce((a, b) => a + b)).toBe(1);
    expect(entries).toHaveLength(3);
  });

  it('refuses UPDATE and DELETE at the database', async () => {
    const [entry] = await entriesOf();
    await expect(t.sql('UPDATE ledger_entries SET quantity = 99 WHERE id = $1', [entry!.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(t.sql('DELETE FROM ledger_entries WHERE id = $1', [entry!.id])).rejects.toThrow(
      /append-only/,
    );
    expect(await entriesOf()).toHaveLength(3);
  });

  it("shows a member their own record and entries, and nobody else's", async () => {
    const member = await t.as('member');
    const mine = await member.get('/api/ledger/record');
    expect(mine.status).toBe(200);
    expect(mine.body.subject).toMatchObject({ kind: 'person', name: '张建国' });
    const [direct] = await t.sql<{ n: string }>(
      "SELECT coalesce(sum(quantity), 0) AS n FROM ledger_entries WHERE person_id = $1 AND kind = 'meeting_attended'",
      [personId],
    );
    expect(mine.body.totals.byKind.find((k: any) => k.kind === 'meeting_attended').all).toBe(
      Number(direct!.n),
    );
    const entries = await member.get('/api/ledger?pageSize=100');
    expect(entries.body.items.length).toBeGreaterThan(0);
    expect(entries.body.items.every((e: any) => e.person?.id === personId)).toBe(true);
    const fromMeeting = entries.body.items.filter((e: any) => e.source.id === meetingId);
    // A member reads their own record but corrects nothing in it.
    expect(entries.body.items.every((e: any) => e.can.correct === false)).toBe(true);
    expect(fromMeeting[0].source.label).toBe('台账测试会议');
    // System corrections read in the reader's language.
    expect(fromMeeting.map((e: any) => e.reason)).toContain('出席记录改为：缺席');
    const [other] = await t.sql<{ id: number }>("SELECT id FROM people WHERE name = '陈桂兰'");
    expect((await member.get(`/api/ledger/record?personId=${other!.id}`)).status).toBe(404);
    expect((await member.get(`/api/ledger?personId=${other!.id}`)).status).toBe(404);
  });

  it('lets an admin correct by hand within scope, with a reason, never below zero', async () => {
    const [original] = await entriesOf();
    const cw = await t.as('street_admin');
    expect((await cw.post(`/api/ledger/${original!.id}/corrections`, { delta: -1 })).status).toBe(400);
    const res = await cw.post(`/api/ledger/${original!.id}/corrections`, { delta: -1, reason: '误记出席' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ quantity: -1, correctsId: original!.id, reason: '误记出席' });
    // A correction is corrected through its original, so it offers no correction of its own.
    expect(res.body.can).toEqual({ correct: false });
    expect(
      (await cw.post(`/api/ledger/${original!.id}/corrections`, { delta: -1, reason: '再次扣减' })).status,
    ).toBe(422);
    const gucheng = await t.as('street_110107004');
    expect(
      (await gucheng.post(`/api/ledger/${original!.id}/corrections`, { delta: 1, reason: '越权' })).status,
    ).toBe(403);
    expect(
      (
        await (
          await t.as('member')
        ).post(`/api/ledger/${original!.id}/corrections`, { delta: 1, reason: 'x1' })
      ).status,
    ).toBe(403);
  });

  it('totals the record of a unit for its contact, and refuses another unit', async () => {
    const contact = await t.as('unit_contact');
    const [hospital] = await t.sql<{ id: number }>("SELECT id FROM units WHERE name = '北京市石景山医院'");
    const res = await contact.get(`/api/ledger/record?unitId=${hospital!.id}`);
    expect(res.status).toBe(200);
    expect(res.body.subject).toMatchObject({ kind: 'unit', name: '北京市石景山医院' });
    const [other] = await t.sql<{ id: number }>("SELECT id FROM units WHERE name = '首钢集团有限公司'");
    expect((await contact.get(`/api/ledger/record?unitId=${other!.id}`)).status).toBe(403);
    expect((await contact.get(`/api/ledger?unitId=${other!.id}`)).status).toBe(403);
  });

  it("counts a member's acts for the Party organisation they belong to, even after they move on", async () => {
    const [org] = await t.sql<{ id: number; party_org_id: number }>(
      'SELECT party_org_id AS id FROM people WHERE id = $1',
      [personId],
    );
    const allOf = async (orgId: number) => {
      const res = await street.get(`/api/ledger/record?orgId=${orgId}`);
      expect(res.status).toBe(200);
      return res.body.totals.byKind.find((k: any) => k.kind === 'meeting_attended').all as number;
    };
    await mark('present');
    const [{ n: direct }] = (await t.sql<{ n: number }>(
      "SELECT coalesce(sum(quantity), 0)::float8 AS n FROM ledger_entries WHERE kind = 'meeting_attended' AND party_org_id = $1",
      [org!.id],
    )) as [{ n: number }];
    expect(direct).toBeGreaterThan(0);
    expect(await allOf(org!.id)).toBe(direct);
    // The member moves to another organisation; a later correction of an old act stays with the first.
    const [other] = await t.sql<{ id: number }>(
      `SELECT o.id FROM party_orgs o JOIN regions r ON r.id = o.region_id
        WHERE r.path <@ (SELECT path FROM regions WHERE code = '110107003') AND o.id <> $1 ORDER BY o.id LIMIT 1`,
      [org!.id],
    );
    await t.sql('UPDATE people SET party_org_id = $1 WHERE id = $2', [other!.id, personId]);
    const before = await allOf(other!.id);
    await mark('absent');
    expect(await allOf(org!.id)).toBe(direct - 1);
    expect(await allOf(other!.id)).toBe(before);
    await mark('present');
    expect(await allOf(org!.id)).toBe(direct);
    expect((await entriesOf()).slice(-3).map((e) => Number(e.quantity))).toEqual([1, -1, 1]);
  });
});

describe('a long record, a page at a time', () => {
  it('reads on by cursor: the same pages as by number, entries of one instant in id order', async () => {
    const [home] = await t.sql<{ region_id: number }>(
      'SELECT home_region_id AS region_id FROM people WHERE id = $1',
      [personId],
    );
    // 23 notices read, five at each instant.
    await t.sql(
      `INSERT INTO ledger_entries (district_id, kind, quantity, at, person_id, region_id, source_type, source_id)
       SELECT 1, 'notice_read', 1, '2026-09-01T00:00:00Z'::timestamptz + (g / 5) * interval '1 hour', $1, $2, 'notice', 900000 + g
         FROM generate_series(0, 22) g`,
      [personId, home!.region_id],
    );
    const order = (
      await t.sql<{ id: number }>(
        'SELECT id FROM ledger_entries WHERE person_id = $1 ORDER BY at DESC, id DESC',
        [personId],
      )
    ).map((e) => e.id);
    const ids = (r: { body: { items: { id: number }[] } }) => r.body.items.map((e) => e.id);
    const q = `personId=${personId}&pageSize=4`;
    let after: string | undefined;
    const read: number[] = [];
    for (let page = 1; page <= Math.ceil(order.length / 4); page++) {
      const byNumber = await street.get(`/api/ledger?${q}&page=${page}`);
      const byCursor = await street.get(`/api/ledger?${q}&page=${page}${after ? `&after=${after}` : ''}`);
      expect(byCursor.status).toBe(200);
      expect(ids(byCursor), `page ${page}`).toEqual(ids(byNumber));
      expect(byCursor.body.total).toBe(order.length);
      read.push(...ids(byCursor));
      after = byCursor.body.next;
    }
    expect(after).toBeUndefined();
    expect(read).toEqual(order);
    // The member reads their own the same way.
    const member = await t.as('member');
    const own = await member.get(
      `/api/ledger?${q}&page=2&after=${(await member.get(`/api/ledger?${q}`)).body.next}`,
    );
    expect(ids(own)).toEqual(order.slice(4, 8));
  });

  it('refuses a cursor it did not give', async () => {
    const forged = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    for (const after of [forged(['yesterday', '1']), forged(['1']), '!!']) {
      const res = await street.get(
        `/api/ledger?personId=${personId}&page=2&after=${encodeURIComponent(after)}`,
      );
      expect(res.status, after).toBe(400);
    }
  });
});
