/**
 * Data the API tests and the benchmarks both make: Party members with accounts, and
 * sessions written straight into the table (no password hashing in the way).
 */
import { randomBytes } from 'node:crypto';

type Pg = { query: (text: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> };

/** `count` Party members of 八角北路社区党委 living in `homeRegionId`, with accounts `<prefix>1`…. */
export async function addMembers(pg: Pg, prefix: string, count: number, homeRegionId: number) {
  await pg.query(
    `WITH p AS (
       INSERT INTO people (district_id, name, gender, home_region_id, party_org_id, party_status, party_since)
       SELECT 1, $2 || g, 'male', $1, (SELECT id FROM party_orgs WHERE name = '八角北路社区党委'), 'retired', date '1990-07-01'
         FROM generate_series(1, $3::int) g RETURNING id, name),
     u AS (
       INSERT INTO users (district_id, region_id, username, display_name, password_hash)
       SELECT 1, $1, $4 || substr(p.name, length($2) + 1), p.name, (SELECT password_hash FROM users WHERE username = 'member')
         FROM p RETURNING id, display_name),
     r AS (INSERT INTO role_assignments (district_id, user_id, role, region_id) SELECT 1, u.id, 'party_member', $1 FROM u)
     SELECT count(*) FROM u`,
    [homeRegionId, `${prefix}党员`, count, prefix],
  );
  // A statement does not see rows its own CTEs insert: link people to accounts after.
  await pg.query(
    `UPDATE people p SET user_id = u.id FROM users u
      WHERE u.display_name = p.name AND p.name LIKE $1 || '%' AND p.user_id IS NULL`,
    [`${prefix}党员`],
  );
  return Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);
}

/** A live session for `username`, as the login would make it. */
export async function addSession(pg: Pg, username: string) {
  const token = randomBytes(24).toString('base64url');
  const csrf = randomBytes(12).toString('base64url');
  await pg.query(
    `INSERT INTO sessions (id, user_id, csrf_token, expires_at)
     SELECT encode(sha256($1::bytea), 'hex'), id, $2, now() + interval '1 hour' FROM users WHERE username = $3`,
    [token, csrf, username],
  );
  return { cookie: `gj_sid=${token}`, csrf };
}
