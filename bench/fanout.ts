/**
 * Benchmark: publishing a notice to 40,000 Party members — the request answers at once,
 * the background job delivers; prints the request's latency and recipients per second.
 */
import { runDueJobs } from '../server/src/modules/jobs/jobs.service';
import { benchApp, fillDistrict, signIn } from './harness';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 600_000);

const { app, db, close } = await benchApp();
try {
  await fillDistrict(db, PEOPLE);
  const district = (await db.$client.query("SELECT id FROM regions WHERE kind = 'district'")).rows[0]
    .id as number;
  const headers = await signIn(app, 'district_admin');
  const created = await app.inject({
    method: 'POST',
    url: '/api/notices',
    headers,
    payload: {
      kind: 'open_letter',
      title: '致全区共产党员的一封信',
      body: '<p>各位党员同志……</p>',
      audience: { regionId: district, partyOnly: true },
    },
  });
  const id = created.json().id as number;
  let t = performance.now();
  const published = await app.inject({ method: 'POST', url: `/api/notices/${id}/publish`, headers });
  const requestMs = performance.now() - t;
  if (published.statusCode !== 202) throw new Error(published.body);
  t = performance.now();
  await runDueJobs(db);
  const seconds = (performance.now() - t) / 1000;
  const n = (
    await db.$client.query('SELECT count(*)::int AS n FROM notice_recipients WHERE notice_id = $1', [id])
  ).rows[0].n;
  console.log(
    `fan-out: publish answered in ${requestMs.toFixed(1)} ms; ${n} recipients delivered in ${seconds.toFixed(1)} s = ` +
      `${(n / seconds).toFixed(0)} recipients/s (each once; the job resumes from its last batch when retried)`,
  );
} finally {
  await close();
}
