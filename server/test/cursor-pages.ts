/**
 * Checks shared by the lists paged by cursor (db/paging.ts `keyset`): read to the end by
 * cursor, a list gives the same pages as by number, and a cursor it did not give is a 400.
 */
import { expect } from 'vitest';
import type { Client } from './harness';

type Page = { items: { id: number }[]; total: number; capped?: boolean; next?: string };
const ids = (p: Page) => p.items.map((i) => i.id);
const withQuery = (path: string, query: string) => `${path}${path.includes('?') ? '&' : '?'}${query}`;

/**
 * Every page by number, then the same pages read on by cursor from page 1: each the same rows,
 * the same total, and no cursor after the last page. Returns the ids in list order.
 */
export async function expectCursorPagesLikeNumbered(client: Client, path: string, pageSize: number) {
  const first = await client.get<Page>(withQuery(path, `pageSize=${pageSize}`));
  expect(first.status, path).toBe(200);
  const pages = Math.ceil(first.body.total / pageSize);
  expect(pages, `${path}: enough rows for a second page`).toBeGreaterThan(1);
  const byNumber = [first.body];
  for (let p = 2; p <= pages; p++)
    byNumber.push((await client.get<Page>(withQuery(path, `pageSize=${pageSize}&page=${p}`))).body);
  let next = first.body.next;
  for (let p = 2; p <= pages; p++) {
    expect(next, `${path}: a cursor after page ${p - 1}`).toEqual(expect.any(String));
    const r = await client.get<Page>(withQuery(path, `pageSize=${pageSize}&page=${p}&after=${next}`));
    expect(r.status, `${path} page ${p}`).toBe(200);
    expect(ids(r.body), `${path} page ${p}`).toEqual(ids(byNumber[p - 1]!));
    expect(r.body.total).toBe(first.body.total);
    next = r.body.next;
  }
  expect(next, `${path}: no cursor after the last page`).toBeUndefined();
  const all = byNumber.flatMap(ids);
  expect(new Set(all).size, `${path}: no row twice`).toBe(all.length);
  expect(all.length).toBe(first.body.total);
  return all;
}

/**
 * Cursors the list did not give — not base64 JSON, not a list, the wrong number of keys, keys
 * of the wrong shape — are refused with a 400 that says to start again, never a failed cast.
 */
export async function expectForgedCursorsRefused(client: Client, path: string, keys: number) {
  const forged = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const cursors = [
    '!!',
    forged({ a: 1 }),
    forged(Array(keys + 1).fill('1')),
    forged(Array(keys).fill('x')),
    forged(Array(keys).fill(1)),
    forged([...Array(keys - 1).fill('1'), "1'; SELECT 1 --"]),
  ];
  for (const after of cursors) {
    const r = await client.get<{ error: { code: string } }>(
      withQuery(path, `after=${encodeURIComponent(after)}`),
    );
    expect(r.status, `${path} after=${after}`).toBe(400);
    expect(['cursor_invalid', 'validation']).toContain(r.body.error.code);
  }
}
