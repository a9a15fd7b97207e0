/**
 * One real PostgreSQL for the whole run (embedded in a temporary directory, or the
 * server at DATABASE_URL), and a template database holding the migrations and the demo
 * district. Each test file copies the template into a database of its own.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDb } from '../src/db/client';
import { type EmbeddedDatabase, startEmbedded } from '../src/db/embedded';
import { runMigrations } from '../src/db/migrate';
import { seedDemo } from '../src/demo/demo.seed';
import { refreshFigures } from '../src/modules/dashboards/figures.refresh';
import { sumTally } from './hostile/figures';

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
    templateDb: string;
    /** Where the hostile tests add their figures (hostile/tally.ts). */
    tallyFile: string;
  }
}

const silent = { info: () => {}, warn: (m: string) => console.warn(m) };

export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | null = null;
  let dataDir: string | null = null;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongjian-test-'));
    embedded = await startEmbedded(dataDir, silent);
    serverUrl = embedded.url;
  }
  const templateDb = `gj_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${templateDb}`);
  await admin.query(`CREATE DATABASE ${templateDb}`);
  const url = new URL(serverUrl);
  url.pathname = `/${templateDb}`;
  const db = createDb(url.toString(), 2);
  await runMigrations(db);
  await seedDemo(db);
  // The dashboards' figures, as the running server keeps them.
  await refreshFigures(db);
  await db.$client.end();
  project.provide('pgServerUrl', serverUrl);
  project.provide('templateDb', templateDb);
  const tallyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongjian-tally-'));
  const tallyFile = path.join(tallyDir, 'figures.jsonl');
  project.provide('tallyFile', tallyFile);

  return async () => {
    printTally(tallyFile);
    fs.rmSync(tallyDir, { recursive: true, force: true });
    await admin.query(`DROP DATABASE IF EXISTS ${templateDb} WITH (FORCE)`).catch(() => {});
    await admin.end();
    await embedded?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

/**
 * The run's figures: every API test's 5xx and 503 answers (answers.ts), and the hostile
 * suite's sums when any of its tests ran (issue #12). A 5xx has already failed its test;
 * the run fails here too, so no summary can show one beside a green result.
 */
function printTally(file: string) {
  const { sums: f, sources } = sumTally(file);
  const line = (label: string, value: string) => `  ${label.padEnd(44)} ${value}\n`;
  const hostile = sources.filter((s) => s !== 'answers');
  process.stdout.write(
    '\nAPI answers (every test file)\n' +
      line('5xx answers', String(f.serverErrors)) +
      line('503 "try again" answers, retried', String(f.unavailable)),
  );
  if (hostile.length)
    process.stdout.write(
      `\nHostile suite (${hostile.join(', ')})\n` +
        line('requests tried', f.requests.toLocaleString('en')) +
        line('5xx answers', String(f.serverErrors)) +
        line("leaks found (another scope's data)", String(f.leaks)) +
        line('invariants checked / held', `${f.invariantsChecked} / ${f.invariantsHeld}`) +
        line(
          'acknowledged writes lost after kill -9',
          `${f.acknowledgedLost} (of ${f.acknowledgedWrites.toLocaleString('en')} acknowledged)`,
        ),
    );
  if (f.serverErrors) {
    // vitest does not fail a run on a teardown's exception: the exit code says it.
    console.error(`${f.serverErrors} answers were 5xx: see the failed tests above`);
    process.exitCode = 1;
  }
}
