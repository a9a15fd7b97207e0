import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { message, requestLocale } from '../i18n';

const WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/** Serves the built console; any other non-API GET gets index.html (client-side routes). */
export async function registerWeb(app: FastifyInstance) {
  const built = fs.existsSync(`${WEB_DIST}/index.html`);
  if (built) {
    // A wildcard serves files built after start-up too (hashed assets of a rebuilt console).
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: true, index: false, maxAge: '1h' });
    // The root is the console, not a directory (which the static handler would refuse with 403).
    app.get('/', { schema: { hide: true } }, (_req, reply) =>
      reply.header('cache-control', 'no-cache').sendFile('index.html'),
    );
  }
  app.setNotFoundHandler((req, reply) => {
    const locale = requestLocale(req);
    if (
      req.url.startsWith('/api/') ||
      req.url === '/api' ||
      (req.method !== 'GET' && req.method !== 'HEAD')
    ) {
      return reply
        .status(404)
        .send({ error: { code: 'route_not_found', message: message(locale, 'route_not_found') } });
    }
    if (!built)
      return reply
        .status(503)
        .type('text/plain')
        .send('The web console is not built: run `npm run build:web`.');
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
