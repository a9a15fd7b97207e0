import fs from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { message, requestLocale } from '../i18n';
import { WEB_DIST } from '../paths';

/** Vite's output under assets/ carries a content hash in its name. */
const HASHED = /[\\/]assets[\\/][^\\/]+-[\w-]{8,}\.\w+(\.(br|gz))?$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Serves the built console; any other non-API GET gets index.html (client-side routes). */
export async function registerWeb(app: FastifyInstance) {
  const built = fs.existsSync(`${WEB_DIST}/index.html`);
  if (built) {
    // A wildcard serves files built after start-up too (hashed assets of a rebuilt console).
    // The build made a .br and a .gz of each text file: the one the browser accepts is sent.
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      wildcard: true,
      index: false,
      preCompressed: true,
      cacheControl: false,
      // Hashed names never change content: kept a year. Anything else is asked again.
      setHeaders: (reply: FastifyReply, file: string) => {
        reply.header('cache-control', HASHED.test(file) ? IMMUTABLE : 'no-cache');
      },
    });
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
