import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestContext } from '../../../test/harness';

let t: TestContext;
let admin: Client;
let district: number;
const year = new Date().getUTCFullYear();

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.as('district_admin');
  [{ id: district }] = (await t.sql<{ id: number }>("SELECT id FROM regions WHERE kind = 'district'")) as [
    { id: number },
  ];
});
afterAll(() => t.close());

/** A closed (frozen) outstanding-member evaluation with `quota` places per street. */
async function frozen(title: string, quota: number) {
  const res = await admin.post('/api/evaluations', {
    honour: 'outstanding_member',
    title,
    regionId: district,
    periodFrom: `${year}-01-01`,
    periodTo: `${year}-12-31`,
    nominationQuota: quota,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  expect((await admin.post(`/api/evaluations/${res.body.id}/close`)).status).toBe(200);
  return res.body.id as number;
}

/** Candidates whose home community lies in the street with this code, best first. */
const candidatesIn = (id: number, streetCode: string, n: number) =>
  t.sql<{ id: number; name: string }>(
    `SELECT s.subject_id AS id, s.name FROM evaluation_scores s
       JOIN regions r ON r.id = s.region_id JOIN regions st ON st.code = $2 AND r.path <@ st.path
      WHERE s.evaluation_id = $1 ORDER BY s.rank, s.subject_id LIMIT $3`,
    [id, streetCode, n],
  );

const audits = (id: number) =>
  t
    .sql<{ action: string }>(
      "SELECT action FROM audit_log WHERE entity_type = 'evaluation' AND entity_id = $1 ORDER BY id",
      [id],
    )
    .then((r) => r.map((a) => a.action));

describe('nominations, public notice and the honour list', () => {
  it('a street nominates only its own candidates, and never beyond its quota — not even all at once', async () => {
    const id = await frozen('名额测试', 3);
    const quotas = (await admin.get(`/api/evaluations/${id}/quotas`)).body;
    const bajiao = quotas.find((q: any) => q.region.name === '八角街道');
    expect(bajiao).toMatchObject({ quota: 3, used: 0 });

    const street = await t.as('street_admin'); // 八角街道
    const outside = await candidatesIn(id, '110107004', 1);
    // The street's admin is told what they may do: nominate, not run the district's evaluation;
    // and, candidate by candidate, whose nomination is theirs to make.
    const steps = { compute: false, deduct: false, close: false, decide: false, publish: false };
    const running = { review: true, startNotice: true, seeObjections: true };
    expect((await street.get(`/api/evaluations/${id}`)).body.can).toEqual({
      ...steps,
      nominate: true,
      review: false,
      startNotice: false,
      seeObjections: false,
    });
    expect((await admin.get(`/api/evaluations/${id}`)).body.can).toEqual({
      ...steps,
      ...running,
      nominate: true,
    });
    const ranking = (await street.get(`/api/evaluations/${id}/scores?pageSize=100`)).body.items;
    const ours = new Set((await candidatesIn(id, '110107003', 10_000)).map((c) => c.id));
    for (const s of ranking) expect(s.can.nominate, s.subject.name).toBe(ours.has(s.subject.id));
    expect(ranking.some((s: any) => s.can.nominate)).toBe(true);
    const refused = await street.post(`/api/evaluations/${id}/nominations`, {
      subjectId: outside[0]!.id,
      statement: '越权推荐',
    });
    expect(refused.status).toBe(403);

    // Twenty nominations from the street's admin at once, for twenty different candidates: three stand.
    const mine = await candidatesIn(id, '110107003', 20);
    const sessions = await Promise.all(mine.map(() => t.session('street_admin')));
    const answers = await Promise.all(
      mine.map((c, i) =>
        sessions[i]!.post(`/api/evaluations/${id}/nominations`, {
          subjectId: c.id,
          statement: `${c.name}同志积极参与社区共建`,
        }),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(3);
    // The street withdraws its own nominations; only the district reviews them.
    expect(answers.find((a) => a.status === 201)!.body.can).toEqual({
      approve: false,
      reject: false,
      withdraw: true,
    });
    const pendingReview = (await admin.get(`/api/evaluations/${id}/nominations`)).body.items[0];
    expect(pendingReview.can).toEqual({ approve: true, reject: true, withdraw: true });
    const full = answers.filter((a) => a.status === 409);
    expect(full).toHaveLength(17);
    expect(full[0]!.body.error.code).toBe('quota_full');
    const [{ n }] = (await t.sql<{ n: number }>(
      "SELECT count(*)::int AS n FROM evaluation_nominations WHERE evaluation_id = $1 AND status = 'nominated'",
      [id],
    )) as [{ n: number }];
    expect(n).toBe(3);
    expect((await admin.get(`/api/evaluations/${id}/quotas`)).body).toContainEqual({
      ...bajiao,
      used: 3,
    });

    // The district cannot lower the quota below what is used; a withdrawal frees a place.
    const lower = await admin.put(`/api/evaluations/${id}/quotas/${bajiao.region.id}`, { quota: 2 });
    expect(lower.status).toBe(409);
    expect(lower.body.error.code).toBe('quota_below_used');
    const taken = answers.findIndex((a) => a.status === 201);
    expect(
      (await street.post(`/api/evaluations/${id}/nominations/${mine[taken]!.id}/withdraw`)).body.status,
    ).toBe('withdrawn');
    const again = mine.find((_, i) => answers[i]!.status === 409)!;
    expect(
      (
        await street.post(`/api/evaluations/${id}/nominations`, {
          subjectId: again.id,
          statement: '补充推荐',
        })
      ).status,
    ).toBe(201);
    // Streets do not review: that is the district's.
    expect(
      (
        await street.post(`/api/evaluations/${id}/nominations/${again.id}/review`, {
          decision: 'approved',
        })
      ).status,
    ).toBe(403);
  });

  it('review with comments, notice with objections, decision after the notice, then the published list', async () => {
    const id = await frozen('流程测试', 2);
    const street = await t.as('street_admin');
    const [a, b] = await candidatesIn(id, '110107003', 2);
    for (const c of [a!, b!])
      expect(
        (
          await street.post(`/api/evaluations/${id}/nominations`, {
            subjectId: c.id,
            statement: `${c.name}同志长期参加法律咨询服务`,
          })
        ).status,
      ).toBe(201);

    // Nothing goes on notice while a nomination awaits review.
    const early = await admin.post(`/api/evaluations/${id}/notice`, { days: 5 });
    expect(early.body.error.code).toBe('notice_pending_reviews');
    const rejectBare = await admin.post(`/api/evaluations/${id}/nominations/${b!.id}/review`, {
      decision: 'rejected',
    });
    expect(rejectBare.body.error.code).toBe('review_comment_required');
    await admin.post(`/api/evaluations/${id}/nominations/${a!.id}/review`, {
      decision: 'approved',
      comment: '事迹突出',
    });
    await admin.post(`/api/evaluations/${id}/nominations/${b!.id}/review`, {
      decision: 'rejected',
      comment: '经常性服务不足',
    });
    const listed = (await admin.get(`/api/evaluations/${id}/nominations`)).body.items;
    expect(listed.find((x: any) => x.subject.id === b!.id)).toMatchObject({
      status: 'rejected',
      reviewComment: '经常性服务不足',
    });

    const notice = await admin.post(`/api/evaluations/${id}/notice`, { days: 5 });
    expect(notice.body.status).toBe('notice');
    expect(Date.parse(notice.body.noticeUntil) - Date.parse(notice.body.noticeFrom)).toBe(5 * 86_400_000);
    // Nominations are closed once the notice runs.
    expect(
      (await street.post(`/api/evaluations/${id}/nominations`, { subjectId: b!.id, statement: '再次推荐' }))
        .body.error.code,
    ).toBe('evaluation_not_closed');

    // A resident reads the shortlist (only the approved) and objects; twice is once.
    const resident = await t.as('resident');
    const shortlist = (await resident.get(`/api/honours/${id}`)).body;
    expect(shortlist.entries.map((e: any) => e.subject.id)).toEqual([a!.id]);
    expect(shortlist.entries[0].can).toEqual({ object: true });
    expect((await resident.get('/api/honours')).body.items[0]).toMatchObject({ id, status: 'notice' });
    const objection = await resident.post(`/api/honours/${id}/objections`, {
      subjectId: a!.id,
      reason: '该同志的服务时长有补登情况，请核实',
    });
    expect(objection.status).toBe(201);
    expect((await resident.get(`/api/honours/${id}`)).body.entries[0].can).toEqual({ object: false });
    const twice = await resident.post(`/api/honours/${id}/objections`, {
      subjectId: a!.id,
      reason: '再提一次同样的异议',
    });
    expect(twice.body.error.code).toBe('objection_exists');
    // Not against someone who is not on the shortlist.
    expect(
      (await resident.post(`/api/honours/${id}/objections`, { subjectId: b!.id, reason: '不在名单上的人' }))
        .status,
    ).toBe(404);
    // Who objected is for the reviewers: the street cannot list objections.
    expect((await street.get(`/api/evaluations/${id}/objections`)).status).toBe(403);

    // No decision while the notice runs, nor with an objection unanswered.
    expect((await admin.post(`/api/evaluations/${id}/decide`)).body.error.code).toBe('notice_running');
    await t.sql(
      "UPDATE evaluations SET notice_from = now() - interval '6 days', notice_until = now() - interval '1 day' WHERE id = $1",
      [id],
    );
    expect((await admin.post(`/api/evaluations/${id}/decide`)).body.error.code).toBe('objections_open');
    // The notice is over: no more objections.
    const late = await (await t.as('member')).post(`/api/honours/${id}/objections`, {
      subjectId: a!.id,
      reason: '公示结束后才提的异议',
    });
    expect(late.body.error.code).toBe('notice_over');

    const objections = (await admin.get(`/api/evaluations/${id}/objections`)).body.items;
    expect(objections[0]).toMatchObject({ raisedBy: '陈桂兰', status: 'open', can: { answer: true } });
    const answered = await admin.post(`/api/evaluations/${id}/objections/${objections[0].id}/handle`, {
      decision: 'dismissed',
      response: '经核查，服务时长均有签到记录',
    });
    expect(answered.body).toMatchObject({
      status: 'dismissed',
      response: '经核查，服务时长均有签到记录',
      can: { answer: false },
    });
    const told = await resident.get('/api/notifications?pageSize=5');
    expect(told.body.items[0].text).toContain('未采纳');

    const decided = await admin.post(`/api/evaluations/${id}/decide`);
    expect(decided.body.status).toBe('decided');
    // A decided list is not public until it is published.
    expect((await resident.get(`/api/honours/${id}`)).status).toBe(404);
    expect((await admin.post(`/api/evaluations/${id}/publish`)).body.status).toBe('published');
    const honoured = (await resident.get(`/api/honours/${id}`)).body;
    expect(honoured.entries).toEqual([
      expect.objectContaining({
        subject: expect.objectContaining({ id: a!.id }),
        statement: `${a!.name}同志长期参加法律咨询服务`,
      }),
    ]);
    const pdf = await resident.get(`/api/honours/${id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(String(pdf.body).startsWith('%PDF')).toBe(true);

    expect(await audits(id)).toEqual([
      'evaluation.create',
      'evaluation.compute',
      'evaluation.close',
      'evaluation.nominate',
      'evaluation.nominate',
      'evaluation.review',
      'evaluation.review',
      'evaluation.notice',
      'evaluation.object',
      'evaluation.objection',
      'evaluation.decide',
      'evaluation.publish',
    ]);
  });

  it('an upheld objection takes the nominee off the list', async () => {
    const id = await frozen('异议成立', 1);
    const [a] = await candidatesIn(id, '110107003', 1);
    await admin.post(`/api/evaluations/${id}/nominations`, { subjectId: a!.id, statement: '区级推荐' });
    await admin.post(`/api/evaluations/${id}/nominations/${a!.id}/review`, { decision: 'approved' });
    await admin.post(`/api/evaluations/${id}/notice`, { days: 1 });
    const member = await t.as('member');
    const raised = await member.post(`/api/honours/${id}/objections`, {
      subjectId: a!.id,
      reason: '该同志本年度受过党内警告处分',
    });
    const upheld = await admin.post(`/api/evaluations/${id}/objections/${raised.body.id}/handle`, {
      decision: 'upheld',
      response: '经核实属实，取消推荐资格',
    });
    expect(upheld.body.status).toBe('upheld');
    expect((await member.get(`/api/honours/${id}`)).body.entries).toEqual([]);
    await t.sql(
      "UPDATE evaluations SET notice_from = now() - interval '2 days', notice_until = now() - interval '1 day' WHERE id = $1",
      [id],
    );
    await admin.post(`/api/evaluations/${id}/decide`);
    const status = await t.sql<{ status: string }>(
      'SELECT status FROM evaluation_nominations WHERE evaluation_id = $1',
      [id],
    );
    expect(status).toEqual([{ status: 'removed' }]);
  });

  it('last year’s demo honours are published, each street within its quota', async () => {
    const member = await t.as('member');
    const lists = (await member.get('/api/honours')).body.items;
    expect(
      lists
        .filter((l: any) => l.status === 'published' && l.title.startsWith(`${year - 1}年度`))
        .map((l: any) => l.honour)
        .sort(),
    ).toEqual(['advanced_party_org', 'civilized_unit', 'outstanding_member']);
    const over = await t.sql(
      `SELECT 1 FROM evaluation_quotas q WHERE q.used > q.quota
          OR q.used <> (SELECT count(*) FROM evaluation_nominations n WHERE n.evaluation_id = q.evaluation_id
                          AND n.region_id = q.region_id AND n.status IN ('nominated', 'approved', 'awarded', 'removed'))`,
    );
    expect(over).toEqual([]);
  });
});
