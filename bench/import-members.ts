/**
 * Benchmark: import 100,000 people from one .xlsx through the HTTP API, as a street
 * admin would, and print rows per second for the whole job and for its phases.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { benchApp, signIn } from './harness';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);

const { app, db, close } = await benchApp();
try {
  const { rows: communities } = await db.$client.query<{ name: string; street: string }>(
    `SELECT c.name, s.name AS street FROM regions c JOIN regions s ON s.id = c.parent_id WHERE c.kind = 'community'`,
  );
  const file = path.join(os.tmpdir(), `gj-import-${process.pid}.xlsx`);
  let t = performance.now();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: false,
    useStyles: false,
  });
  const ws = wb.addWorksheet('data');
  ws.addRow(['姓名', '性别', '出生年份', '手机号', '街道', '社区', '特长']).commit();
  for (let i = 0; i < ROWS; i++) {
    const c = communities[i % communities.length]!;
    ws.addRow([
      `居民${i}`,
      i % 2 ? '男' : '女',
      1940 + (i % 60),
      `13${String(100000000 + i)}`,
      c.street,
      c.name,
      i % 3 ? '医疗卫生' : '',
    ]).commit();
  }
  await wb.commit();
  const data = fs.readFileSync(file);
  console.log(
    `generated ${ROWS} rows (${(data.length / 1e6).toFixed(1)} MB) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );

  const headers = await signIn(app, 'district_admin');
  t = performance.now();
  const started = await app.inject({
    method: 'POST',
    url: '/api/imports/members',
    payload: data,
    headers: {
      ...headers,
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'x-file-name': 'bench.xlsx',
    },
  });
  if (started.statusCode !== 202) throw new Error(`upload: ${started.statusCode} ${started.body}`);
  const { id } = started.json() as { id: number };
  const phases: Record<string, number> = {};
  let job: { status: string; written: number; errorCount: number; errors: unknown[] };
  for (;;) {
    job = (await app.inject({ method: 'GET', url: `/api/imports/${id}`, headers })).json();
    phases[job.status] ??= performance.now() - t;
    if (job.status === 'done' || job.status === 'failed') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const seconds = (performance.now() - t) / 1000;
  if (job.status !== 'done') throw new Error(`import failed: ${JSON.stringify(job.errors.slice(0, 5))}`);
  const at = (s: string) => ((phases[s] ?? 0) / 1000).toFixed(1);
  console.log(
    `phases (s from upload): reading ${at('reading')}, validating ${at('validating')}, writing ${at('writing')}, done ${at('done')}`,
  );
  console.log(
    `import: ${job.written} rows in ${seconds.toFixed(1)} s = ${Math.round(job.written / seconds)} rows/s (target: 100,000 rows < 30 s)`,
  );
  fs.rmSync(file, { force: true });
} finally {
  await close();
}
