/**
 * What the server's log may hold: no passwords, session or CSRF tokens, and personal data
 * only masked. Requests are logged with their address, but search text in the query string
 * is masked whole and phone and ID numbers anywhere in it are masked; errors are logged
 * with their stack but without the values a failed query carried (drizzle puts every
 * parameter into its error's message: a password hash, a phone number, an ID number) and
 * without PostgreSQL's `detail`, which repeats the offending values.
 */
import type { FastifyRequest } from 'fastify';
import type { DestinationStream, LoggerOptions } from 'pino';
import type { Config } from '../config';

/** Query parameters holding free text a person typed: often a name or a number. */
const FREE_TEXT_PARAMS = new Set(['q', 'name', 'phone', 'idNumber', 'search']);

/** 13912345678 → 139****5678; 110107198506123318 → 1101**********3318. */
export function maskPii(text: string): string {
  return text
    .replace(
      /(?<![\dA-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![\dA-Za-z])/g,
      (_, a: string, b: string) => `${a.slice(0, 4)}${'*'.repeat(10)}${b}`,
    )
    .replace(/(?<!\d)(1\d{2})\d{4}(\d{4})(?!\d)/g, '$1****$2');
}

/** An error's text for the log: personal numbers masked, a password in a connection string too. */
const scrub = (text: string) => maskPii(text.replace(/(\b[a-z][\w+.-]*:\/\/[^:/\s@]+:)[^@\s]+@/gi, '$1***@'));

/** A request's address for the log: free-text parameters masked whole, numbers masked. */
export function maskUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return maskPii(url);
  const query = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      return eq >= 0 && FREE_TEXT_PARAMS.has(safeDecode(name)) ? `${name}=***` : pair;
    })
    .join('&');
  return maskPii(`${url.slice(0, q)}?${query}`);
}

const safeDecode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

type LoggedError = Error & {
  code?: unknown;
  params?: unknown;
  query?: unknown;
  cause?: unknown;
  statusCode?: unknown;
};

/** An error as logged: type, message and stack without query values, the database's code. */
export function serializeError(err: LoggedError): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: scrub(String(err)) };
  let message = err.message;
  let stack = err.stack ?? '';
  if ('params' in err) {
    // DrizzleQueryError: "Failed query: <sql>\nparams: <values>".
    const clean = message.replace(/\nparams: [\s\S]*$/, '\nparams: [not logged]');
    stack = stack.replace(message, clean);
    message = clean;
  }
  const cause = err.cause as (Error & Record<string, unknown>) | undefined;
  return {
    type: err.constructor?.name ?? 'Error',
    message: scrub(message),
    stack: scrub(stack),
    ...(err.code !== undefined ? { code: err.code } : {}),
    ...(err.statusCode !== undefined ? { statusCode: err.statusCode } : {}),
    ...(cause instanceof Error
      ? {
          cause: {
            type: cause.constructor?.name ?? 'Error',
            message: scrub(cause.message),
            code: cause.code,
            constraint: cause.constraint,
            table: cause.table,
          },
        }
      : {}),
  };
}

export function loggerOptions(
  config: Config,
  stream?: DestinationStream,
): LoggerOptions & { stream?: DestinationStream } {
  return {
    level: config.logLevel,
    ...(stream ? { stream } : {}),
    serializers: {
      req: (req: FastifyRequest) => ({
        method: req.method,
        url: maskUrl(req.url),
        host: req.host,
        remoteAddress: req.ip,
        remotePort: req.socket?.remotePort,
      }),
      err: serializeError,
    },
    // A net under our own log calls: whatever object is logged, these never show.
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        'password',
        'currentPassword',
        'newPassword',
        'passwordHash',
        'token',
        'csrfToken',
        '*.password',
        '*.currentPassword',
        '*.newPassword',
        '*.passwordHash',
        '*.token',
        '*.csrfToken',
        '*.phone',
        '*.idNumber',
      ],
      censor: '[redacted]',
    },
  };
}
