import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * The texts the first screens need (login, the layout, home, the shared tags), so a phone
 * downloads ~5 kB of texts before it paints, not all ~30 kB: `locales/<lang>.json?first`
 * is that part of the file; the whole file follows (see lib/i18n.ts).
 */
const FIRST_TEXTS = [
  'app',
  'lang',
  'nav',
  'common',
  'errors',
  'auth',
  'home',
  'roles',
  'regions',
  'units',
  'tasks',
  'notifications',
  'regionKind',
  'roleKind',
  'unitKind',
  'affiliation',
  'partyOrgKind',
  'membershipStatus',
  'registrationStatus',
  'bodyKind',
  'bodyStatus',
  'claimStatus',
  'ledgerKind',
  'meetingStatus',
  'needCategory',
  'needStatus',
  'projectStatus',
  'taskStatus',
];

function firstTexts(): Plugin {
  return {
    name: 'gongjian-first-texts',
    enforce: 'pre',
    async load(id) {
      const [file, query] = id.split('?');
      if (query !== 'first' || !file?.endsWith('.json')) return null;
      const all = JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>;
      const part = Object.fromEntries(FIRST_TEXTS.map((k) => [k, all[k]]));
      return { code: `export default ${JSON.stringify(part)};`, moduleType: 'js' };
    },
  };
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
/** Text worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|json|svg|txt|map)$/;

/**
 * Every text file of the build also as `.br` (best quality) and `.gz`, made once here, so the
 * server sends them as they are (`@fastify/static`'s preCompressed) instead of compressing per
 * request — or sending 900 kB of JavaScript uncompressed.
 */
function precompress(): Plugin {
  return {
    name: 'gongjian-precompress',
    apply: 'build',
    async writeBundle(options) {
      const dir = options.dir ?? here('dist');
      const files = (await fs.readdir(dir, { recursive: true })).filter((f) => COMPRESSIBLE.test(f));
      await Promise.all(
        files.map(async (f) => {
          const file = path.join(dir, f);
          const body = await fs.readFile(file);
          if (body.length < 1024) return;
          const [br, gz] = await Promise.all([
            brotli(body, {
              params: {
                [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
              },
            }),
            gzip(body, { level: 9 }),
          ]);
          await Promise.all([fs.writeFile(`${file}.br`, br), fs.writeFile(`${file}.gz`, gz)]);
        }),
      );
    },
  };
}

export default defineConfig({
  root: here('.'),
  plugins: [firstTexts(), react(), precompress()],
  resolve: { alias: { '@contract': here('../contract/index.ts') } },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    manifest: true, // read by scripts/bundle-size.mjs
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // @rc-component/form declares no "sideEffects": without this, antd's dialogs and menus
      // (which import one context from it) drag the whole form engine into every screen.
      treeshake: {
        moduleSideEffects: [{ test: /node_modules[\\/]@rc-component[\\/]form[\\/]/, sideEffects: false }],
      },
    },
  },
  server: { proxy: { '/api': `http://127.0.0.1:${process.env.PORT ?? 3000}` } },
});
