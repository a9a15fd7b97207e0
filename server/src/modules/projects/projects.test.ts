import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestContext } from '../../../test/harness';

let t: TestContext;
let cw: Client;
let bajiaoNorth: number;
const soon = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

beforeAll(async () => {
  t = await startTestApp();
  cw = await t.as('community_worker');
  bajiaoNorth = await t.region('110107003001');
});
afterAll(() => t.close());

async function publishedProject(body: Record<string, unknown> = {}, by?: Client) {
  const organiser = by ?? cw;
  const created = await organiser.post('/api/projects', {
    title: '楼道清洁志愿服务',
    regionId: bajiaoNorth,
    startsAt: soon(3),
    endsAt: soon(4),
    roles: [
      { kind: 'health_worker', slots: 5, hoursPerSlot: 2 },
      { kind: 'custom', name: '物资搬运员', slots: 2 },
    ],
    ...body,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const published = await organiser.post(`/api/projects/${created.body.id}/transition`, { to: 'published' });
  expect(published.body.status).toBe('published');
  return published.body;
}

describe('claims', () => {
  it('200 concurrent claims on a role with 5 slots: exactly 5 succeed, 195 get 409', async () => {
    const project = await publishedProject();
    const role = project.roles[0];
    // 200 Party members of the community, each with an account.
    const clients = await t.members('load', 200, bajiaoNorth);
    const results = await Promise.all(
      clients.map((c) => c.post(`/api/projects/${project.id}/roles/${role.id}/claims`, {})),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.filter((s) => s === 409)).toHaveLength(195);
    expect(results.find((r) => r.status === 409)!.body.error.code).toBe('role_full');
    const [db] = await t.sql<{ claimed: number; rows: number }>(
      "SELECT ro.claimed, (SELECT count(*)::int FROM claims c WHERE c.role_id = ro.id AND c.status = 'active') AS rows FROM project_roles ro WHERE ro.id = $1",
      [role.id],
    );
    expect(db).toEqual({ claimed: 5, rows: 5 });
    // The project is public; who claimed it is named in full to its organisers and to
    // each claimant, and masked to everyone else.
    const winner = clients[statuses.indexOf(201)]!;
    const names = async (c: Client) =>
      ((await c.get(`/api/projects/${project.id}`)).body.claims as { claimant: { name: string } }[]).map(
        (c) => c.claimant.name,
      );
    expect(await names(cw)).toEqual(expect.arrayContaining([expect.stringMatching(/^load党员\d+$/)]));
    expect(await names(winner)).toEqual(expect.arrayContaining([expect.stringMatching(/^load党员\d+$/)]));
    const outsider = await names(await t.as('resident'));
    expect(outsider).toHaveLength(5);
    expect(outsider.every((n) => /^l\*+\d$/.test(n))).toBe(true);
  });

  it('the database refuses an over-claim even past the code', async () => {
    const project = await publishedProject();
    await expect(
      t.sql('UPDATE project_roles SET claimed = slots + 1 WHERE id = $1', [project.roles[0].id]),
    ).rejects.toThrow(/project_roles_claimed_within_slots/);
  });

  it('a member cannot claim outside their community unless the project is open to the street', async () => {
    const member = await t.as('member');
    const zhongli = await t.region('110107003002');
    const street = await t.as('street_admin');
    const closed = await publishedProject({ regionId: zhongli, title: '中里社区项目' }, street);
    const res = await member.post(`/api/projects/${closed.id}/roles/${closed.roles[0].id}/claims`, {});
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('claim_out_of_reach');
    const open = await publishedProject(
      { regionId: zhongli, title: '面向全街道的项目', openToStreet: true },
      street,
    );
    expect((await member.post(`/api/projects/${open.id}/roles/${open.roles[0].id}/claims`, {})).status).toBe(
      201,
    );
    const guchengCommunity = await t.region('110107004001');
    const far = await (await t.as('district_admin')).post('/api/projects', {
      title: '古城项目',
      regionId: guchengCommunity,
      openToStreet: true,
      startsAt: soon(3),
      endsAt: soon(4),
      roles: [{ kind: 'security_patrol', slots: 3 }],
    });
    await (await t.as('district_admin')).post(`/api/projects/${far.body.id}/transition`, { to: 'published' });
    expect(
      (await member.post(`/api/projects/${far.body.id}/roles/${far.body.roles[0].id}/claims`, {})).status,
    ).toBe(403);
  });

  it('lists what is to come first, soonest first, and what has ended after it, latest first', async () => {
    const soonest = await publishedProject({ title: '近期项目', startsAt: soon(0.5), endsAt: soon(0.6) });
    const later = await publishedProject({ title: '远期项目', startsAt: soon(300), endsAt: soon(301) });
    const list = await cw.get(`/api/projects?regionId=${bajiaoNorth}&pageSize=100`);
    const order = list.body.items.map((p: any) => p.id);
    expect(order.indexOf(soonest.id)).toBeLessThan(order.indexOf(later.id));
    // Every project still to come stands before every project that has ended.
    const ends = list.body.items.map((p: any) => Date.parse(p.endsAt) < Date.now());
    expect(ends).toContain(true); // the demo community has finished projects too
    expect(ends.lastIndexOf(false)).toBeLessThan(ends.indexOf(true));
  });

  it("lists a member's own building first, then the community's, then the street's open projects", async () => {
    const member = await t.as('member');
    const [home] = await t.sql<{ id: number; building: number }>(
      `SELECT b.id FROM people p JOIN regions h ON h.id = p.home_region_id JOIN regions b ON b.path = subpath(h.path, 0, 4)
        WHERE p.name = '张建国'`,
    );
    const [neighbour] = await t.sql<{ id: number }>(
      `SELECT id FROM regions WHERE kind = 'building' AND parent_id = $1 AND id <> $2 ORDER BY id LIMIT 1`,
      [bajiaoNorth, home!.id],
    );
    const street = await t.as('street_admin');
    const streetId = await t.region('110107003');
    const wide = await publishedProject({ regionId: streetId, title: '街道项目', startsAt: soon(1) }, street);
    const community = await publishedProject({ title: '社区项目', startsAt: soon(2) });
    const ownBuilding = await publishedProject({
      regionId: home!.id,
      title: '本楼项目',
      startsAt: soon(2.5),
    });
    const otherBuilding = await publishedProject({
      regionId: neighbour!.id,
      title: '邻楼项目',
      startsAt: soon(1.5),
    });
    const list = await member.get('/api/projects?claimable=true&pageSize=100');
    const order = list.body.items.map((p: any) => p.id);
    const at = (id: number) => order.indexOf(id);
    expect(at(ownBuilding.id)).toBe(0);
    expect(at(otherBuilding.id)).toBeGreaterThan(0);
    expect(at(otherBuilding.id)).toBeLessThan(at(community.id)); // sooner, same community
    expect(at(community.id)).toBeLessThan(at(wide.id));
    // A building's project is the community's: its members may claim it.
    const claim = await member.post(
      `/api/projects/${otherBuilding.id}/roles/${otherBuilding.roles[0].id}/claims`,
      {},
    );
    expect(claim.status).toBe(201);
  });

  it('a unit contact claims slots for the unit; a claim can be withdrawn and frees its slots', async () => {
    const project = await publishedProject({ title: '单位认领项目' });
    const contact = await t.as('unit_contact');
    const res = await contact.post(`/api/projects/${project.id}/roles/${project.roles[0].id}/claims`, {
      forUnit: true,
      slots: 3,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ claimant: { kind: 'unit', name: '北京市石景山医院' }, slots: 3 });
    const seen = await contact.get(`/api/projects/${project.id}`);
    expect(seen.body.roles.map((r: any) => r.claimedByMe)).toEqual([true, false]);
    const organised = await cw.get(`/api/projects/${project.id}`);
    expect(organised.body.roles[0].claimedByMe).toBe(false);
    // Each reads what they may do, worked out by the server's policy: the contact withdraws
    // the unit's claim and names its members; the organiser manages and may remove it.
    expect(seen.body.can).toEqual({ manage: false, review: false, claimWhole: true });
    expect(seen.body.claims[0]).toMatchObject({
      mine: true,
      can: { withdraw: true, nameMembers: true, remove: false, confirmHours: false },
    });
    expect(organised.body.can).toMatchObject({ manage: true, claimWhole: false });
    expect(organised.body.claims[0]).toMatchObject({
      mine: false,
      can: { withdraw: false, nameMembers: false, remove: true, confirmHours: false },
    });
    const other = await (await t.as('resident')).get(`/api/projects/${project.id}`);
    expect(other.body.claims[0].can).toEqual({
      withdraw: false,
      nameMembers: false,
      remove: false,
      confirmHours: false,
    });
    const back = await contact.post(`/api/claims/${res.body.id}/withdraw`);
    expect(back.body.status).toBe('withdrawn');
    const detail = await cw.get(`/api/projects/${project.id}`);
    expect(detail.body.roles[0].claimed).toBe(0);
  });
});

describe('a unit takes on a whole project', () => {
  it('claims every free slot at once; the project reads claimed; nobody else can claim', async () => {
    const project = await publishedProject({ title: '单位整体认领项目' });
    const member = await t.as('member');
    expect(
      (await member.post(`/api/projects/${project.id}/roles/${project.roles[1].id}/claims`, {})).status,
    ).toBe(201);
    const contact = await t.as('unit_contact');
    const whole = await contact.post(`/api/projects/${project.id}/claims`, { forUnit: true });
    expect(whole.status).toBe(201);
    expect(whole.body.status).toBe('claimed');
    expect(whole.body.roles.map((r: any) => r.claimed === r.slots)).toEqual([true, true]);
    const unitClaims = whole.body.claims.filter((c: any) => c.claimant.kind === 'unit');
    expect(unitClaims.map((c: any) => c.slots)).toEqual([5, 1]);
    const late = await (await t.as('member')).post(
      `/api/projects/${project.id}/roles/${project.roles[0].id}/claims`,
      {},
    );
    expect(late.status).toBe(409);
    expect((await member.post(`/api/projects/${project.id}/claims`, { forUnit: true })).status).toBe(403);
  });
});

describe('hours and the ledger', () => {
  it('confirming hours writes them once; a new figure corrects them; the member sees them', async () => {
    const project = await publishedProject({ title: '义诊服务' });
    const member = await t.as('member');
    const claim = await member.post(`/api/projects/${project.id}/roles/${project.roles[0].id}/claims`, {});
    expect(claim.status).toBe(201);
    expect((await cw.post(`/api/claims/${claim.body.id}/hours`, { hours: 2 })).status).toBe(422); // not started
    await cw.post(`/api/projects/${project.id}/transition`, { to: 'in_progress' });
    expect((await cw.post(`/api/claims/${claim.body.id}/hours`, { hours: 2.5 })).body.hoursConfirmed).toBe(
      2.5,
    );
    expect((await cw.post(`/api/claims/${claim.body.id}/hours`, { hours: 2.5 })).status).toBe(200);
    const entries = await t.sql<{ kind: string; quantity: number; corrects_id: number | null }>(
      "SELECT kind, quantity, corrects_id FROM ledger_entries WHERE source_type = 'claim' AND source_id = $1 ORDER BY id",
      [claim.body.id],
    );
    expect(entries).toEqual([
      { kind: 'service_hours', quantity: 2.5, corrects_id: null },
      { kind: 'role_completed', quantity: 1, corrects_id: null },
    ]);
    await cw.post(`/api/claims/${claim.body.id}/hours`, { hours: 3 });
    const after = await t.sql<{ quantity: number }>(
      "SELECT quantity FROM ledger_entries WHERE source_type = 'claim' AND source_id = $1 AND kind = 'service_hours' ORDER BY id",
      [claim.body.id],
    );
    expect(after.map((e) => e.quantity)).toEqual([2.5, 0.5]);
    const record = await member.get('/api/ledger/record');
    const hours = record.body.totals.byKind.find((k: any) => k.kind === 'service_hours');
    const [direct] = await t.sql<{ n: number }>(
      "SELECT sum(quantity)::float8 AS n FROM ledger_entries WHERE kind = 'service_hours' AND person_id = (SELECT id FROM people WHERE name = '张建国')",
    );
    expect(hours.all).toBe(direct!.n);
    const notes = await member.get('/api/notifications');
    expect(notes.body.items[0].text).toMatch(/服务时长已确认：3 小时/);
  });
});

describe('a unit names its members for the slots it claimed', () => {
  it("each named member's confirmed hours count for the member and for the unit", async () => {
    const project = await publishedProject({ title: '单位指派成员项目' });
    const contact = await t.as('unit_contact');
    const member = await t.as('member');
    const claim = await contact.post(`/api/projects/${project.id}/roles/${project.roles[0].id}/claims`, {
      forUnit: true,
      slots: 2,
    });
    expect(claim.status).toBe(201);
    const hospital = claim.body.claimant.id;
    const [me, colleague, colleague2] = await t.sql<{ id: number }>(
      `SELECT p.id FROM people p JOIN party_orgs o ON o.district_id = p.district_id AND o.id = p.party_org_id
        WHERE o.unit_id = $1 ORDER BY p.name = '张建国' DESC, p.id LIMIT 3`,
      [hospital],
    );
    const [stranger] = await t.sql<{ id: number }>(
      `SELECT p.id FROM people p LEFT JOIN party_orgs o ON o.district_id = p.district_id AND o.id = p.party_org_id
        WHERE o.unit_id IS DISTINCT FROM $1 LIMIT 1`,
      [hospital],
    );
    const name = (ids: number[], by = contact) =>
      by.put(`/api/claims/${claim.body.id}/members`, { personIds: ids });

    // Only the unit's own members, and no more than the slots it took; a refusal changes nothing.
    expect((await name([me!.id, stranger!.id])).body.error.code).toBe('claim_member_not_in_unit');
    const tooMany = await name([me!.id, colleague!.id, colleague2!.id]);
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.error.message).toContain('2');
    expect((await name([me!.id], member)).status).toBe(404);
    const named = await name([me!.id, colleague!.id]);
    expect(named.status).toBe(200);
    expect(named.body.members.map((m: any) => m.id)).toEqual([me!.id, colleague!.id]);
    // The database holds the counter within the slots whatever the code does.
    await expect(t.sql('UPDATE claims SET named = 3 WHERE id = $1', [claim.body.id])).rejects.toThrow(
      /claims_named_within_slots/,
    );

    // The named member is told, and sees the unit's claim among their own.
    expect((await member.get('/api/notifications')).body.items[0].text).toContain('指派您参加');
    const mine = await member.get('/api/claims?mine=true');
    expect(mine.body.items.map((c: any) => c.id)).toContain(claim.body.id);

    await cw.post(`/api/projects/${project.id}/transition`, { to: 'in_progress' });
    // Hours are confirmed member by member: a unit-wide figure is refused.
    expect((await cw.post(`/api/claims/${claim.body.id}/hours`, { hours: 2 })).body.error.code).toBe(
      'claim_hours_whose',
    );
    const confirmed = await cw.post(`/api/claims/${claim.body.id}/hours`, { hours: 2, personId: me!.id });
    expect(confirmed.body.members).toEqual([
      expect.objectContaining({ id: me!.id, hoursConfirmed: 2 }),
      expect.objectContaining({ id: colleague!.id, hoursConfirmed: null }),
    ]);
    const entries = await t.sql<{ person_id: number; unit_id: number; quantity: number }>(
      "SELECT person_id, unit_id, quantity FROM ledger_entries WHERE source_type = 'claim' AND source_id = $1 AND kind = 'service_hours'",
      [claim.body.id],
    );
    expect(entries).toEqual([{ person_id: me!.id, unit_id: hospital, quantity: 2 }]);
    // A confirmed member stays on the claim.
    expect((await name([colleague!.id])).body.error.code).toBe('claim_member_confirmed');
    const unitEntries = await contact.get(`/api/ledger?unitId=${hospital}&kind=service_hours`);
    expect(unitEntries.body.items).toContainEqual(
      expect.objectContaining({ source: expect.objectContaining({ id: claim.body.id }), quantity: 2 }),
    );
  });
});

describe('a project with hundreds of claims', () => {
  it('embeds a first page, the counts and the reader’s own claims; the rest is read a page at a time', async () => {
    const project = await publishedProject({
      title: '百人认领项目',
      roles: [
        { kind: 'health_worker', slots: 200 },
        { kind: 'custom', name: '物资搬运员', slots: 200 },
      ],
    });
    const [first, second] = project.roles as { id: number }[];
    // 60 claims on each role, several made at the same instant (the id orders them then).
    for (const role of [first!, second!]) {
      await t.sql(
        `INSERT INTO claims (district_id, project_id, role_id, person_id, slots, created_at)
         SELECT 1, $1, $2, p.id, 1, now() - (p.n % 7) * interval '1 minute'
           FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM people WHERE name <> '张建国' ORDER BY id LIMIT 60) p`,
        [project.id, role.id],
      );
      await t.sql('UPDATE project_roles SET claimed = 60 WHERE id = $1', [role.id]);
    }
    await t.sql(
      `UPDATE claims SET status = 'withdrawn' WHERE id IN (SELECT id FROM claims WHERE project_id = $1 ORDER BY id LIMIT 5)`,
      [project.id],
    );
    const member = await t.as('member');
    const mine = await member.post(`/api/projects/${project.id}/roles/${first!.id}/claims`, {});
    expect(mine.status).toBe(201);
    const order = (
      await t.sql<{ id: number }>(
        'SELECT id FROM claims WHERE project_id = $1 ORDER BY role_id, created_at, id',
        [project.id],
      )
    ).map((c) => c.id);
    expect(order).toHaveLength(121);

    // The organiser's detail: a first page and the counts, not every claim.
    const detail = await cw.get(`/api/projects/${project.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.claimCount).toEqual({ all: 121, active: 116 });
    expect(detail.body.claims.map((c: any) => c.id)).toEqual(order.slice(0, 20));
    expect(JSON.stringify(detail.body).length).toBeLessThan(16_000);
    expect(detail.body.claims[0].can).toMatchObject({ remove: expect.any(Boolean), confirmHours: false });

    // The claims list reads on from the detail's cursor, through every claim, in the same order.
    const read: number[] = detail.body.claims.map((c: any) => c.id);
    let after: string | undefined = detail.body.claimsNext;
    const byCursor: number[][] = [];
    for (let page = 2; after; page++) {
      const res = await cw.get(`/api/projects/${project.id}/claims?page=${page}&after=${after}`);
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(121);
      byCursor.push(res.body.items.map((c: any) => c.id));
      read.push(...res.body.items.map((c: any) => c.id));
      after = res.body.next;
    }
    expect(read).toEqual(order);
    // A page asked for by number is the same page.
    const third = await cw.get(`/api/projects/${project.id}/claims?page=3`);
    expect(third.body.items.map((c: any) => c.id)).toEqual(byCursor[1]);

    // The member's claim is on page 4, yet their detail names it among their own, with its withdrawal.
    const seen = await member.get(`/api/projects/${project.id}`);
    expect(seen.body.claims.map((c: any) => c.id)).not.toContain(mine.body.id);
    expect(seen.body.myClaims).toEqual([
      expect.objectContaining({
        id: mine.body.id,
        mine: true,
        can: expect.objectContaining({ withdraw: true }),
      }),
    ]);
    expect(seen.body.roles.map((r: any) => r.claimedByMe)).toEqual([true, false]);
    // Everyone else's people are masked on every page, as on the first.
    const outsider = await (await t.as('resident')).get(`/api/projects/${project.id}/claims?page=2`);
    expect(outsider.status).toBe(200);
    expect(outsider.body.items.map((c: any) => c.id)).toEqual(byCursor[0]);
    expect(outsider.body.items.every((c: any) => c.claimant.name.includes('*'))).toBe(true);
    expect((await cw.get(`/api/projects/${project.id}`)).body.myClaims).toEqual([]);
  });

  it("refuses a forged cursor; a draft's claims are its organisers' only", async () => {
    const forged = Buffer.from(JSON.stringify(['1', 'x', '2'])).toString('base64url');
    const project = await publishedProject({ title: '游标校验项目' });
    for (const path of [`/api/projects/${project.id}/claims`, '/api/projects']) {
      const res = await cw.get(`${path}?page=2&after=${forged}`);
      expect(res.status, path).toBe(400);
      expect(res.body.error.code).toBe('cursor_invalid');
    }
    const draft = await cw.post('/api/projects', {
      title: '草稿项目',
      regionId: bajiaoNorth,
      startsAt: soon(3),
      endsAt: soon(4),
      roles: [{ kind: 'health_worker', slots: 2 }],
    });
    expect((await (await t.as('resident')).get(`/api/projects/${draft.body.id}/claims`)).status).toBe(404);
    const own = await cw.get(`/api/projects/${draft.body.id}/claims`);
    expect(own.body).toEqual({ items: [], total: 0 });
  });
});

describe('the list of projects, a page at a time', () => {
  it('reads on by cursor: the same pages as by number, across what is to come and what has ended', async () => {
    await publishedProject({ title: '游标项目甲', startsAt: soon(5), endsAt: soon(6) });
    await publishedProject({ title: '游标项目乙', startsAt: soon(5), endsAt: soon(6) });
    const q = `regionId=${bajiaoNorth}&pageSize=3`;
    const ids = (r: { body: { items: { id: number }[] } }) => r.body.items.map((p) => p.id);
    const all = await cw.get(`/api/projects?regionId=${bajiaoNorth}&pageSize=200`);
    const ended = all.body.items.map((p: any) => Date.parse(p.endsAt) < Date.now());
    const pages = Math.ceil(all.body.total / 3);
    expect(ended.indexOf(true)).toBeGreaterThan(0); // both kinds, so the pages cross from one to the other
    let after: string | undefined;
    const read: number[] = [];
    for (let page = 1; page <= pages; page++) {
      const byNumber = await cw.get(`/api/projects?${q}&page=${page}`);
      const byCursor = await cw.get(`/api/projects?${q}&page=${page}${after ? `&after=${after}` : ''}`);
      expect(ids(byCursor), `page ${page}`).toEqual(ids(byNumber));
      expect(byCursor.body.total).toBe(all.body.total);
      read.push(...ids(byCursor));
      after = byCursor.body.next;
    }
    expect(after).toBeUndefined();
    expect(read).toEqual(ids(all));
    // Those a member may claim, nearest home first, read on the same way.
    const member = await t.as('member');
    const claimable = await member.get('/api/projects?claimable=true&pageSize=2');
    expect(claimable.body.next).toEqual(expect.any(String));
    const next = await member.get(
      `/api/projects?claimable=true&pageSize=2&page=2&after=${claimable.body.next}`,
    );
    expect(ids(next)).toEqual(ids(await member.get('/api/projects?claimable=true&pageSize=2&page=2')));
  });
});
