/**
 * After `vite build`: what a phone downloads before a screen shows, gzipped as a server
 * sends it — the entry with every chunk it imports, the first screens' texts of the
 * default language (zh-CN), and the page itself:
 *   - login: the first screen, what anyone opening the address without a session gets.
 *     Held to the budget (issue #11: under 300 kB of JavaScript): over it, the build fails.
 *   - home: what a signed-in user waits for (the layout and the home page), printed
 *     against the same figure so a regression shows; it is over it today (see #11's note).
 * Read from Vite's manifest, so a chunk a page needs cannot be missed.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const BUDGET_KB = 300;
const dist = path.resolve('web/dist');
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
let over = false;
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
  if (kb > BUDGET_KB && name === 'login') over = true;
  if (kb > BUDGET_KB) console.log(`  ${name}: ${(kb - BUDGET_KB).toFixed(0)} kB over ${BUDGET_KB} kB`);
}
const css = [
  ...fs.readFileSync(path.join(dist, 'index.html'), 'utf8').matchAll(/href="(\/assets\/[^"]+\.css)"/g),
];
console.log(`stylesheets: ${css.reduce((s, m) => s + gz(m[1]), 0).toFixed(0)} kB gzipped`);
if (over) {
  console.error(
    `The first screen's JavaScript is over its ${BUDGET_KB} kB budget: split it (lazy routes, charts).`,
  );
  process.exit(1);
}
