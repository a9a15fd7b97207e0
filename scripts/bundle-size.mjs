/**
 * After `vite build`: what a phone downloads before a screen shows, gzipped as a server
 * sends it — the entry with every chunk it imports, the first screens' texts of the
 * default language (zh-CN), and the page itself:
 *   - login: the first screen, what anyone opening the address without a session gets;
 *   - home: what a signed-in user waits for (the layout and the workbench).
 * Each is held to the budget (issue #11 for login, #24 for home: under 300 kB of
 * JavaScript): over it, the build fails. What the home screen fetches beside it without
 * waiting for it (the whole texts file, the search box, antd's message and dialog code) is
 * printed apart, not counted.
 * Read from Vite's manifest, so a chunk a page needs cannot be missed.
 * `node scripts/bundle-size.mjs [dist]` measures another build directory.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const BUDGET_KB = 300;
const dist = path.resolve(process.argv[2] ?? 'web/dist');
const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8'));
const gz = (file) => zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length / 1024;
/** What a browser is sent: the build's brotli file where there is one (small files go as they are). */
const sent = (file) => {
  const br = path.join(dist, `${file}.br`);
  return (fs.existsSync(br) ? fs.statSync(br).size : fs.statSync(path.join(dist, file)).size) / 1024;
};

/** The chunk of a source and every chunk it imports statically, once each. */
function closure(keys) {
  const files = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build manifest`);
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  for (const key of keys) visit(key);
  return [...files];
}

const common = ['index.html', 'src/locales/zh-CN.json?first'];
const screens = {
  login: [...common, 'src/features/accounts/LoginPage.tsx'],
  home: [...common, 'src/app/layout/AppLayout.tsx', 'src/features/workbench/WorkbenchPage.tsx'],
};
/** Fetched beside the home screen, not waited for (lib/i18n.ts, app/layout/AppLayout.tsx, Feedback.tsx). */
const afterHome = [
  'src/locales/zh-CN.json',
  'src/features/search/HeaderSearch.tsx',
  'src/app/layout/FeedbackHolders.tsx',
];
const over = [];
for (const [name, keys] of Object.entries(screens)) {
  const files = closure(keys);
  const kb = files.reduce((s, f) => s + gz(f), 0);
  const biggest = files
    .map((f) => [f, gz(f)])
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([f, size]) => `${path.basename(f)} ${size.toFixed(0)} kB`)
    .join(', ');
  const onWire = files.reduce((s, f) => s + sent(f), 0);
  console.log(
    `first screen (${name}): ${kb.toFixed(0)} kB of JavaScript in ${files.length} files, gzipped (budget ${BUDGET_KB} kB); ${onWire.toFixed(0)} kB as sent (brotli); largest: ${biggest}`,
  );
  if (kb > BUDGET_KB) {
    over.push(name);
    console.log(`  ${name}: ${(kb - BUDGET_KB).toFixed(0)} kB over ${BUDGET_KB} kB`);
  }
  if (name === 'home') {
    const later = closure(afterHome).filter((f) => !files.includes(f));
    console.log(
      `  fetched beside it, not waited for: ${later.reduce((s, f) => s + gz(f), 0).toFixed(0)} kB in ${later.length} files (all texts, the search box, messages and dialogs)`,
    );
  }
}
const css = [
  ...fs.readFileSync(path.join(dist, 'index.html'), 'utf8').matchAll(/href="(\/assets\/[^"]+\.css)"/g),
];
console.log(`stylesheets: ${css.reduce((s, m) => s + gz(m[1]), 0).toFixed(0)} kB gzipped`);
if (over.length) {
  console.error(
    `The first screen's JavaScript (${over.join(', ')}) is over its ${BUDGET_KB} kB budget: split it (lazy routes, charts).`,
  );
  process.exit(1);
}
