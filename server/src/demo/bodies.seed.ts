/**
 * Demo joint bodies with a year of meetings: a joint conference in most streets, a
 * coordination council in most communities, liaison groups in about a third of the
 * buildings (so coverage shows real gaps), minutes, resolutions and follow-up tasks —
 * most done, some open, a few overdue.
 */
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../db/client';
import {
  bodies,
  bodyMembers,
  meetingAttendees,
  meetings,
  resolutions,
  tasks,
} from '../modules/bodies/bodies.schema';
import { seeded } from './demo.data';

type Rand = () => number;
const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const sample = <T>(rand: Rand, xs: readonly T[], n: number) => [...xs].sort(() => rand() - 0.5).slice(0, n);

const AGENDAS: Record<string, string[]> = {
  joint_conference: [
    '通报辖区共建项目进展',
    '研究驻区单位资源共享清单',
    '部署社区党建宣传周',
    '协调固定奉献日活动安排',
  ],
  coordination_council: [
    '商议居民微心愿认领',
    '研究楼院环境整治',
    '安排在职党员报到后的服务岗位',
    '协调单位场地向居民开放时间',
  ],
  liaison_group: ['走访楼内困难老人', '收集楼门居民意见', '安排楼道清洁与安全巡查'],
};
const RESOLUTIONS = [
  ['协调驻区学校周末开放操场', '联系学校确定开放时段'],
  ['组织党员志愿者开展楼道清理', '制定清理排班表'],
  ['为独居老人建立结对帮扶', '落实结对名单并首访'],
  ['举办社区法律讲座', '邀请律师协会安排讲师'],
  ['增设夜间治安巡逻岗', '招募巡逻志愿者并排班'],
  ['修缮小区健身器材', '报修并跟进施工'],
  ['开展党建宣传周系列活动', '确定活动日程与场地'],
  ['推动在职党员到社区报到', '向驻区单位发出报到通知'],
];

export async function seedBodies(tx: Tx, districtId: number) {
  const [existing] = await tx
    .select({ id: bodies.id })
    .from(bodies)
    .where(eq(bodies.districtId, districtId))
    .limit(1);
  if (existing) return 0;
  const rand = seeded(607);
  const q = async <T>(query: ReturnType<typeof sql>) => (await tx.execute(query)).rows as T[];
  const regionRows = await q<{ id: number; kind: string; path: string; name: string }>(sql`
    SELECT id, kind::text, path::text, name FROM regions WHERE district_id = ${districtId} ORDER BY path`);
  const orgs = await q<{ id: number; path: string; unit_id: number | null }>(sql`
    SELECT o.id, r.path::text AS path, o.unit_id FROM party_orgs o JOIN regions r ON r.id = o.region_id
     WHERE o.district_id = ${districtId}`);
  const members = await q<{ id: number; path: string }>(sql`
    SELECT p.id, h.path::text AS path FROM people p JOIN regions h ON h.id = p.home_region_id
     WHERE p.district_id = ${districtId} AND p.party_org_id IS NOT NULL`);
  const within = (path: string, root: string) => path === root || path.startsWith(`${root}.`);

  type Plan = {
    kind: 'joint_conference' | 'coordination_council' | 'liaison_group';
    region: (typeof regionRows)[number];
  };
  const plans: Plan[] = [];
  for (const r of regionRows) {
    if (r.kind === 'street' && (r.name === '八角街道' || rand() < 0.8))
      plans.push({ kind: 'joint_conference', region: r });
    if (r.kind === 'community' && (r.name === '八角北路社区' || rand() < 0.82))
      plans.push({ kind: 'coordination_council', region: r });
    if (r.kind === 'building' && rand() < 0.34) plans.push({ kind: 'liaison_group', region: r });
  }
  // Keep one visible gap in the demo community: its 1号楼 has no liaison group.
  const gapBuilding = regionRows.find(
    (r) =>
      r.kind === 'building' &&
      r.name === '1号楼' &&
      r.path.split('.').length === 4 &&
      regionRows.find((c) => c.name === '八角北路社区' && within(r.path, c.path)),
  );
  const kept = plans.filter((p) => p.region !== gapBuilding);
  const names = {
    joint_conference: '社区党建联席会',
    coordination_council: '社区党建协调会',
    liaison_group: '党员联络组',
  };
  const bodyRows = await tx
    .insert(bodies)
    .values(
      kept.map((p) => ({
        districtId,
        kind: p.kind,
        regionId: p.region.id,
        name:
          p.kind === 'liaison_group'
            ? `${regionRows.find((c) => c.kind === 'community' && within(p.region.path, c.path))?.name ?? ''}${p.region.name}${names[p.kind]}`
            : `${p.region.name}${names[p.kind]}`,
        establishedOn: `${2024 + Math.floor(rand() * 2)}-0${1 + Math.floor(rand() * 9)}-15`,
      })),
    )
    .returning({
      id: bodies.id,
      kind: bodies.kind,
      regionId: bodies.regionId,
      establishedOn: bodies.establishedOn,
    });

  const memberRows: (typeof bodyMembers.$inferInsert)[] = [];
  const invitees = new Map<number, number[]>();
  bodyRows.forEach((b, i) => {
    const region = kept[i]!.region;
    const nearby = members.filter((m) => within(m.path, region.path));
    if (b.kind === 'liaison_group') {
      for (const m of sample(rand, nearby, 6))
        memberRows.push({
          districtId,
          bodyId: b.id,
          memberKind: 'person',
          personId: m.id,
          joinedOn: b.establishedOn,
        });
      invitees.set(
        b.id,
        sample(rand, nearby, 6).map((m) => m.id),
      );
    } else {
      for (const o of orgs.filter((o) => within(o.path, region.path))) {
        memberRows.push({
          districtId,
          bodyId: b.id,
          memberKind: 'party_org',
          partyOrgId: o.id,
          joinedOn: b.establishedOn,
        });
        if (o.unit_id)
          memberRows.push({
            districtId,
            bodyId: b.id,
            memberKind: 'unit',
            unitId: o.unit_id,
            joinedOn: b.establishedOn,
          });
      }
      invitees.set(
        b.id,
        sample(rand, nearby, 8).map((m) => m.id),
      );
    }
  });
  for (let i = 0; i < memberRows.length; i += 1000)
    await tx.insert(bodyMembers).values(memberRows.slice(i, i + 1000));

  // A year of meetings, the last few still ahead.
  const perYear = { joint_conference: 4, coordination_council: 6, liaison_group: 2 };
  const now = Date.now();
  const meetingPlans: { body: (typeof bodyRows)[number]; at: Date; title: string; agenda: string }[] = [];
  for (const b of bodyRows) {
    const n = perYear[b.kind];
    for (let k = 0; k < n; k++) {
      const daysAgo = Math.floor(((k + rand()) * 365) / n) - 20;
      const at = new Date(now - daysAgo * 86_400_000);
      at.setUTCHours(1 + Math.floor(rand() * 6), 0, 0, 0); // 9:00–14:00 in Beijing
      const topic = pick(rand, AGENDAS[b.kind]!);
      meetingPlans.push({
        body: b,
        at,
        title: `${topic}专题会议`,
        agenda: `1. ${topic}\n2. 听取上次会议决议落实情况\n3. 其他事项`,
      });
    }
  }
  const meetingRows = await tx
    .insert(meetings)
    .values(
      meetingPlans.map((m) => {
        const past = m.at.getTime() < now;
        return {
          districtId,
          bodyId: m.body.id,
          title: m.title,
          startsAt: m.at.toISOString(),
          endsAt: new Date(m.at.getTime() + 90 * 60_000).toISOString(),
          place: m.body.kind === 'liaison_group' ? '楼门议事点' : '社区党群服务中心会议室',
          agenda: m.agenda,
          minutes: past
            ? `会议围绕“${m.title.replace('专题会议', '')}”进行了讨论，与会人员踊跃发言，形成决议如下。`
            : null,
          status: (past ? 'held' : 'scheduled') as 'held' | 'scheduled',
        };
      }),
    )
    .returning({
      id: meetings.id,
      bodyId: meetings.bodyId,
      startsAt: meetings.startsAt,
      status: meetings.status,
    });

  const attendees: (typeof meetingAttendees.$inferInsert)[] = [];
  for (const m of meetingRows) {
    for (const personId of invitees.get(m.bodyId) ?? []) {
      const roll = rand();
      attendees.push({
        districtId,
        meetingId: m.id,
        personId,
        attendance:
          m.status === 'held' ? (roll < 0.78 ? 'present' : roll < 0.9 ? 'excused' : 'absent') : null,
      });
    }
  }
  for (let i = 0; i < attendees.length; i += 2000)
    await tx.insert(meetingAttendees).values(attendees.slice(i, i + 2000));
  // Each attendance is a participation entry in the ledger, as recording it through the API makes it.
  await tx.execute(sql`
    INSERT INTO ledger_entries (district_id, kind, quantity, at, person_id, party_org_id, region_id, source_type, source_id)
    SELECT a.district_id, 'meeting_attended', 1, m.starts_at, a.person_id, p.party_org_id, b.region_id, 'meeting', m.id
      FROM meeting_attendees a
      JOIN people p ON p.district_id = a.district_id AND p.id = a.person_id
      JOIN meetings m ON m.district_id = a.district_id AND m.id = a.meeting_id
      JOIN bodies b ON b.district_id = m.district_id AND b.id = m.body_id
     WHERE a.district_id = ${districtId} AND a.attendance = 'present'`);

  const held = meetingRows.filter((m) => m.status === 'held');
  const resRows = await tx
    .insert(resolutions)
    .values(held.map((m) => ({ districtId, meetingId: m.id, text: pick(rand, RESOLUTIONS)[0]! })))
    .returning({ id: resolutions.id, meetingId: resolutions.meetingId, text: resolutions.text });
  const bodyOf = new Map(meetingRows.map((m) => [m.id, bodyRows.find((b) => b.id === m.bodyId)!]));
  const taskRows: (typeof tasks.$inferInsert)[] = resRows.map((r) => {
    const meeting = meetingRows.find((m) => m.id === r.meetingId)!;
    const body = bodyOf.get(r.meetingId)!;
    const due = new Date(new Date(meeting.startsAt).getTime() + (20 + Math.floor(rand() * 40)) * 86_400_000);
    const overdue = due.getTime() < now;
    const roll = rand();
    const status = overdue ? (roll < 0.85 ? 'done' : 'in_progress') : roll < 0.5 ? 'open' : 'in_progress';
    const owners = invitees.get(body.id) ?? [];
    return {
      districtId,
      regionId: body.regionId,
      resolutionId: r.id,
      title: RESOLUTIONS.find((x) => x[0] === r.text)![1]!,
      ownerKind: 'person' as const,
      ownerPersonId: owners.length ? pick(rand, owners) : members[0]!.id,
      dueOn: due.toISOString().slice(0, 10),
      status: status as 'done',
      progress: status === 'done' ? 100 : status === 'in_progress' ? 30 + Math.floor(rand() * 50) : 0,
      doneAt: status === 'done' ? due.toISOString() : null,
    };
  });
  for (let i = 0; i < taskRows.length; i += 1000) await tx.insert(tasks).values(taskRows.slice(i, i + 1000));
  return bodyRows.length;
}
