/**
 * Errors the API answers with: `{error:{code,message}}` and the right status.
 * Messages are looked up by code in the request's language (zh-CN first).
 */
import { type Locale, type MessageKey, message } from './i18n';

export class AppError extends Error {
  /** The body field the error is about: its message also goes under it (`details`), where forms show it. */
  field?: string;
  constructor(
    readonly status: number,
    readonly code: MessageKey,
    readonly params: Record<string, string | number> = {},
    readonly details?: { path: string; message: string }[],
  ) {
    super(code);
  }
  localized(locale: Locale): string {
    return message(locale, this.code, this.params);
  }
}

export const badRequest = (code: MessageKey = 'bad_request', params?: Record<string, string | number>) =>
  new AppError(400, code, params);
export const unauthorized = (code: MessageKey = 'unauthorized') => new AppError(401, code);
export const forbidden = (code: MessageKey = 'forbidden') => new AppError(403, code);
export const notFound = (code: MessageKey = 'not_found') => new AppError(404, code);
export const conflict = (code: MessageKey = 'conflict', params?: Record<string, string | number>) =>
  new AppError(409, code, params);
export const unprocessable = (code: MessageKey, params?: Record<string, string | number>) =>
  new AppError(422, code, params);
/** A 422 about one field of the body (its path in `details`: "body.<field>", as validation's). */
export function invalidField(field: string, code: MessageKey, params?: Record<string, string | number>) {
  const e = new AppError(422, code, params);
  e.field = field;
  return e;
}

/**
 * Is this the database being away (restarting after a crash, unreachable) rather than a
 * fault in the request? Then the answer is 503 and "try again", not 500.
 */
export function databaseAway(err: unknown): boolean {
  let e = err as { code?: unknown; message?: unknown; cause?: unknown } | undefined;
  for (let i = 0; i < 4 && e; i++, e = e.cause as typeof e) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (
      ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', '57P01', '57P02', '57P03'].includes(code) ||
      code.startsWith('08')
    )
      return true;
    if (
      /Connection terminated|connection to PostgreSQL was lost|Client has encountered a connection error|timeout exceeded when trying to connect/.test(
        String(e.message ?? ''),
      )
    )
      return true;
  }
  return false;
}

/** The constraint a PostgreSQL error names when it is `code` (a unique key: 23505), else null. */
export function violated(err: unknown, code: string): string | null {
  let e = err as { code?: unknown; cause?: unknown; constraint?: unknown } | undefined;
  for (let i = 0; i < 3 && e && typeof e.code !== 'string' && e.cause; i++) e = e.cause as typeof e;
  return e?.code === code ? String(e.constraint ?? '') : null;
}

/** Maps a PostgreSQL error to a client error, or returns null for a real fault. */
export function fromPostgres(err: unknown): AppError | null {
  // drizzle wraps the driver's error: look through causes for PostgreSQL's SQLSTATE.
  let e = err as { code?: unknown; cause?: unknown } | undefined;
  for (let i = 0; i < 3 && e && typeof e.code !== 'string' && e.cause; i++) e = e.cause as typeof e;
  const code = e?.code;
  if (typeof code !== 'string' || code.length !== 5) return null;
  const constraint = String((e as { constraint?: unknown }).constraint ?? '');
  if (code === '23505') return conflict('duplicate', { constraint });
  if (code === '23P01') return conflict('overlap', { constraint });
  if (code === '23503') return unprocessable('reference_broken', { constraint });
  if (code === '23514' || code === '23502') return unprocessable('rule_broken', { constraint });
  if (code === '40001' || code === '40P01') return conflict('retry');
  if (code.startsWith('22')) return badRequest('bad_value');
  return null;
}
