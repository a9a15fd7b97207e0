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

/** A page of a list, as every list route answers. */
export type Page<T> = { items: T[]; total: number };

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

async function request<T>(
  method: string,
  path: string,
  options: { query?: QueryParams; body?: unknown } = {},
) {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLocale() };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, 'network', i18n.t('errors.network'));
  }

  if (res.status === 401 && !SESSION_PATHS.has(path)) onUnauthorized();
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: QueryParams) => request<T>('GET', path, { query }),
  post: <T = void>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: (path: string) => request<void>('DELETE', path),
};

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return i18n.t('errors.unexpected');
}
