import type { ErrorBody } from '@contract';
import i18n, { currentLocale } from './i18n';

export type FieldIssue = { path: string; message: string };

/** An error answered by the API (or a failed network round trip, status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * A page of a list, as every list route answers; `capped`: the total was counted only this
 * far (a very long list); `next`: the cursor of the page after it (lists paged by cursor).
 */
export type Page<T> = { items: T[]; total: number; capped?: boolean; next?: string };

type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

let csrfToken: string | undefined;
let onUnauthorized: () => void = () => {};

export function setCsrfToken(token: string | undefined) {
  csrfToken = token;
}

/** Called on a 401 from any call that is not itself about the session. */
export function setUnauthorizedHandler(handler: () => void) {
  onUnauthorized = handler;
}

// A 401 from these means "wrong credentials" or "not signed in yet", not "session expired".
const SESSION_PATHS = new Set(['/auth/login', '/auth/me', '/auth/password']);

function buildUrl(path: string, query?: QueryParams): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const { error } = value;
  return (
    typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string'
  );
}

async function toApiError(res: Response): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => null);
  if (isErrorBody(body)) {
    const { code, message, details } = body.error;
    return new ApiError(res.status, code, message, details ?? []);
  }
  return new ApiError(res.status, `http_${res.status}`, i18n.t('errors.http', { status: res.status }));
}

async function send(
  path: string,
  init: RequestInit & { headers: Record<string, string> },
  query?: QueryParams,
): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(buildUrl(path, query), { credentials: 'same-origin', ...init });
  } catch {
    throw new ApiError(0, 'network', i18n.t('errors.network'));
  }
  if (res.status === 401 && !SESSION_PATHS.has(path)) onUnauthorized();
  if (!res.ok) throw await toApiError(res);
  return res;
}

async function request<T>(
  method: string,
  path: string,
  options: { query?: QueryParams; body?: unknown } = {},
) {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLocale() };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  const res = await send(path, { method, headers, body }, options.query);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** A file answered by the API, with the name the server gave it (Content-Disposition), if any. */
export type DownloadedFile = { blob: Blob; fileName: string | undefined };

/** The file name of a Content-Disposition header: the UTF-8 `filename*` first, else `filename`. */
export function fileNameOf(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed name falls through to the plain one.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain?.[1]?.trim() || undefined;
}

/** GET a file (an export, a template) as a blob, in the user's language. */
async function download(path: string, query?: QueryParams): Promise<DownloadedFile> {
  const res = await send(path, { method: 'GET', headers: { 'Accept-Language': currentLocale() } }, query);
  return { blob: await res.blob(), fileName: fileNameOf(res.headers.get('content-disposition')) };
}

/** POST a file as the raw body, naming it in x-file-name. */
async function upload<T>(path: string, file: File): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLocale(),
    'Content-Type': uploadType(file),
    'x-file-name': encodeURIComponent(file.name),
  };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await send(path, { method: 'POST', headers, body: file });
  return (await res.json()) as T;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The content type the server reads: an .xlsx or .csv by its extension (some systems label a
 * .csv as application/vnd.ms-excel), else the browser's type, else raw bytes.
 */
function uploadType(file: File): string {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xlsx')) return XLSX_TYPE;
  if (name.endsWith('.csv')) return 'text/csv';
  return file.type || 'application/octet-stream';
}

export const api = {
  get: <T>(path: string, query?: QueryParams) => request<T>('GET', path, { query }),
  post: <T = void>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: (path: string) => request<void>('DELETE', path),
  download,
  upload,
};

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return i18n.t('errors.unexpected');
}
