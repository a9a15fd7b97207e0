/**
 * Benchmark: bookings under conflicting load. Many clients ask at full speed for one-hour
 * slots on a few facilities over the next weeks, on a half-hour grid, so most requests
 * collide; prints successful bookings per second, all requests per second and latency,
 * and checks afterwards that no two live bookings of a facility overlap.
 */
import { benchServer, percentiles } from './harness';

const CLIENTS = 64;
const FACILITIES = 10;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

const bench = await benchServer();
try {
  const { community, sessions } = await bench.members('bk', 200);
  const hospital = (await bench.q("SELECT id FROM units WHERE name = '北京市石景山医院'")).rows[0]
    .id as number;
  const all = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '07:00', closes: '22:00' }));
  const facilities = (
    await bench.q(
      `INSERT INTO facilities (district_id, unit_id, region_id, name, kind, sub_kind, capacity, opening_hours, needs_approval,
                               max_minutes, max_days_ahead, min_notice_hours)
       SELECT 1, $1, $2, '压测场地' || g, 'sports', 'court', 20, $3::jsonb, false, 120, 60, 0 FROM generate_series(1, ${FACILITIES}) g
       RETURNING id`,
      [hospital, community, JSON.stringify(all)],
    )
  ).rows.map((r) => r.id as number);
  await bench.q('VACUUM ANALYZE');
  const base = await bench.start();

  // Slots: 14 days × 28 half-hour starts from 07:00 to 20:30, one hour long, Beijing time.
  const day0 = Date.UTC(
    new Date().getUTCFullYear(),
    new Date().getUTCMonth(),
    new Date().getUTCDate() + 1,
    -8,
  ); // midnight in Beijing
  const latencies: number[] = [];
  let booked = 0;
  let refused = 0;
  let errors = 0;
  let seed = 7;
  const rand = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const deadline = Date.now() + SECONDS * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      while (Date.now() < deadline) {
        const s = sessions[(c * 3 + Math.floor(rand() * 200)) % sessions.length]!;
        const start =
          day0 + Math.floor(rand() * 14) * 86_400_000 + (7 * 60 + Math.floor(rand() * 28) * 30) * 60_000;
        const t = performance.now();
        const res = await fetch(`${base}/api/bookings`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
          body: JSON.stringify({
            facilityId: facilities[Math.floor(rand() * FACILITIES)],
            startsAt: new Date(start).toISOString(),
            endsAt: new Date(start + 3_600_000).toISOString(),
            purpose: '压测预约',
            people: 4,
          }),
        });
        await res.arrayBuffer();
        latencies.push(performance.now() - t);
        if (res.status === 201) booked++;
        else if (res.status === 409) refused++;
        else errors++;
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  const { p50, p95, p99 } = percentiles(latencies);
  const overlaps = (
    await bench.q(
      `SELECT count(*)::int AS n FROM bookings a JOIN bookings b
         ON a.district_id = b.district_id AND a.facility_id = b.facility_id AND a.id < b.id AND a.during && b.during
       WHERE a.status IN ('pending', 'confirmed', 'used') AND b.status IN ('pending', 'confirmed', 'used')`,
    )
  ).rows[0].n;
  console.log(
    `bookings: ${booked} booked and ${refused} refused (409, slot taken) in ${elapsed.toFixed(1)} s from ${CLIENTS} clients ` +
      `on ${FACILITIES} facilities = ${(booked / elapsed).toFixed(0)} bookings/s, ${((booked + refused) / elapsed).toFixed(0)} requests/s; ` +
      `latency p50 ${p50} ms, p95 ${p95} ms, p99 ${p99} ms; other errors ${errors}; overlapping bookings in the database ${overlaps}`,
  );
  if (overlaps !== 0 || errors !== 0) process.exitCode = 1;
} finally {
  await bench.close();
}
