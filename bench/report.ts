/** The bench's table on stdout, and the same figures as JSON in bench/results/. */
import fs from 'node:fs';
import type { LoadResult } from './load';

export type Row = {
  name: string;
  group: 'ceiling' | 'read' | 'write' | 'dashboard' | 'job';
  result?: LoadResult;
  /** The same service call behind the bare route (no Fastify): lists and details. */
  bare?: LoadResult;
  /** For jobs: seconds, and what was done. */
  seconds?: number;
  note?: string;
  ratio?: number;
  /** The bare route's throughput over the ceiling. */
  bareRatio?: number;
  /** What the framework takes of the bare route's throughput: 1 − api/bare. */
  overhead?: number;
  /** SQL statements sent by the server per request during the load (API; bare). */
  sqlPerRequest?: number;
  bareSqlPerRequest?: number;
  target: string;
  met: boolean | null;
};

const fmt = (x: number | undefined, d = 1) => (x === undefined ? '' : x.toFixed(d));

/** `idlePerSecond`: the statements the server's background jobs send a second, nothing asked. */
export function printRows(rows: Row[], idlePerSecond: number) {
  console.log(
    `\n${'endpoint'.padEnd(44)}${'req/s'.padStart(9)}${'p50'.padStart(8)}${'p95'.padStart(8)}${'p99'.padStart(8)}${'ratio'.padStart(7)}` +
      `${'bare r/s'.padStart(10)}${'ratio'.padStart(7)}${'overhd'.padStart(8)}${'sql/req'.padStart(9)}  target`,
  );
  for (const r of rows) {
    const res = r.result;
    const main = res
      ? `${fmt(res.rps).padStart(9)}${fmt(res.p50).padStart(8)}${fmt(res.p95).padStart(8)}${fmt(res.p99).padStart(8)}`
      : `${`${fmt(r.seconds)} s`.padStart(9)}${''.padStart(24)}`;
    const bare = `${fmt(r.bare?.rps).padStart(10)}${fmt(r.bareRatio, 2).padStart(7)}${(r.overhead === undefined ? '' : `${Math.round(r.overhead * 100)} %`).padStart(8)}`;
    const verdict = r.met === null ? '' : r.met ? ' ✓' : ' ✗ MISSED';
    const errors = res && (res.errors || res.timeouts) ? `  errors ${res.errors + res.timeouts}` : '';
    const bareErrors = r.bare && (r.bare.non2xx || r.bare.errors) ? `  bare non-2xx ${r.bare.non2xx}` : '';
    console.log(
      `${r.name.padEnd(44)}${main}${fmt(r.ratio, 2).padStart(7)}${bare}${fmt(r.sqlPerRequest, 2).padStart(9)}  ${r.target}${verdict}${errors}${bareErrors}${r.note ? `  (${r.note})` : ''}`,
    );
  }
  console.log(
    'ratio: req/s over the primary-key route; bare: the same service call behind plain node:http (JSON.stringify, no hooks,\n' +
      'session, validation or compression); overhd: 1 − api/bare, what the framework takes; sql/req: statements the server\n' +
      `sent per request during the load, counted at its pool; the background jobs' are included (${idlePerSecond.toFixed(1)} a second\n` +
      'while idle, i.e. that many ÷ req/s in each figure).',
  );
}

/** Writes the run's figures; returns the file's name. */
export function writeResults(figures: Record<string, unknown>, prefix = 'bench') {
  fs.mkdirSync('bench/results', { recursive: true });
  const out = `bench/results/${prefix}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  fs.writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), ...figures }, null, 2));
  return out;
}
