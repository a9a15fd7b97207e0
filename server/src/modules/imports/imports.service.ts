/**
 * Bulk import, all or nothing: a file becomes a job; every row is read and checked
 * first, errors are reported by row and column, and only a file without errors is
 * written — in one transaction, so nothing is ever half-imported. Progress is written
 * as the job goes, so a page can show it.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { FastifyBaseLogger } from 'fastify';
import type { PoolClient } from 'pg';
import type { ImportJob, ImportKind } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { allow } from '../../auth/authorize';
import type { Db, Tx } from '../../db/client';
import * as schema from '../../db/schema';
import { notFound } from '../../errors';
import { iso } from '../../http';
import { type Locale, type MessageKey, message } from '../../i18n';
import { userHomeRegion } from '../accounts/accounts.queries';
import { recordAudit } from '../audit/audit.service';
import { membersImport } from '../members/members.import';
import { unitsImport } from '../units/units.import';
import type { CellError, ImportDefinition } from './definitions';
import { importPolicy } from './imports.policy';
import { imports } from './imports.schema';
import { readCsv, readXlsx, type Sheet, template } from './sheets';

export const MAX_ROWS = 200_000;
const MAX_STORED_ERRORS = 500;
const STALE_SECONDS = 120;

// The kinds: each lives with the domain whose table it writes (members, units).
// biome-ignore lint/suspicious/noExplicitAny: each definition has its own value and context types
const DEFINITIONS: Record<ImportKind, ImportDefinition<any, any>> = {
  members: membersImport,
  units: unitsImport,
};

type StoredError = { row: number; column: string; key: MessageKey; params?: Record<string, string | number> };

export async function importTemplate(kind: ImportKind, locale: Locale) {
  const def = DEFINITIONS[kind];
  const i = locale === 'en' ? 1 : 0;
  return template(
    def.columns.map((c) => ({
      header: `${locale === 'en' ? c.en : c.zh}${c.required ? '*' : ''}`,
      note: c.note[i],
      list: c.list?.[i],
      width: 16,
    })),
    def.columns.map((c) => (locale === 'en' ? '' : (def.example[c.key] ?? ''))),
    locale === 'en' ? 'notes' : '填写说明',
  );
}

/** Accepts the upload and starts the job; the caller returns 202 at once. */
export async function startImport(
  db: Db,
  actor: Actor,
  kind: ImportKind,
  file: { name: string; data: Buffer; csv: boolean },
  log: FastifyBaseLogger,
): Promise<ImportJob> {
  allow(importPolicy.start(actor));
  const [job] = await db
    .insert(imports)
    .values({
      districtId: actor.districtId,
      kind,
      fileName: file.name.slice(0, 200),
      createdBy: actor.userId,
    })
    .returning({ id: imports.id });
  const id = job!.id;
  void runImport(db, actor, id, DEFINITIONS[kind], file).catch(async (e) => {
    log.error({ err: e, importId: id }, 'import failed');
    await finish(db, actor, id, 'failed', [{ row: 0, column: '', key: 'import_failed' }], 0).catch(() => {});
  });
  return getImport(db, actor, id, 'zh-CN');
}

async function progress(db: Db, actor: Actor, id: number, set: PgUpdateSetSource<typeof imports>) {
  await db
    .update(imports)
    .set({ ...set, heartbeatAt: sql`now()` })
    .where(and(eq(imports.districtId, actor.districtId), eq(imports.id, id)));
}

async function finish(
  db: Db,
  actor: Actor,
  id: number,
  status: 'done' | 'failed',
  errors: StoredError[],
  written: number,
) {
  await progress(db, actor, id, {
    status,
    written,
    errorCount: errors.length,
    errors: errors.slice(0, MAX_STORED_ERRORS),
    finishedAt: sql`now()`,
  });
}

async function runImport(
  db: Db,
  actor: Actor,
  id: number,
  def: ImportDefinition<unknown, unknown>,
  file: { data: Buffer; csv: boolean },
) {
  await progress(db, actor, id, { status: 'reading' });
  let sheet: Sheet;
  try {
    sheet = file.csv ? await readCsv(file.data) : await readXlsx(file.data);
  } catch {
    return finish(db, actor, id, 'failed', [{ row: 0, column: '', key: 'import_unreadable' }], 0);
  }
  // Headers in Chinese or English, with or without the template's * marks.
  const norm = (h: string) => h.replace(/[*＊\s]/g, '').toLowerCase();
  const position = new Map(sheet.headers.map((h, i) => [norm(h), i]));
  const at = def.columns.map((c) => position.get(norm(c.zh)) ?? position.get(norm(c.en)));
  const missing = def.columns.filter((c, i) => c.required && at[i] === undefined).map((c) => c.zh);
  if (missing.length) {
    return finish(
      db,
      actor,
      id,
      'failed',
      [{ row: 1, column: '', key: 'import_missing_columns', params: { columns: missing.join('、') } }],
      0,
    );
  }
  const rows = sheet.rows
    .map((r, i) => ({ number: i + 2, cells: r }))
    .filter((r) => r.cells.some((c) => c !== ''));
  if (rows.length === 0)
    return finish(db, actor, id, 'failed', [{ row: 0, column: '', key: 'import_empty' }], 0);
  if (rows.length > MAX_ROWS) {
    return finish(
      db,
      actor,
      id,
      'failed',
      [{ row: 0, column: '', key: 'import_too_many', params: { max: MAX_ROWS } }],
      0,
    );
  }
  await progress(db, actor, id, { status: 'validating', total: rows.length, processed: 0 });

  const client = await db.$client.connect();
  const tx = drizzle(client, { schema, casing: 'snake_case' }) as unknown as Tx;
  try {
    await client.query('BEGIN');
    await oneAtATime(db, client, actor, id, def.kind);
    const ctx = await def.prepare(tx, actor);
    const errors: StoredError[] = [];
    const values: unknown[] = [];
    const numbers: number[] = [];
    for (const [i, r] of rows.entries()) {
      const cells = Object.fromEntries(
        def.columns.map((c, k) => [c.key, at[k] === undefined ? '' : (r.cells[at[k]!] ?? '').trim()]),
      );
      const result = def.row(ctx, cells);
      if (result.errors) errors.push(...result.errors.map((e: CellError) => ({ ...e, row: r.number })));
      else {
        values.push(result.value);
        numbers.push(r.number);
      }
      if (i % 10_000 === 9_999) await progress(db, actor, id, { processed: i + 1 });
    }
    if (errors.length === 0) {
      for (const x of await def.crossCheck(tx, ctx, values))
        errors.push({ ...x.error, row: numbers[x.index]! });
    }
    if (errors.length) {
      await client.query('ROLLBACK');
      errors.sort((a, b) => a.row - b.row);
      return await finish(db, actor, id, 'failed', errors, 0);
    }
    await progress(db, actor, id, { status: 'writing', processed: rows.length });
    const written = await def.write(client, actor, values);
    const home = await userHomeRegion(tx, actor.userId);
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: home ?? actor.districtId,
      action: `import.${def.kind}`,
      entityType: 'import',
      entityId: id,
      after: { rows: written },
    });
    await client.query('COMMIT');
    await finish(db, actor, id, 'done', [], written);
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

/**
 * One import of a kind at a time in a district, until its transaction ends: a file is
 * checked against what the one before it wrote. Two at once each passed the check for
 * duplicates (an ID number, a unit's name) the other was writing, and the second then
 * failed at the unique index with no row named — found by the concurrency suite. A job
 * waiting its turn keeps its heartbeat, so it does not read as interrupted.
 */
async function oneAtATime(db: Db, client: PoolClient, actor: Actor, id: number, kind: ImportKind) {
  const key = `import:${actor.districtId}:${kind}`;
  for (;;) {
    const { rows } = await client.query<{ ok: boolean }>(
      'SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS ok',
      [key],
    );
    if (rows[0]?.ok) return;
    await progress(db, actor, id, {});
    await new Promise((r) => setTimeout(r, 250));
  }
}

type Row = typeof imports.$inferSelect & { stale: boolean };

function present(r: Row, locale: Locale): ImportJob {
  const running = !['done', 'failed'].includes(r.status);
  const interrupted = running && r.stale;
  const errors = interrupted
    ? [{ row: 0, column: '', key: 'import_interrupted' as MessageKey }]
    : (r.errors as StoredError[]);
  return {
    id: r.id,
    kind: r.kind,
    fileName: r.fileName,
    status: interrupted ? 'failed' : r.status,
    total: r.total,
    processed: r.processed,
    written: r.written,
    errorCount: interrupted ? 1 : r.errorCount,
    errors: errors.map((e) => ({ row: e.row, column: e.column, message: message(locale, e.key, e.params) })),
    createdAt: iso(r.createdAt)!,
    finishedAt: iso(r.finishedAt),
  };
}

/** A job is its starter's to watch; to anyone else it does not exist (404). */
export async function getImport(db: Tx, actor: Actor, id: number, locale: Locale): Promise<ImportJob> {
  const [row] = await db
    .select({
      job: imports,
      stale: sql<boolean>`${imports.heartbeatAt} < now() - make_interval(secs => ${STALE_SECONDS})`,
    })
    .from(imports)
    .where(and(eq(imports.districtId, actor.districtId), eq(imports.id, id)));
  if (!row || !importPolicy.read(actor, row.job)) throw notFound();
  return present({ ...row.job, stale: row.stale }, locale);
}

export async function listImports(db: Tx, actor: Actor, page: number, pageSize: number, locale: Locale) {
  const where = and(eq(imports.districtId, actor.districtId), importPolicy.visible(actor));
  const [rows, [count]] = await Promise.all([
    db
      .select({
        job: imports,
        stale: sql<boolean>`${imports.heartbeatAt} < now() - make_interval(secs => ${STALE_SECONDS})`,
      })
      .from(imports)
      .where(where)
      .orderBy(desc(imports.createdAt), desc(imports.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: sql<number>`count(*)` }).from(imports).where(where),
  ]);
  return { items: rows.map((r) => present({ ...r.job, stale: r.stale }, locale)), total: count?.n ?? 0 };
}
