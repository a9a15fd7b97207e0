#!/usr/bin/env node
/**
 * Each domain keeps its own tables (issue #22): a file of server/src/modules/<domain>/ may
 * name, in SQL or through drizzle, only the tables its own <domain>.schema.ts declares.
 * Another domain's data is read through that domain's exported queries or services.
 *
 * The places that still reach into another domain's tables are listed, with the reason,
 * in server/src/modules/boundaries.json; this check fails on any reach not listed there,
 * and on a listed one that is gone (so the list only shrinks). Run by `npm run lint`.
 *
 * In the web app, a feature imports another feature's public index.ts at most, never its
 * internals (web/src/features/<feature>/…).
 *
 *   node scripts/check-domains.mjs            check
 *   node scripts/check-domains.mjs --list     print every reach, listed or not
 */
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const modules = path.join(root, 'server/src/modules');
const listFile = path.join(modules, 'boundaries.json');

/** table name → owning domain, from each <domain>/*.schema.ts */
const owner = new Map();
/** drizzle export name → table name */
const exportToTable = new Map();
const domains = fs.readdirSync(modules).filter((d) => fs.statSync(path.join(modules, d)).isDirectory());
for (const d of domains)
  for (const f of fs.readdirSync(path.join(modules, d)).filter((f) => f.endsWith('.schema.ts'))) {
    const text = fs.readFileSync(path.join(modules, d, f), 'utf8');
    for (const m of text.matchAll(/export const (\w+) = pgTable\(\s*'(\w+)'/g)) {
      owner.set(m[2], d);
      exportToTable.set(`${d}:${m[1]}`, m[2]);
    }
  }

// COPY too: a bulk load (COPY people … FROM STDIN) writes a table as surely as INSERT INTO.
const SQL_REF = /\b(?:FROM|JOIN|INTO|UPDATE|TABLE|COPY)\s+(?:ONLY\s+)?([a-z_][a-z0-9_]*)\b/g;
const reaches = new Set();
for (const d of domains) {
  for (const f of fs.readdirSync(path.join(modules, d))) {
    // Tests set up what they need; a schema's foreign keys are the database keeping the rule.
    if (!f.endsWith('.ts') || f.endsWith('.test.ts') || f.endsWith('.schema.ts')) continue;
    const file = `${d}/${f}`;
    const text = fs.readFileSync(path.join(modules, d, f), 'utf8');
    for (const m of text.matchAll(SQL_REF)) {
      const o = owner.get(m[1]);
      if (o && o !== d) reaches.add(`${file} → ${m[1]}`);
    }
    // drizzle: a table object imported from another domain's schema
    for (const m of text.matchAll(/import \{([^}]*)\} from '\.\.\/([\w-]+)\/[\w.-]+\.schema'/g)) {
      for (const name of m[1].split(',').map((n) => n.trim().replace(/^type\s+/, ''))) {
        const table = exportToTable.get(`${m[2]}:${name}`);
        if (table && m[2] !== d) reaches.add(`${file} → ${table}`);
      }
    }
  }
}

// The web app: features meet only at each other's index.ts.
const features = path.join(root, 'web/src/features');
const internals = [];
const walk = (dir) =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? walk(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : [],
    );
for (const file of walk(features)) {
  const text = fs.readFileSync(file, 'utf8');
  for (const m of text.matchAll(/from '(\.\.\/[\w-]+\/[^']+)'/g))
    internals.push(`${path.relative(root, file)} imports ${m[1]}`);
}
if (internals.length) {
  console.error(
    `A feature imports another feature's internals (export it from that feature's index.ts):\n  ${internals.join('\n  ')}`,
  );
  process.exit(1);
}

const listed = fs.existsSync(listFile) ? JSON.parse(fs.readFileSync(listFile, 'utf8')) : { reaches: {} };
const allowed = new Map(
  Object.entries(listed.reaches).flatMap(([why, items]) => items.map((item) => [item, why])),
);
if (process.argv.includes('--list')) {
  for (const r of [...reaches].sort()) console.log(`${allowed.has(r) ? 'listed  ' : 'NEW     '} ${r}`);
  process.exit(0);
}
const unlisted = [...reaches].filter((r) => !allowed.has(r)).sort();
const gone = [...allowed.keys()].filter((r) => !reaches.has(r)).sort();
if (unlisted.length || gone.length) {
  if (unlisted.length)
    console.error(
      `A domain names another domain's table (read it through that domain's queries, or list it with its reason in server/src/modules/boundaries.json):\n  ${unlisted.join('\n  ')}`,
    );
  if (gone.length)
    console.error(
      `Listed in boundaries.json but no longer there (take them off the list):\n  ${gone.join('\n  ')}`,
    );
  process.exit(1);
}
console.log(`domains: ${reaches.size} reaches into another domain's tables, each listed with its reason`);
