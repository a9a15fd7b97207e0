/**
 * The rotating check-in code an organiser shows: `<occurrence>.<window>.<mac>`, where the
 * window is the current 30-second step and the mac an HMAC of both under a server secret.
 * A code is good in its own window and the next one, so a photo sent to a friend stops
 * working within a minute, and nothing needs storing to check it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';

export const STEP_SECONDS = 30;

const secrets = new WeakMap<object, Promise<string>>();

/** The key, made by the migration; read once per database handle. */
function secretOf(db: Tx): Promise<string> {
  let s = secrets.get(db);
  if (!s) {
    s = db
      .execute<{ value: string }>(sql`SELECT value FROM app_secrets WHERE name = 'checkin_code'`)
      .then((r) => {
        if (!r.rows[0]) throw new Error('app_secrets has no checkin_code: run the migrations');
        return r.rows[0].value;
      });
    secrets.set(db, s);
  }
  return s;
}

const mac = (secret: string, districtId: number, occurrenceId: number, window: number) =>
  createHmac('sha256', secret)
    .update(`${districtId}:${occurrenceId}:${window}`)
    .digest('base64url')
    .slice(0, 22);

const windowOf = (ms: number) => Math.floor(ms / 1000 / STEP_SECONDS);

export async function makeCode(db: Tx, districtId: number, occurrenceId: number, now = Date.now()) {
  const window = windowOf(now);
  return {
    token: `${occurrenceId}.${window}.${mac(await secretOf(db), districtId, occurrenceId, window)}`,
    expiresAt: new Date((window + 2) * STEP_SECONDS * 1000).toISOString(),
  };
}

/** The occurrence a code is for, or null when it is forged, malformed or expired. */
export async function readCode(db: Tx, districtId: number, token: string, now = Date.now()) {
  const m = /^(\d{1,15})\.(\d{1,12})\.([\w-]{22})$/.exec(token.trim());
  if (!m) return null;
  const [occurrenceId, window] = [Number(m[1]), Number(m[2])];
  const current = windowOf(now);
  if (window !== current && window !== current - 1) return null;
  const expected = Buffer.from(mac(await secretOf(db), districtId, occurrenceId, window));
  const given = Buffer.from(m[3]!);
  return given.length === expected.length && timingSafeEqual(given, expected) ? occurrenceId : null;
}
