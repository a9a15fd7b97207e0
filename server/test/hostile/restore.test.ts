/**
 * Backup → restore into an empty database (issue #12): a backup of the demo district, with
 * text that COPY must escape (tabs, newlines, backslashes, a line that is only `\.`), is
 * restored the way an operator would on a new machine — `npm run cli -- restore FILE`
 * against a database just created, with nothing in it (the command applies the migrations
 * first, then the rows). Every table's checksum must equal the source's, the applied
 * migrations too, and the schema's rules (indexes, constraints, triggers) must be the same;
 * the product must then work on it: sign in, write, ids continuing after the restored ones.
 * A file that is not a backup is refused with a failing exit code, changing nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { backup } from '../../src/db/backup';
import { createDb } from '../../src/db/client';
import { tableChecksums } from '../checksum';
import { Client, startTestApp, type TestContext } from '../harness';
import { cli } from '../server-process';
import { tally } from './tally';

let t: TestContext;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gj-restore-'));
const emptyDb = `gj_restore_${process.pid}_${Date.now() % 100_000}`;
const admin = new pg.Client({ connectionString: inject('pgServerUrl') });

beforeAll(async () => {
  t = await startTestApp();
  await admin.connect();
});
afterAll(async () => {
  await admin.query(`DROP DATABASE IF EXISTS ${emptyDb} WITH (FORCE)`).catch(() => {});
  await admin.end();
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** What COPY's text format must escape, and what a line-by-line reader could trip on. */
const AWKWARD = 'tab\there, back\\slash \\N, CR\r, LF\n\\.\nlast line \u2028 🏮 "quoted" \'single\'';

/** The same database's rules: extensions, indexes, constraints, triggers, functions. */
const schemaOf = async (q: (text: string) => Promise<unknown[]>) => ({
  extensions: await q('SELECT extname FROM pg_extension ORDER BY 1'),
  indexes: await q(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`),
  constraints: await q(
    `SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
      WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2`,
  ),
  triggers: await q(
    `SELECT tgrelid::regclass::text AS tbl, tgname, pg_get_triggerdef(oid) AS def FROM pg_trigger
      WHERE NOT tgisinternal ORDER BY 1, 2`,
  ),
  functions: await q(
    `SELECT proname, md5(prosrc) AS src FROM pg_proc WHERE pronamespace = 'public'::regnamespace ORDER BY 1, 2`,
  ),
  migrations: await q('SELECT hash, created_at FROM drizzle.__drizzle_migrations ORDER BY id'),
});

describe('backup → restore into an empty database', () => {
  it('gives back every table identically, with the same schema, and the product works on it', {
    timeout: 120_000,
  }, async () => {
    let requests = 0;
    let checked = 0;
    let held = 0;
    const hold = (ok: boolean) => {
      checked++;
      if (ok) held++;
    };
    try {
      // Rows with awkward text, through the API as users write them.
      const officer = await t.as('district_admin');
      const region = await officer.post('/api/regions', {
        parentId: await t.region('110107001'),
        name: '备份\\社区 "甲" \'乙\' 🏮',
      });
      const resident = await t.as('resident');
      const need = await resident.post('/api/needs', {
        title: '恢复测试 \\. 需求',
        category: 'repair',
        description: AWKWARD,
      });
      requests += 4;
      expect([region.status, need.status]).toEqual([201, 201]);

      const source = await tableChecksums(t.sql);
      const sourceSchema = await schemaOf((q) => t.sql(q));
      const file = path.join(dir, 'db.gz');
      const made = await backup(t.db, file);

      // A database with nothing in it: not even the migrations or the extensions.
      await admin.query(`CREATE DATABASE ${emptyDb} TEMPLATE template0 ENCODING 'UTF8'`);
      const url = new URL(inject('pgServerUrl'));
      url.pathname = `/${emptyDb}`;
      const target = new pg.Client({ connectionString: url.toString() });
      await target.connect();
      try {
        const q = async (text: string, params?: unknown[]) => (await target.query(text, params)).rows;
        expect(await q(`SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace`)).toEqual(
          [],
        );

        const restored = await cli(['restore', file], { DATABASE_URL: url.toString() });
        expect(restored.code, restored.out).toBe(0);
        expect(restored.out).toContain(`Restored ${made.rows} rows into ${made.tables} tables`);

        // Every table, row for row.
        const after = await tableChecksums(q as typeof t.sql);
        expect(Object.keys(after)).toEqual(Object.keys(source));
        for (const name of Object.keys(source)) hold(after[name] === source[name]);
        expect(after).toEqual(source);
        // The same rules, and the same migrations applied.
        const targetSchema = await schemaOf(q);
        for (const k of Object.keys(sourceSchema) as (keyof typeof sourceSchema)[])
          hold(JSON.stringify(targetSchema[k]) === JSON.stringify(sourceSchema[k]));
        expect(targetSchema).toEqual(sourceSchema);
        const [text] = await q('SELECT description FROM needs WHERE id = $1', [
          (need.body as { id: number }).id,
        ]);
        hold((text as { description: string }).description === AWKWARD);
        expect(text).toEqual({ description: AWKWARD });
        // The append-only audit log is append-only there too.
        await expect(q('UPDATE audit_log SET action = action')).rejects.toThrow();
        hold(true);

        // A file that is not a backup: refused with a failing exit code, nothing changed.
        const bad = path.join(dir, 'bad.gz');
        fs.writeFileSync(bad, gzipSync('not a backup\n'));
        const refused = await cli(['restore', bad], { DATABASE_URL: url.toString() });
        expect(refused.out).toContain('is not a Gongjian backup');
        expect(refused.code).toBe(1);
        hold(JSON.stringify(await tableChecksums(q as typeof t.sql)) === JSON.stringify(source));
        expect(await tableChecksums(q as typeof t.sql)).toEqual(source);
      } finally {
        await target.end();
      }

      // The product on the restored database: sign in, read, write; new ids follow the restored ones.
      const db = createDb(url.toString(), 2);
      const app = await buildApp({
        db,
        config: loadConfig({ GONGJIAN_LOG_LEVEL: 'silent', GONGJIAN_DEMO: '1' }),
      });
      try {
        const c = new Client(app);
        expect((await c.login('district_admin')).status).toBe(200);
        const read = await c.get(`/api/regions/${(region.body as { id: number }).id}`);
        expect(read.body).toMatchObject({ name: '备份\\社区 "甲" \'乙\' 🏮' });
        const next = await c.post('/api/regions', {
          parentId: await t.region('110107001'),
          name: '恢复后新社区',
        });
        requests += 3;
        expect(next.status).toBe(201);
        hold((next.body as { id: number }).id > (region.body as { id: number }).id);
        expect((next.body as { id: number }).id).toBeGreaterThan((region.body as { id: number }).id);
      } finally {
        await app.close();
        await db.$client.end();
      }
    } finally {
      tally({ source: 'faults', requests, invariantsChecked: checked, invariantsHeld: held });
    }
  });
});
