/**
 * Seeds the demo district and one account per role. Idempotent: a second run finds the
 * district and adds nothing; missing demo accounts are added. Takes well under a second
 * (one password hash, bulk inserts).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { hashPassword } from '../auth/password';
import type { Db, Tx } from '../db/client';
import { roleAssignments, users } from '../modules/accounts/accounts.schema';
import { regions } from '../modules/regions/regions.schema';
import { seedBodies } from './bodies.seed';
import { seedDedication, seedDedicationHours } from './dedication.seed';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DISTRICT, STREET_ADMIN_NAMES, STREETS, seeded } from './demo.data';
import { seedEvaluations } from './evaluations.seed';
import { seedNetwork } from './network.seed';
import { seedProjects } from './projects.seed';
import { seedPublicity } from './publicity.seed';
import { seedSharing } from './sharing.seed';
import { seedTeams } from './teams.seed';
import { seedTimeBank } from './timebank.seed';

type NewRegion = typeof regions.$inferInsert;

async function nextIds(tx: Tx, n: number): Promise<number[]> {
  const { rows } = await tx.execute<{ id: number }>(
    sql`SELECT nextval(pg_get_serial_sequence('regions', 'id')) AS id FROM generate_series(1, ${n})`,
  );
  return rows.map((r) => Number(r.id));
}

function buildTree(ids: () => number): NewRegion[] {
  const rand = seeded(20010607); // the article's date
  const rows: NewRegion[] = [];
  const districtId = ids();
  const add = (parent: NewRegion | null, kind: NewRegion['kind'], name: string, code: string) => {
    const id = parent ? ids() : districtId;
    const row: NewRegion = {
      districtId,
      id,
      parentId: parent?.id ?? null,
      kind,
      name,
      code,
      path: parent ? `${parent.path}.${id}` : String(id),
    };
    rows.push(row);
    return row;
  };
  const district = add(null, 'district', DISTRICT.name, DISTRICT.code);
  for (const s of STREETS) {
    const street = add(district, 'street', s.name, s.code);
    s.communities.forEach((c, ci) => {
      const communityCode = `${s.code}${String(ci + 1).padStart(3, '0')}`;
      const community = add(street, 'community', c, communityCode);
      const buildings = 5 + Math.floor(rand() * 5);
      for (let b = 1; b <= buildings; b++) {
        const bCode = `${communityCode}-${String(b).padStart(2, '0')}`;
        const building = add(community, 'building', `${b}号楼`, bCode);
        const entrances = 2 + Math.floor(rand() * 3);
        for (let e = 1; e <= entrances; e++) add(building, 'entrance', `${e}单元`, `${bCode}-${e}`);
      }
    });
  }
  return rows;
}

export async function seedDemo(db: Db) {
  return db.transaction(async (tx) => {
    // One seeding at a time, even with several instances starting on one database.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(4242002)`);
    const [district] = await tx
      .select()
      .from(regions)
      .where(and(eq(regions.kind, 'district'), eq(regions.code, DISTRICT.code)));
    let createdRegions = 0;
    let districtId = district?.id;
    if (districtId === undefined) {
      const count = buildTree(() => 0).length;
      const pool = await nextIds(tx, count);
      let i = 0;
      const rows = buildTree(() => pool[i++]!);
      for (let at = 0; at < rows.length; at += 1000)
        await tx.insert(regions).values(rows.slice(at, at + 1000));
      createdRegions = rows.length;
      districtId = rows[0]!.id!;
    }
    const codes = await tx
      .select({ id: regions.id, code: regions.code })
      .from(regions)
      .where(eq(regions.districtId, districtId));
    const byCode = new Map(codes.map((r) => [r.code, r.id]));
    const accounts = [
      ...DEMO_ACCOUNTS.map((a) => ({ ...a })),
      ...STREETS.map((s, i) => ({
        username: `street_${s.code}`,
        displayName: STREET_ADMIN_NAMES[i]!,
        role: 'street_admin' as const,
        at: s.code,
        home: s.code,
      })).filter((a) => a.at !== '110107003'), // 八角街道 has the demo street admin
    ];
    // The password is hashed only when an account is missing: a restart of a seeded demo costs nothing.
    const existing = await tx
      .select({ username: users.username })
      .from(users)
      .where(
        inArray(
          users.username,
          accounts.map((a) => a.username),
        ),
      );
    const missing = accounts.filter((a) => !existing.some((e) => e.username === a.username));
    const hash = missing.length ? await hashPassword(DEMO_PASSWORD) : '';
    const inserted = !missing.length
      ? []
      : await tx
          .insert(users)
          .values(
            missing.map((a) => ({
              districtId,
              regionId: byCode.get(a.home)!,
              username: a.username,
              displayName: a.displayName,
              passwordHash: hash,
            })),
          )
          .onConflictDoNothing({ target: users.username })
          .returning({ id: users.id, username: users.username });
    if (inserted.length) {
      const idOf = new Map(inserted.map((u) => [u.username, u.id]));
      await tx.insert(roleAssignments).values(
        accounts
          .filter((a) => idOf.has(a.username))
          .map((a) => ({
            districtId,
            userId: idOf.get(a.username)!,
            role: a.role,
            regionId: byCode.get(a.at)!,
          })),
      );
    }
    const network = await seedNetwork(tx, districtId);
    const bodies = await seedBodies(tx, districtId);
    const projects = await seedProjects(tx, districtId);
    await seedDedication(tx, districtId);
    await seedTeams(tx, districtId);
    await seedDedicationHours(tx, districtId);
    await seedSharing(tx, districtId);
    await seedPublicity(tx, districtId);
    await seedTimeBank(tx, districtId);
    // Last: the evaluations score what all the rest recorded.
    await seedEvaluations(tx, districtId);
    return {
      created: createdRegions > 0,
      regions: createdRegions,
      accounts: inserted.length,
      ...network,
      bodies,
      projects,
    };
  });
}
