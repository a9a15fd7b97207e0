/**
 * Every error leaves as `{error:{code,message,details?}}` with the right status, in the
 * request's language; never a stack trace. Database rule violations become 409/422.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, databaseAway, fromPostgres } from '../errors';
import { type Locale, message, requestLocale } from '../i18n';

const zodLocales = { 'zh-CN': z.locales.zhCN(), en: z.locales.en() };

type ValidationItem = {
  keyword: string;
  instancePath: string;
  message: string;
  params: Record<string, unknown>;
};

function validationDetails(items: ValidationItem[], context: string | undefined, locale: Locale) {
  return items.slice(0, 20).map((v) => {
    const issue = { ...v.params, code: v.keyword, message: v.message };
    const localized = zodLocales[locale].localeError?.(issue as never);
    const text = typeof localized === 'string' ? localized : (localized?.message ?? v.message);
    const where = `${context ?? ''}${v.instancePath === '/' ? '' : v.instancePath.replaceAll('/', '.')}`;
    return { path: where, message: text };
  });
}

function send(reply: FastifyReply, locale: Locale, e: AppError) {
  const text = e.localized(locale);
  const details = e.details ?? (e.field ? [{ path: `body.${e.field}`, message: text }] : undefined);
  return reply.status(e.status).send({
    error: { code: e.code, message: text, ...(details ? { details } : {}) },
  });
}

function sendFastify4xx(reply: FastifyReply, locale: Locale, status: number) {
  const code = status === 429 ? 'rate_limited' : 'bad_request';
  return reply.status(status).send({ error: { code, message: message(locale, code) } });
}

/**
 * Errors the router raises before any route or hook runs (an address that is not valid
 * percent-encoding, an id longer than the router takes): the same shape as every other.
 * Found by the hostile-input suite — they used to leave in Fastify's own shape.
 */
export const frameworkErrors = (err: FastifyError, req: FastifyRequest, reply: FastifyReply) =>
  sendFastify4xx(reply, requestLocale(req), err.statusCode ?? 400);

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const locale = requestLocale(req);
    if (err instanceof AppError) return send(reply, locale, err);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = validationDetails(
        err.validation as unknown as ValidationItem[],
        err.validationContext,
        locale,
      );
      const summary = details.map((d) => `${d.path}: ${d.message}`).join('; ');
      return reply.status(400).send({
        error: { code: 'validation', message: `${message(locale, 'validation')}: ${summary}`, details },
      });
    }
    const pg = fromPostgres(err);
    if (pg) {
      // The code and the constraint only: the error's message carries the query's values
      // (drizzle's "params: …", PostgreSQL's detail) — a password hash, a phone number.
      req.log.info({ code: pg.code, constraint: pg.params.constraint }, 'database refused');
      return send(reply, locale, pg);
    }
    const status = err.statusCode ?? 500;
    // Fastify's own 4xx: malformed JSON, wrong content type, body too large…
    if (status >= 400 && status < 500) return sendFastify4xx(reply, locale, status);
    if (databaseAway(err)) {
      // Not the request's fault and not worth a stack per request: the database is restarting.
      req.log.warn({ code: (err as { code?: unknown }).code }, 'database unavailable');
      return reply
        .status(503)
        .header('retry-after', '5')
        .send({ error: { code: 'unavailable', message: message(locale, 'unavailable') } });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal', message: message(locale, 'internal') } });
  });
}
