/**
 * What each kind of import reads: its columns (Chinese and English headers), how one row
 * becomes a value or errors, and how all values are written at once. Each kind's
 * definition lives with the domain whose table it writes (members, units).
 */
import type { PoolClient } from 'pg';
import type { ImportKind } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import type { Tx } from '../../db/client';
import type { MessageKey } from '../../i18n';

export type CellError = { column: string; key: MessageKey; params?: Record<string, string | number> };
export type RowResult<T> = { value: T; errors?: undefined } | { value?: undefined; errors: CellError[] };

export type ColumnDef = {
  key: string;
  zh: string;
  en: string;
  required?: boolean;
  note: [string, string];
  list?: [string[], string[]];
};

export type ImportDefinition<T, Ctx> = {
  kind: ImportKind;
  columns: ColumnDef[];
  /** An example row for the template, by column key (Chinese). */
  example: Record<string, string>;
  prepare: (tx: Tx, actor: Actor) => Promise<Ctx>;
  row: (ctx: Ctx, cells: Record<string, string>) => RowResult<T>;
  /** Checks across rows and against the database (duplicates); errors carry the row index. */
  crossCheck: (tx: Tx, ctx: Ctx, values: T[]) => Promise<{ index: number; error: CellError }[]>;
  /** Inside the import's transaction, on its connection (COPY … FROM STDIN takes the raw client). */
  write: (client: PoolClient, actor: Actor, values: T[]) => Promise<number>;
};

/** Splits a list typed in one cell: 医疗、法律 / a, b / a；b */
export const splitList = (s: string) =>
  s
    .split(/[、,，;；|\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** A value for COPY … (FORMAT csv): quoted, with quotes doubled; null as an unquoted empty field. */
export const csvField = (v: string | number | null | undefined) =>
  v === null || v === undefined ? '' : `"${String(v).replaceAll('"', '""')}"`;

/** A PostgreSQL text[] literal, each element quoted. */
export const pgArray = (xs: string[]) =>
  `{${xs.map((x) => `"${x.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
