/** `npm run bench`: every benchmark in turn, each printing its figures. */
import { spawnSync } from 'node:child_process';

const BENCHES = [
  'bench/import-members.ts',
  'bench/members-list.ts',
  'bench/claims.ts',
  'bench/bookings.ts',
  'bench/suggestions.ts',
  'bench/fanout.ts',
  'bench/evaluations.ts',
  'bench/dashboards.ts',
];
let failed = 0;
for (const b of BENCHES) {
  console.log(`\n== ${b}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', b], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
