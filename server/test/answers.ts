/**
 * Every answer a test app gives (issue #21). A 5xx that no test provoked fails the test
 * that met it, printed with its request and the server's own error (found in the log by
 * the answer's `x-request-id`). A 503 "unavailable" — no database connection came in time,
 * as on a loaded CI machine — is what a client retries: the request is sent again and the
 * 503 is counted apart, neither hidden nor failed on.
 *
 * The counts here are the ones the assertion uses and the ones the run's summary prints.
 */
import { Writable } from 'node:stream';
import type { FastifyInstance, InjectOptions } from 'fastify';

export type ServerError = { method: string; url: string; body: unknown; status: number; error: string };

/** This test file's figures (vitest gives each file its own module instance). */
export const answers = { requests: 0, serverErrors: 0, unavailable: 0 };
const found: ServerError[] = [];
let provoking = 0;

/** Requests that provoke a 5xx on purpose (a route made to crash): their answers are not the server's faults. */
export async function provoke<T>(run: () => Promise<T>): Promise<T> {
  provoking++;
  try {
    return await run();
  } finally {
    provoking--;
  }
}

/** The 5xx answers met since the last call. */
export const takeServerErrors = () => found.splice(0);

/** A client's patience with "try again in a moment": this many tries, a little longer apart each time. */
const TRIES = 6;
const pause = (attempt: number) => new Promise((r) => setTimeout(r, 200 * attempt));

/** A log destination keeping each request's error, to print beside its 5xx answer. */
export function errorLog() {
  const byRequest = new Map<string, string>();
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n')) {
        if (!line) continue;
        try {
          const entry = JSON.parse(line) as { reqId?: string; msg?: string; err?: { stack?: string } };
          if (entry.reqId) byRequest.set(entry.reqId, `${entry.msg ?? ''}\n${entry.err?.stack ?? ''}`.trim());
        } catch {
          /* not a JSON line */
        }
      }
      done();
    },
  });
  return { stream, errorOf: (id: string) => byRequest.get(id) };
}

/** Watches `app.inject`, through which every test request goes. */
export function watchAnswers(app: FastifyInstance, errorOf: (requestId: string) => string | undefined) {
  const inject = app.inject.bind(app) as (opts: InjectOptions) => ReturnType<FastifyInstance['inject']>;
  app.inject = (async (opts: InjectOptions) => {
    for (let attempt = 1; ; attempt++) {
      answers.requests++;
      const res = await inject(opts);
      if (res.statusCode === 503 && isUnavailable(res.body) && attempt < TRIES) {
        answers.unavailable++;
        await pause(attempt);
        continue;
      }
      if (res.statusCode >= 500 && !provoking) {
        answers.serverErrors++;
        const id = String(res.headers['x-request-id'] ?? '');
        found.push({
          method: String(opts.method ?? 'GET'),
          url: String(opts.url ?? opts.path ?? ''),
          body: printable(opts.payload ?? opts.body),
          status: res.statusCode,
          error: errorOf(id) ?? res.body,
        });
      }
      return res;
    }
  }) as FastifyInstance['inject'];
}

function isUnavailable(body: string) {
  try {
    return (JSON.parse(body) as { error?: { code?: string } }).error?.code === 'unavailable';
  } catch {
    return false;
  }
}

function printable(body: unknown): unknown {
  if (Buffer.isBuffer(body)) return `<${body.length} bytes>`;
  if (typeof body === 'string' && body.length > 2000) return `${body.slice(0, 2000)}…`;
  return body;
}

/** The 5xx answers, as a failing test prints them. */
export const describeServerErrors = (errors: ServerError[]) =>
  errors
    .map((e) => `${e.method} ${e.url} → ${e.status}\n  body: ${JSON.stringify(e.body)}\n  server: ${e.error}`)
    .join('\n');
