/**
 * What the server's log may hold: no passwords, session or CSRF tokens, and personal data
 * only masked. Requests are logged with their address, but search text in the query string
 * is masked whole and phone and ID numbers anywhere in it are masked; errors are logged
 * with their stack but without the values a failed query carried (drizzle puts every
 * parameter into its error's message: a password hash, a phone number, an ID number) and
 * without PostgreSQL's `detail`, which repeats the offending values.
 */
import { type FastifyInstance, type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import { type DestinationStream, type LoggerOptions, pino } from 'pino';
import pretty from 'pino-pretty';
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

/**
 * For a person at a terminal: `09:41:07 INFO: GET /api/members 200 12 ms`, errors with
 * their stack. Collectors get the JSON lines instead (GONGJIAN_LOG_FORMAT).
 */
function prettyStream(): DestinationStream {
  return pretty({
    colorize: true,
    sync: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,reqId,req,res,responseTime',
    messageFormat: (log, messageKey) => {
      const req = log.req as { method?: string; url?: string } | undefined;
      const res = log.res as { statusCode?: number } | undefined;
      if (req && res?.statusCode)
        return `${req.method} ${req.url} ${res.statusCode} ${Math.round(Number(log.responseTime))} ms`;
      return String(log[messageKey] ?? '');
    },
  });
}

/** The logger of the server's own work (start, stop, background jobs): the same format as the requests'. */
export function createLogger(config: Config) {
  const { stream, ...options } = loggerOptions(config);
  return stream ? pino(options, stream) : pino(options);
}

/**
 * One log line per answer — method, path (masked), status, duration — instead of Fastify's
 * two (incoming, completed). Answers to the console's own files are logged only at debug,
 * unless they fail.
 */
export class RequestLog extends LogController {
  override incomingRequest() {}
  override requestCompleted(error: Error | null | undefined, req: FastifyRequest, reply: FastifyReply) {
    const quiet = !error && !req.url.startsWith('/api/') && reply.statusCode < 400;
    req.log[error ? 'error' : quiet ? 'debug' : 'info'](
      {
        req,
        res: { statusCode: reply.statusCode },
        responseTime: reply.elapsedTime,
        ...(error ? { err: error } : {}),
      },
      'request completed',
    );
  }
}

/** The request's id in `x-request-id`: a person reporting a fault can quote it, and the log is searched by it. */
export function registerRequestId(app: FastifyInstance) {
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
}

export function loggerOptions(
  config: Config,
  stream?: DestinationStream,
): LoggerOptions & { stream?: DestinationStream } {
  const destination = stream ?? (config.logFormat === 'pretty' ? prettyStream() : undefined);
  return {
    level: config.logLevel,
    ...(destination ? { stream: destination } : {}),
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
