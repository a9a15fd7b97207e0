import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * The texts the first screens need (login, the layout, the workbench, the shared tags), so a phone
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
  'workbench',
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

/**
 * One chunk per first screen instead of the dozens that automatic splitting cuts between the
 * seventy lazy pages (an icon, a hook, a style each). Every file is gzipped on its own: the
 * home screen's 69 files weighed ~28 kB more than the same code in a few.
 *
 * Which modules a screen loads is worked out here the way the bundler links chunks, so that a
 * group holds no more than its screen needs and two groups never import each other: a module
 * that is needed brings every module it takes a binding from, looked up through re-exports
 * (`import { Button } from 'antd'` needs antd's button, not antd's index and all it names);
 * a module with side effects is needed as soon as anything imports it; one without (its
 * package says `"sideEffects": false`, or the build's `moduleSideEffects` does) only when one
 * of its own declarations is used. Code that only a development build runs is left out.
 * Where the code cannot be read (CommonJS), every import counts. `screenChunks` below puts what
 * the screens need into the groups, and the build fails if two chunks of them import each other.
 */

type Ctx = ThisParameterType<Extract<NonNullable<Plugin['buildEnd']>, (...args: never[]) => unknown>>;
type Node = { type: string; [key: string]: unknown };

type Shape = {
  /** Import statements: source, local binding → imported name ('*' for a namespace). */
  imports: { source: string; names: Map<string, string> }[];
  /** exported name → local binding (declared here, or an imported one passed on) */
  exports: Map<string, string>;
  /** `export { a as b } from` and `export * from` */
  reexports: { source: string; names: Map<string, string> | '*' }[];
  /** Local bindings the module declares itself. */
  declared: Set<string>;
  /** Identifiers the module's code reads, outside code that only development runs. */
  reads: Set<string>;
};

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && 'type' in v;
const nameOf = (n: Node) => (n.type === 'Identifier' ? String(n.name) : String(n.value));
const text = (n: unknown): string =>
  isNode(n) && n.type === 'MemberExpression'
    ? `${text(n.object)}.${nameOf(n.property as Node)}`
    : isNode(n) && (n.type === 'Identifier' || n.type === 'Literal')
      ? nameOf(n)
      : '';

/** `process.env.NODE_ENV !== 'production'` (or `"production" !== "production"` once defined). */
function devTest(test: unknown): boolean {
  if (!isNode(test) || test.type !== 'BinaryExpression') return false;
  if (test.operator !== '!==' && test.operator !== '!=') return false;
  const [a, b] = [text(test.left), text(test.right)].sort();
  return b === 'production' && (a === 'process.env.NODE_ENV' || a === 'production');
}

/** Every identifier a piece of code reads (shadowing ignored: it can only add). */
function readsOf(root: unknown, into: Set<string>) {
  const visit = (v: unknown, parent?: Node, key?: string) => {
    if (Array.isArray(v)) {
      for (const x of v) visit(x, parent, key);
      return;
    }
    if (!isNode(v)) return;
    if ((v.type === 'IfStatement' || v.type === 'ConditionalExpression') && devTest(v.test)) {
      visit(v.alternate, v, 'alternate');
      return;
    }
    if (v.type === 'Identifier' || v.type === 'JSXIdentifier') {
      const propertyName =
        (parent?.type === 'MemberExpression' && key === 'property' && !parent.computed) ||
        ((parent?.type === 'Property' || parent?.type === 'MethodDefinition') &&
          key === 'key' &&
          !parent.computed);
      if (!propertyName) into.add(String(v.name));
      return;
    }
    for (const [k, child] of Object.entries(v)) if (k !== 'type') visit(child, v, k);
  };
  visit(root);
}

function bound(pattern: unknown, into: Set<string>) {
  if (!isNode(pattern)) return;
  if (pattern.type === 'Identifier') into.add(String(pattern.name));
  else if (pattern.type === 'ObjectPattern')
    for (const p of pattern.properties as Node[])
      bound(p.type === 'RestElement' ? p.argument : p.value, into);
  else if (pattern.type === 'ArrayPattern') for (const e of pattern.elements as Node[]) bound(e, into);
  else if (pattern.type === 'AssignmentPattern') bound(pattern.left, into);
  else if (pattern.type === 'RestElement') bound(pattern.argument, into);
}

function declare(node: Node, into: Set<string>) {
  if (node.type === 'VariableDeclaration') for (const d of node.declarations as Node[]) bound(d.id, into);
  else if (isNode(node.id)) into.add(String(node.id.name));
}

function shapeOf(program: { body: Node[] }): Shape {
  const shape: Shape = {
    imports: [],
    exports: new Map(),
    reexports: [],
    declared: new Set(),
    reads: new Set(),
  };
  for (const node of program.body) {
    if (node.type === 'ImportDeclaration') {
      const names = new Map<string, string>();
      for (const s of node.specifiers as Node[]) {
        const local = String((s.local as Node).name);
        if (s.type === 'ImportNamespaceSpecifier') names.set(local, '*');
        else if (s.type === 'ImportDefaultSpecifier') names.set(local, 'default');
        else names.set(local, nameOf(s.imported as Node));
      }
      shape.imports.push({ source: String((node.source as Node).value), names });
    } else if (node.type === 'ExportNamedDeclaration') {
      if (isNode(node.declaration)) {
        const names = new Set<string>();
        declare(node.declaration, names);
        for (const n of names) {
          shape.declared.add(n);
          shape.exports.set(n, n);
        }
        readsOf(node.declaration, shape.reads);
      }
      const specifiers = node.specifiers as Node[];
      if (isNode(node.source))
        shape.reexports.push({
          source: String(node.source.value),
          names: new Map(specifiers.map((s) => [nameOf(s.exported as Node), nameOf(s.local as Node)])),
        });
      else for (const s of specifiers) shape.exports.set(nameOf(s.exported as Node), nameOf(s.local as Node));
    } else if (node.type === 'ExportAllDeclaration') {
      const source = String((node.source as Node).value);
      if (isNode(node.exported))
        shape.reexports.push({ source, names: new Map([[nameOf(node.exported), '*']]) });
      else shape.reexports.push({ source, names: '*' });
    } else if (node.type === 'ExportDefaultDeclaration') {
      // (`export default x` is a statement of its own, even when x is imported)
      const declaration = node.declaration as Node;
      const local = isNode(declaration.id) ? String(declaration.id.name) : '*default*';
      shape.declared.add(local);
      shape.exports.set('default', local);
      readsOf(declaration, shape.reads);
    } else {
      declare(node, shape.declared);
      readsOf(node, shape.reads);
    }
  }
  return shape;
}

/** A package's `"sideEffects"` field says whether one of its files has any. */
function packageSaysPure(id: string): boolean {
  const match = /^(.*[\\/]node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/](.*)$/.exec(id);
  if (!match) return false;
  const [, dir, file] = match as unknown as [string, string, string];
  let field: unknown;
  try {
    field = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).sideEffects;
  } catch {
    return false;
  }
  if (field === false) return true;
  if (!Array.isArray(field)) return false;
  const globs = field.map(
    (g: string) =>
      new RegExp(
        `(^|/)${g
          .replace(/^\.\//, '')
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*\*\//g, '(.*/)?')
          .replace(/\*/g, '[^/]*')}$`,
      ),
  );
  return !globs.some((g) => g.test(file.replaceAll('\\', '/')));
}

/**
 * `reachable(roots)`: the modules that running `roots` brings into the page, through static
 * imports only (a lazy page is not part of the screen that may open it). `pure(id)` adds the
 * build's own list of modules without side effects to what their packages say.
 */
function screenWalker(ctx: Ctx, pure: (id: string) => boolean) {
  const shapes = new Map<string, Promise<{ shape: Shape | null; resolve: Map<string, string | null> }>>();
  const sideEffectFree = new Map<string, boolean>();
  const isPure = (id: string) => {
    let known = sideEffectFree.get(id);
    if (known === undefined) {
      known = pure(id) || packageSaysPure(id);
      sideEffectFree.set(id, known);
    }
    return known;
  };
  const load = (id: string) => {
    let entry = shapes.get(id);
    if (!entry) {
      entry = (async () => {
        const code = ctx.getModuleInfo(id)?.code;
        let shape: Shape | null = null;
        if (code != null && /\b(import|export)\b/.test(code)) {
          try {
            shape = shapeOf(ctx.parse(code) as unknown as { body: Node[] });
          } catch {
            shape = null;
          }
        }
        const sources = shape ? [...shape.imports, ...shape.reexports].map((l) => l.source) : [];
        const resolve = new Map<string, string | null>();
        await Promise.all(
          [...new Set(sources)].map(async (s) => resolve.set(s, (await ctx.resolve(s, id))?.id ?? null)),
        );
        return { shape, resolve };
      })();
      shapes.set(id, entry);
    }
    return entry;
  };

  return async function reachable(roots: string[]): Promise<Set<string>> {
    const needed = new Set<string>();
    /** per module, the exported names already looked up in it */
    const asked = new Map<string, Set<string>>();
    type Job =
      | { kind: 'need'; id: string }
      | { kind: 'ask'; id: string; name: string }
      | { kind: 'touch'; id: string };
    const jobs: Job[] = roots.map((id) => ({ kind: 'need', id }));

    while (jobs.length) {
      const job = jobs.pop() as Job;
      const info = ctx.getModuleInfo(job.id);
      if (!info) continue;
      if (job.kind === 'touch') {
        if (!isPure(job.id)) jobs.push({ kind: 'need', id: job.id });
        continue;
      }
      const { shape, resolve } = await load(job.id);
      const at = (source: string) => resolve.get(source) ?? null;
      if (job.kind === 'ask') {
        const names = asked.get(job.id) ?? new Set<string>();
        asked.set(job.id, names);
        if (names.has(job.name)) continue;
        names.add(job.name);
        if (!shape || !isPure(job.id)) jobs.push({ kind: 'need', id: job.id });
        if (!shape) continue;
        if (job.name === '*') {
          jobs.push({ kind: 'need', id: job.id });
          for (const r of shape.reexports) {
            const dep = at(r.source);
            if (dep)
              for (const name of r.names === '*' ? ['*'] : r.names.values())
                jobs.push({ kind: 'ask', id: dep, name: name === '*' ? '*' : name });
          }
          continue;
        }
        const local = shape.exports.get(job.name);
        if (local !== undefined) {
          if (shape.declared.has(local)) jobs.push({ kind: 'need', id: job.id });
          else
            for (const imp of shape.imports) {
              const imported = imp.names.get(local);
              const dep = at(imp.source);
              if (imported !== undefined && dep) jobs.push({ kind: 'ask', id: dep, name: imported });
            }
          continue;
        }
        for (const r of shape.reexports) {
          const dep = at(r.source);
          if (!dep) continue;
          if (r.names === '*') {
            if (job.name !== 'default') jobs.push({ kind: 'ask', id: dep, name: job.name });
          } else {
            const imported = r.names.get(job.name);
            if (imported !== undefined) jobs.push({ kind: 'ask', id: dep, name: imported });
          }
        }
        continue;
      }
      // need: the module's code is in the page, with everything it reads.
      if (needed.has(job.id)) continue;
      needed.add(job.id);
      if (!shape) {
        for (const dep of info.importedIds) jobs.push({ kind: 'need', id: dep });
        continue;
      }
      const shown = new Set(resolve.values());
      for (const dep of info.importedIds) if (!shown.has(dep)) jobs.push({ kind: 'need', id: dep });
      for (const imp of shape.imports) {
        const dep = at(imp.source);
        if (!dep) continue;
        jobs.push({ kind: 'touch', id: dep });
        for (const [local, imported] of imp.names)
          if (shape.reads.has(local)) jobs.push({ kind: 'ask', id: dep, name: imported });
      }
      for (const r of shape.reexports) {
        const dep = at(r.source);
        if (dep) jobs.push({ kind: 'touch', id: dep });
      }
    }
    return needed;
  };
}

/** Where each first screen starts: main.tsx for all, then the login page, or the home screen. */
const SCREENS = {
  boot: ['src/main.tsx'],
  login: ['src/features/accounts/LoginPage.tsx'],
  home: ['src/app/layout/AppLayout.tsx', 'src/features/workbench/WorkbenchPage.tsx'],
};
type Screen = keyof typeof SCREENS;

/** Modules without side effects that their package does not declare so. */
const PURE = [/node_modules[\\/]@rc-component[\\/]form[\\/]/];

/**
 * The first screens' chunks: `boot` holds what every screen runs (main.tsx's modules, and
 * those both the login page and the home screen need), `signin` the login page's others,
 * `shell` the home screen's others (the layout, which every signed-in page has, and what the
 * workbench needs besides). The pages' own feature code keeps its chunks, and what no first
 * screen needs is split as before.
 */
function screenChunks() {
  const runs = {} as Record<Screen, Set<string>>;
  const group = new Map<string, 'boot' | 'signin' | 'shell'>();
  const plugin: Plugin = {
    name: 'gongjian-screen-chunks',
    apply: 'build',
    async buildEnd(error) {
      if (error) return;
      const reachable = screenWalker(this, (id) => PURE.some((p) => p.test(id)));
      for (const [screen, files] of Object.entries(SCREENS) as [Screen, string[]][])
        runs[screen] = await reachable(files.map((f) => here(f)));
      // The screens' first modules keep their chunks (what the router loads), and so does a
      // feature's own code unless something outside the feature needs it.
      const roots = new Set(Object.values(SCREENS).flatMap((files) => files.map((f) => here(f))));
      const inFeature = (id: string) =>
        ['accounts', 'workbench'].some((f) => id.startsWith(here(`src/features/${f}/`)));
      const own = (id: string, seen = new Set<string>()): boolean =>
        roots.has(id) ||
        (inFeature(id) &&
          (this.getModuleInfo(id)?.importers ?? []).every((i) => seen.has(i) || own(i, seen.add(id))));
      for (const id of runs.home) if (runs.login.has(id)) runs.boot.add(id);
      for (const [screen, name] of [
        ['boot', 'boot'],
        ['login', 'signin'],
        ['home', 'shell'],
      ] as const)
        for (const id of runs[screen]) if (!group.has(id) && !own(id)) group.set(id, name);
    },
    generateBundle(_options, bundle) {
      // Two chunks importing each other would load together and could run out of order.
      const imports = new Map(
        Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [[c.fileName, c.imports] as const] : [])),
      );
      const done = new Set<string>();
      const visit = (file: string, trail: string[]) => {
        if (trail.includes(file))
          throw new Error(
            `chunks import each other: ${[...trail, file].join(' → ')} (screenWalker misjudged what a first screen needs)`,
          );
        if (done.has(file)) return;
        for (const dep of imports.get(file) ?? []) visit(dep, [...trail, file]);
        done.add(file);
      };
      for (const file of imports.keys()) visit(file, []);
    },
  };
  const groups = (['boot', 'signin', 'shell'] as const).map((name, i) => ({
    name,
    test: (id: string) => group.get(id) === name,
    priority: 3 - i,
  }));
  return { plugin, groups };
}
const screens = screenChunks();

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
  plugins: [firstTexts(), react(), precompress(), screens.plugin],
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
        moduleSideEffects: PURE.map((test) => ({ test, sideEffects: false })),
      },
      // Each group holds exactly what its screens need (a module's imports are not dragged in).
      output: { codeSplitting: { groups: screens.groups, includeDependenciesRecursively: false } },
    },
  },
  server: { proxy: { '/api': `http://127.0.0.1:${process.env.PORT ?? 3000}` } },
});
