/**
 * Logical backup and restore without pg_dump (the embedded package ships none):
 * every table is copied with COPY inside one REPEATABLE READ snapshot, so the file is
 * consistent; restore replaces all rows in one transaction and resets the sequences.
 *
 * File format (gzip): a JSON header line, then per table `\table <name> <columns>`
 * followed by its COPY text rows and a `\.` line.
 */
import { once } from 'node:events';
import fs from 'node:fs';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { Db } from './client';

const FORMAT = 'gongjian-backup/1';

type Table = { name: string; columns: string[] };

async function userTables(client: pg.PoolClient): Promise<Table[]> {
  const { rows } = await client.query<{ name: string; columns: string[] }>(`
    SELECT c.relname AS name,
           array_agg(quote_ident(a.attname) ORDER BY a.attnum) AS columns
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     WHERE c.relkind = 'r'
     GROUP BY c.relname ORDER BY c.relname`);
  return rows;
}

async function migrationsApplied(client: pg.PoolClient): Promise<string[]> {
  const { rows } = await client.query<{ hash: string }>(
    'SELECT hash FROM drizzle.__drizzle_migrations ORDER BY id',
  );
  return rows.map((r) => r.hash);
}

export async function backup(db: Db, file: string): Promise<{ tables: number; rows: number }> {
  const client = await db.$client.connect();
  const gzip = createGzip();
  const out = fs.createWriteStream(file, { mode: 0o600 });
  const done = pipeline(gzip, out);
  let rows = 0;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tables = await userTables(client);
    const header = {
      format: FORMAT,
      at: new Date().toISOString(),
      migrations: await migrationsApplied(client),
    };
    gzip.write(`${JSON.stringify(header)}\n`);
    for (const t of tables) {
      gzip.write(`\\table ${t.name} ${t.columns.join(',')}\n`);
      const stream = client.query(copyTo(`COPY public.${t.name} (${t.columns.join(',')}) TO STDOUT`));
      for await (const chunk of stream) {
        if (!gzip.write(chunk)) await once(gzip, 'drain');
      }
      rows += stream.rowCount ?? 0;
      gzip.write('\\.\n');
    }
    await client.query('COMMIT');
    gzip.end();
    await done;
    return { tables: tables.length, rows };
  } catch (e) {
    gzip.destroy();
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

export async function restore(db: Db, file: string): Promise<{ tables: number; rows: number }> {
  const lines = readline.createInterface({
    input: fs.createReadStream(file).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  const it = lines[Symbol.asyncIterator]();
  const first = await it.next();
  let header: { format?: string; migrations?: string[] } = {};
  try {
    header = JSON.parse(first.done ? '{}' : first.value) ?? {};
  } catch {
    // Not JSON: not ours either (said plainly, rather than as a JSON parser's complaint).
  }
  if (header.format !== FORMAT) throw new Error(`${file} is not a Gongjian backup`);
  const client = await db.$client.connect();
  let tables = 0;
  let rows = 0;
  try {
    await client.query('BEGIN');
    const applied = await migrationsApplied(client);
    if (JSON.stringify(applied) !== JSON.stringify(header.migrations)) {
      throw new Error(
        'The backup was made at another schema version: run the same release (npm run migrate) first.',
      );
    }
    // Rows go back exactly as they were: no triggers (append-only guards), no FK checks midway.
    await client.query('SET LOCAL session_replication_role = replica');
    const names = (await userTables(client)).map((t) => `public.${t.name}`);
    await client.query(`TRUNCATE ${names.join(', ')}`);
    for (let line = await it.next(); !line.done; line = await it.next()) {
      const m = /^\\table (\w+) (.+)$/.exec(line.value);
      if (!m) throw new Error(`Unexpected line in backup: ${line.value.slice(0, 80)}`);
      const stream = client.query(copyFrom(`COPY public.${m[1]} (${m[2]}) FROM STDIN`));
      for (line = await it.next(); !line.done && line.value !== '\\.'; line = await it.next()) {
        if (!stream.write(`${line.value}\n`)) await once(stream, 'drain');
      }
      stream.end();
      await once(stream, 'finish');
      rows += stream.rowCount ?? 0;
      tables++;
    }
    // Identity sequences continue after the highest restored id.
    await client.query(`
      DO $$ DECLARE s record; BEGIN
        FOR s IN SELECT c.relname AS tbl, a.attname AS col, pg_get_serial_sequence(c.relname, a.attname) AS seq
                   FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
                   JOIN pg_attribute a ON a.attrelid = c.oid AND a.attidentity <> ''
        LOOP
          EXECUTE format('SELECT setval(%L, COALESCE((SELECT max(%I) FROM %I), 0) + 1, false)', s.seq, s.col, s.tbl);
        END LOOP;
      END $$`);
    await client.query('COMMIT');
    return { tables, rows };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}
