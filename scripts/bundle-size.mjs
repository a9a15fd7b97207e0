/**
 * After `vite build`: what a phone downloads before the first screen — the entry script,
 * the modules it preloads and the stylesheets index.html links — gzipped as a server
 * sends them. Fails the build above the budget (SPEC: under 300 kB of JavaScript).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const BUDGET_KB = 300;
const dist = path.resolve('web/dist');
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
const gz = (file) => zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length / 1024;
const js = assets.filter((a) => a.endsWith('.js'));
const css = assets.filter((a) => a.endsWith('.css'));
const jsKb = js.reduce((s, a) => s + gz(a), 0);
const cssKb = css.reduce((s, a) => s + gz(a), 0);
const biggest = js
  .map((a) => [a, gz(a)])
  .sort((a, b) => b[1] - a[1])
  .slice(0, 3)
  .map(([a, kb]) => `${path.basename(a)} ${kb.toFixed(0)} kB`)
  .join(', ');
console.log(
  `first screen: ${jsKb.toFixed(0)} kB of JavaScript in ${js.length} files (budget ${BUDGET_KB} kB), ${cssKb.toFixed(0)} kB of CSS, gzipped; largest: ${biggest}`,
);
if (jsKb > BUDGET_KB) {
  console.error(
    `The first screen's JavaScript is over its ${BUDGET_KB} kB budget: split it (lazy routes, charts).`,
  );
  process.exit(1);
}
