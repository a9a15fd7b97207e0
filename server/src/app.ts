/** Builds the Fastify app: external plugins, then ours, then one module per domain. */
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from './deps';
import { AppError } from './errors';
import { accountsRoutes } from './modules/accounts/accounts.routes';
import { auditRoutes } from './modules/audit/audit.routes';
import { bodiesRoutes } from './modules/bodies/bodies.routes';
import { campaignsRoutes } from './modules/campaigns/campaigns.routes';
import { coursesRoutes } from './modules/courses/courses.routes';
import { coverageRoutes } from './modules/coverage/coverage.routes';
import { dashboardsRoutes } from './modules/dashboards/dashboards.routes';
import { dedicationRoutes } from './modules/dedication-days/dedication-days.routes';
import { evaluationsRoutes } from './modules/evaluations/evaluations.routes';
import { nominationsRoutes } from './modules/evaluations/nominations.routes';
import { reportsRoutes } from './modules/evaluations/reports.routes';
import { exportsRoutes } from './modules/exports/exports.routes';
import { bookingsRoutes } from './modules/facilities/bookings.routes';
import { facilitiesRoutes } from './modules/facilities/facilities.routes';
import { healthRoutes } from './modules/health/health.routes';
import { createMetrics } from './modules/health/metrics';
import { importsRoutes } from './modules/imports/imports.routes';
import { ledgerRoutes } from './modules/ledger/ledger.routes';
import { membersRoutes } from './modules/members/members.routes';
import { needsRoutes } from './modules/needs/needs.routes';
import { noticesRoutes } from './modules/notices/notices.routes';
import { notificationsRoutes } from './modules/notifications/notifications.routes';
import { partyOrgsRoutes } from './modules/party-orgs/party-orgs.routes';
import { projectsRoutes } from './modules/projects/projects.routes';
import { regionsRoutes } from './modules/regions/regions.routes';
import { registrationsRoutes } from './modules/registrations/registrations.routes';
import { searchRoutes } from './modules/search/search.routes';
import { teamsRoutes } from './modules/teams/teams.routes';
import { timeBankRoutes } from './modules/time-bank/time-bank.routes';
import { unitsRoutes } from './modules/units/units.routes';
import { workbenchRoutes } from './modules/workbench/workbench.routes';
import { registerAuth } from './plugins/auth';
import { frameworkErrors, registerErrorHandling } from './plugins/errors';
import { loggerOptions, RequestLog, registerRequestId } from './plugins/logging';
import { registerOpenApi } from './plugins/openapi';
import { fastSerializerCompiler } from './plugins/serialize';
import { registerWeb } from './plugins/web';

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger: loggerOptions(config, deps.logStream),
    trustProxy: config.trustProxy,
    bodyLimit: 1_048_576,
    genReqId: () => crypto.randomUUID(),
    logController: new RequestLog(),
    frameworkErrors,
  });
  const metrics = createMetrics(deps.db);
  app.addHook('onResponse', async (req, reply) => metrics.observe(req, reply));
  registerRequestId(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(fastSerializerCompiler);
  registerErrorHandling(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design writes its styles at run time (CSS-in-JS).
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    hsts: config.secureCookies,
  });
  await app.register(cookie);
  // API answers over 1 kB go compressed to a client that accepts it (brotli at a fast level, or
  // gzip); the console's files are compressed once at build time (plugins/web.ts).
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(rateLimit, {
    global: false,
    hook: 'preHandler', // after parsing, so a route's key may use the body (login: address + username)
    errorResponseBuilder: () => new AppError(429, 'rate_limited'),
  });
  registerAuth(app, deps.db, config);
  await registerOpenApi(app);

  const api = app.withTypeProvider<ZodTypeProvider>();
  await api.register(healthRoutes(deps, metrics));
  await api.register(accountsRoutes(deps));
  await api.register(regionsRoutes(deps));
  await api.register(membersRoutes(deps));
  await api.register(unitsRoutes(deps));
  await api.register(workbenchRoutes(deps));
  await api.register(partyOrgsRoutes(deps));
  await api.register(registrationsRoutes(deps));
  await api.register(bodiesRoutes(deps));
  await api.register(coverageRoutes(deps));
  await api.register(ledgerRoutes(deps));
  await api.register(needsRoutes(deps));
  await api.register(projectsRoutes(deps));
  await api.register(dedicationRoutes(deps));
  await api.register(facilitiesRoutes(deps));
  await api.register(bookingsRoutes(deps));
  await api.register(teamsRoutes(deps));
  await api.register(noticesRoutes(deps));
  await api.register(coursesRoutes(deps));
  await api.register(campaignsRoutes(deps));
  await api.register(dashboardsRoutes(deps));
  await api.register(evaluationsRoutes(deps));
  await api.register(nominationsRoutes(deps));
  await api.register(timeBankRoutes(deps));
  await api.register(reportsRoutes(deps));
  await api.register(notificationsRoutes(deps));
  await api.register(importsRoutes(deps));
  await api.register(exportsRoutes(deps));
  await api.register(auditRoutes(deps));
  await api.register(searchRoutes(deps));
  await registerWeb(app);
  return app;
}
