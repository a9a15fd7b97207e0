/**
 * Demo organisation network: units of every affiliation level with their Party
 * organisations, street committees and community branches, and some forty people per
 * community with Chinese names, specialties and memberships; in-service members partly
 * registered with their home community (a few still waiting, so inboxes are not empty).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { roleAssignments, users } from '../modules/accounts/accounts.schema';
import { people, specialties } from '../modules/members/members.schema';
import { partyOrgs } from '../modules/party-orgs/party-orgs.schema';
import { regions } from '../modules/regions/regions.schema';
import { communityRegistrations } from '../modules/registrations/registrations.schema';
import { units } from '../modules/units/units.schema';
import { STREETS, seeded } from './demo.data';
import { DEMO_UNITS, GIVEN_FEMALE, GIVEN_MALE, SURNAMES } from './network.data';

type Rand = () => number;
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

/** A valid 18-character resident ID number (GB 11643 check digit). */
function idNumber(rand: Rand, birthYear: number, male: boolean): string {
  const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(rand() * 28)).padStart(2, '0');
  const seq = Math.floor(rand() * 50) * 2 + (male ? 1 : 0);
  const body = `110107${birthYear}${month}${day}${String(seq).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, c, i) => s + Number(c) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 1000) await insert(rows.slice(i, i + 1000));
}

export async function seedNetwork(tx: Tx, districtId: number): Promise<{ units: number; people: number }> {
  const [existing] = await tx
    .select({ id: units.id })
    .from(units)
    .where(eq(units.districtId, districtId))
    .limit(1);
  if (existing) return { units: 0, people: 0 };
  const rand = seeded(2001);
  const all = await tx
    .select({
      id: regions.id,
      code: regions.code,
      kind: regions.kind,
      path: regions.path,
      parentId: regions.parentId,
    })
    .from(regions)
    .where(eq(regions.districtId, districtId));
  const byCode = new Map(all.map((r) => [r.code, r]));
  const entrancesOf = new Map<number, number[]>();
  for (const r of all.filter((x) => x.kind === 'entrance')) {
    const community = Number(r.path.split('.')[2]);
    entrancesOf.set(community, [...(entrancesOf.get(community) ?? []), r.id]);
  }

  // Units and their Party organisations.
  const unitRows = await tx
    .insert(units)
    .values(
      DEMO_UNITS.map((u) => ({
        districtId,
        regionId: byCode.get(u.at)!.id,
        name: u.name,
        kind: u.kind,
        affiliation: u.affiliation,
        address: u.address,
        contactName: u.contactName,
        contactPhone: `139${String(10000000 + Math.floor(rand() * 89999999))}`,
      })),
    )
    .returning({ id: units.id, name: units.name, regionId: units.regionId });
  const unitOrgs = await tx
    .insert(partyOrgs)
    .values(
      unitRows.map((u, i) => ({
        districtId,
        regionId: u.regionId,
        kind: 'unit_party_org' as const,
        name: DEMO_UNITS[i]!.orgName,
        unitId: u.id,
      })),
    )
    .returning({ id: partyOrgs.id, unitId: partyOrgs.unitId });

  // A working committee per street, a branch per community under it.
  const committees = await tx
    .insert(partyOrgs)
    .values(
      STREETS.map((s) => ({
        districtId,
        regionId: byCode.get(s.code)!.id,
        kind: 'street_committee' as const,
        name: `${s.name}党工委`,
      })),
    )
    .returning({ id: partyOrgs.id, regionId: partyOrgs.regionId });
  const committeeOf = new Map(committees.map((c) => [c.regionId, c.id]));
  const communities = all.filter((r) => r.kind === 'community');
  const names = await tx
    .select({ id: regions.id, name: regions.name })
    .from(regions)
    .where(and(eq(regions.districtId, districtId), eq(regions.kind, 'community')));
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  const branches = await tx
    .insert(partyOrgs)
    .values(
      communities.map((c) => ({
        districtId,
        regionId: c.id,
        kind: 'community_branch' as const,
        name: `${nameOf.get(c.id)}党委`,
        parentId: committeeOf.get(c.parentId!),
      })),
    )
    .returning({ id: partyOrgs.id, regionId: partyOrgs.regionId });
  const branchOf = new Map(branches.map((b) => [b.regionId, b.id]));

  // People: about forty a community.
  const codes = (await tx.select({ code: specialties.code }).from(specialties)).map((s) => s.code);
  const used = new Set<string>(['张建国', '陈桂兰']);
  type NewPerson = typeof people.$inferInsert;
  const folks: (NewPerson & { community: number })[] = [];
  for (const c of communities) {
    const n = 32 + Math.floor(rand() * 16);
    for (let i = 0; i < n; i++) {
      const male = rand() < 0.48;
      let name = '';
      do name = pick(rand, [...SURNAMES]) + pick(rand, male ? GIVEN_MALE : GIVEN_FEMALE);
      while (used.has(name) && used.size < 6000);
      used.add(name);
      const birthYear = 1938 + Math.floor(rand() * 64);
      const party = rand() < 0.38;
      const retired = birthYear < 1963;
      const orgId = !party ? null : retired ? branchOf.get(c.id)! : pick(rand, unitOrgs).id;
      const skills =
        rand() < 0.7 ? [...new Set([pick(rand, codes), ...(rand() < 0.35 ? [pick(rand, codes)] : [])])] : [];
      folks.push({
        districtId,
        community: c.id,
        name,
        gender: male ? 'male' : 'female',
        birthYear,
        phone: `1${pick(rand, ['3', '5', '8'])}${String(Math.floor(rand() * 1e9)).padStart(9, '0')}`,
        idNumber: idNumber(rand, birthYear, male),
        homeRegionId: pick(rand, entrancesOf.get(c.id)!),
        specialties: skills,
        tags: rand() < 0.15 ? [pick(rand, ['楼门长', '老党员', '退役军人', '志愿者骨干', '网格员'])] : [],
        partyOrgId: orgId,
        partyStatus: !party ? null : retired ? 'retired' : 'in_service',
        partySince: !party ? null : `${Math.min(2024, birthYear + 22 + Math.floor(rand() * 20))}-07-01`,
      });
    }
  }
  // The demo member and resident, on the pages everyone opens first.
  const hospitalOrg = unitOrgs[0]!.id;
  const bajiaoNorth = byCode.get('110107003001')!.id;
  folks.push(
    {
      districtId,
      community: bajiaoNorth,
      name: '张建国',
      gender: 'male',
      birthYear: 1978,
      phone: '13811112345',
      idNumber: idNumber(rand, 1978, true),
      homeRegionId: byCode.get('110107003001-03-2')!.id,
      specialties: ['medical', 'counselling'],
      tags: ['志愿者骨干'],
      partyOrgId: hospitalOrg,
      partyStatus: 'in_service',
      partySince: '2003-07-01',
    },
    {
      districtId,
      community: bajiaoNorth,
      name: '陈桂兰',
      gender: 'female',
      birthYear: 1956,
      phone: '13911116789',
      idNumber: idNumber(rand, 1956, false),
      homeRegionId: byCode.get('110107003001-05-1')!.id,
      specialties: ['cooking'],
      tags: [],
    },
  );
  const inserted: { id: number; partyStatus: string | null; homeRegionId: number; name: string }[] = [];
  await insertChunks(folks, async (chunk) => {
    inserted.push(
      ...(await tx
        .insert(people)
        .values(chunk.map(({ community: _, ...p }) => p))
        .returning({
          id: people.id,
          partyStatus: people.partyStatus,
          homeRegionId: people.homeRegionId,
          name: people.name,
        })),
    );
  });

  // Registrations: most in-service members registered, a few waiting.
  const communityOfPerson = new Map(inserted.map((p, i) => [p.id, folks[i]!.community]));
  const [worker] = await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, 'community_worker'));
  const regs: (typeof communityRegistrations.$inferInsert)[] = [];
  let waitingHere = 0;
  for (const p of inserted) {
    if (p.partyStatus !== 'in_service' || p.name === '张建国') continue;
    const community = communityOfPerson.get(p.id)!;
    const here = community === bajiaoNorth;
    const roll = rand();
    const status =
      here && waitingHere < 4 ? 'pending' : roll < 0.6 ? 'approved' : roll < 0.72 ? 'pending' : null;
    if (!status) continue;
    if (here && status === 'pending') waitingHere++;
    regs.push({
      districtId,
      personId: p.id,
      communityId: community,
      status,
      requestedAt: daysAgo(Math.floor(rand() * 300) + 31),
      decidedAt: status === 'approved' ? daysAgo(Math.floor(rand() * 30)) : null,
      decidedBy: status === 'approved' && here ? (worker?.id ?? null) : null,
    });
  }
  await insertChunks(regs, (chunk) => tx.insert(communityRegistrations).values(chunk));

  // Demo accounts meet their records: the member and resident have a person, the unit contact a unit.
  const link = async (username: string, name: string) => {
    const person = inserted.find((p) => p.name === name)!;
    await tx.execute(sql`UPDATE people SET user_id = (SELECT id FROM users WHERE username = ${username})
      WHERE district_id = ${districtId} AND id = ${person.id}`);
  };
  await link('member', '张建国');
  await link('resident', '陈桂兰');
  await tx
    .update(roleAssignments)
    .set({ unitId: unitRows[0]!.id, regionId: unitRows[0]!.regionId })
    .where(
      and(
        eq(roleAssignments.role, 'unit_contact'),
        sql`${roleAssignments.userId} = (SELECT id FROM users WHERE username = 'unit_contact')`,
      ),
    );
  return { units: unitRows.length, people: inserted.length };
}
