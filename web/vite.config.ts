import fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
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

export default defineConfig({
  root: here('.'),
  plugins: [firstTexts(), react()],
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
