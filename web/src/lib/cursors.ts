import type { QueryParams } from './api';

/**
 * The `next` cursor each page of a long list gave, so the page after it is asked for by
 * cursor (the server reads on from there) rather than by offset (the server skips every
 * row before it). Lists that page by offset send no cursor, so none is ever asked of them.
 */
const known = new Map<string, string>();
const KEEP_AT_MOST = 1000;

const listOf = (root: string, params: QueryParams) =>
  `${root}?${Object.entries(params)
    .filter(([k, v]) => k !== 'page' && k !== 'after' && v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${k}=${String(v)}`)
    .sort()
    .join('&')}`;
const pageOf = (params: QueryParams) => Number(params.page ?? 1);

/** The cursor for this page of the list, if the page before it has been read. */
export function cursorFor(root: string, params: QueryParams): string | undefined {
  const page = pageOf(params);
  return page > 1 ? known.get(`${listOf(root, params)}#${page}`) : undefined;
}

/** Keeps the cursor a page gave for the page after it. */
export function rememberNext(root: string, params: QueryParams, next: string | undefined) {
  if (!next) return;
  if (known.size >= KEEP_AT_MOST) known.clear();
  known.set(`${listOf(root, params)}#${pageOf(params) + 1}`, next);
}
