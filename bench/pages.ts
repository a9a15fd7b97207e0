/**
 * Page timings: every page of the console (bench/pages.list.ts) in headless Chromium, as the
 * role that uses it, each opened twice — cold (a new browser context, empty cache) and warm
 * (a second visit in the same context) — and the phone pages a third time, cold on a throttled
 * profile (CPU 4× slower, "Fast 3G": 150 ms RTT, 1.6 Mbps down, 750 kbps up) for their LCP.
 *
 * Time to content: from the navigation's start to the first moment after which, for QUIET_MS,
 * (1) no /api/ request is pending, (2) the main landmark (`<main>`; the form on the login page)
 * holds text or an image, and (3) no antd skeleton or spinning Spin is inside it. The page
 * checks (2) and (3) once a frame; a request counts as pending until its body is in. Beside
 * each page: its slowest API call (path and ms, from the browser's own timing of the request).
 *
 * `npm run bench` runs it last, on its data set, with sessions it writes into the database.
 * Alone: `npm run bench:pages -- http://127.0.0.1:3000` (or BENCH_URL; that is the default) against a running
 * server, signing in once per role with the demo password (BENCH_PASSWORD to change it);
 * BENCH_PAGES_ONLY=/members,/me/record times just those patterns.
 */
import { pathToFileURL } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Request } from 'playwright-core';
import { PAGE_ROLES, PAGES, type PageSpec, unvisitedRoutes } from './pages.list';
import { writeResults } from './report';

const QUIET_MS = 300;
const TIMEOUT_MS = 30_000;
const THROTTLED_TIMEOUT_MS = 90_000;
const DESKTOP = { width: 1366, height: 860 };
const PHONE = { width: 390, height: 844 };
/** Targets of issue #24. */
const WARM_MS = 1500;
const LCP_MS = 2500;

export type Visit = {
  /** Time to content, ms; null when it never came (see `stuck`). */
  ms: number | null;
  /** Largest contentful paint, ms. */
  lcp: number | null;
  slowestApi: { path: string; ms: number } | null;
  /** When the content check last became true, and when the last API answer was in (ms): which came last. */
  shownAt: number | null;
  dataAt: number | null;
  /** Every API call: path, start (ms from the navigation's start), duration, status. */
  api: { path: string; at: number; ms: number; status: number }[];
  /** API answers that were not 2xx/304, and the page's own uncaught errors. */
  apiErrors: number;
  pageErrors: number;
  /** What the page showed instead (an error page), or what it waited on at the timeout. */
  stuck?: string;
};
export type PageTiming = {
  path: string;
  url: string;
  role: string;
  device: 'desktop' | 'phone';
  cold?: Visit;
  warm?: Visit;
  throttled?: Visit;
  skipped?: string;
  met: boolean | null;
};

const now = () => performance.timeOrigin + performance.now();

/**
 * In every document: when the content check (2)+(3) above last became true (epoch ms), and the
 * latest LCP candidate. Text, not a function: the bench compiles without the DOM's types.
 */
const CONTENT_WATCH = `(() => {
  window.__gjDomSince = null;
  window.__gjLcp = null;
  new PerformanceObserver((list) => {
    const last = list.getEntries().at(-1);
    if (last) window.__gjLcp = last.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  const shown = () => {
    const root = document.querySelector('main') ?? document.querySelector('form');
    if (!root || root.querySelector('.ant-skeleton, .ant-spin-spinning')) return false;
    return root.textContent.trim().length > 0 || root.querySelector('img, svg, canvas') !== null;
  };
  const frame = () => {
    if (!shown()) window.__gjDomSince = null;
    else window.__gjDomSince ??= performance.timeOrigin + performance.now();
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})()`;
const SHOWN_ERROR = `document.querySelector(
  'main .ant-result-403, main .ant-result-404, main .ant-result-500, main .ant-result-error')?.textContent ?? null`;

async function visit(context: BrowserContext, url: string, throttled = false): Promise<Visit> {
  const page = await context.newPage();
  const pending = new Set<Request>();
  let quietSince = now();
  const calls: (Visit['api'][number] & { startTime: number })[] = [];
  let apiErrors = 0;
  let pageErrors = 0;
  const isApi = (r: Request) => new URL(r.url()).pathname.startsWith('/api/');
  const settle = (r: Request, status: number) => {
    if (!pending.delete(r)) return;
    const t = r.timing();
    const path = r.url().replace(/^https?:\/\/[^/]+/, '');
    calls.push({ path, at: 0, ms: Math.round(t.responseEnd), status, startTime: t.startTime });
    if (!(status >= 200 && status < 300) && status !== 304) apiErrors++;
    // The browser's own time of the body's end, not when the event reached this process.
    const end = t.responseEnd >= 0 ? t.startTime + t.responseEnd : now();
    if (!pending.size) quietSince = Math.max(quietSince, end);
  };
  page.on('request', (r) => {
    if (isApi(r)) pending.add(r);
  });
  // The status is known at the response; the request ends when its body is in.
  const statuses = new Map<Request, number>();
  page.on('response', (res) => statuses.set(res.request(), res.status()));
  page.on('requestfinished', (r) => settle(r, statuses.get(r) ?? 0));
  page.on('requestfailed', (r) => settle(r, 0));
  page.on('pageerror', () => pageErrors++);
  try {
    if (throttled) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 150,
        downloadThroughput: (1.6 * 1024 * 1024) / 8,
        uploadThroughput: (750 * 1024) / 8,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    }
    const timeout = throttled ? THROTTLED_TIMEOUT_MS : TIMEOUT_MS;
    await page.goto(url, { waitUntil: 'commit', timeout });
    const start = await page.evaluate<number>('performance.timeOrigin');
    let ms: number | null = null;
    let since: number | null = null;
    while (ms === null && now() - start < timeout) {
      await page.waitForTimeout(25);
      since = await page.evaluate<number | null>('window.__gjDomSince');
      if (since === null || pending.size) continue;
      const ready = Math.max(since, quietSince);
      if (now() - ready >= QUIET_MS) ms = Math.round(ready - start);
    }
    const lcp = await page.evaluate<number | null>('window.__gjLcp');
    const shownError = await page.evaluate<string | null>(SHOWN_ERROR);
    const waiting =
      ms === null
        ? `waiting on ${pending.size ? [...pending].map((r) => new URL(r.url()).pathname).join(', ') : 'the content'}`
        : undefined;
    const slowest = calls.reduce<(typeof calls)[number] | null>((a, c) => (a && a.ms >= c.ms ? a : c), null);
    return {
      ms,
      lcp: lcp === null ? null : Math.round(lcp),
      slowestApi: slowest && { path: slowest.path, ms: slowest.ms },
      shownAt: since === null ? null : Math.round(since - start),
      dataAt: calls.length ? Math.round(quietSince - start) : null,
      api: calls.map(({ startTime, ...c }) => ({ ...c, at: Math.round(startTime - start) })),
      apiErrors,
      pageErrors,
      ...((shownError || waiting) && { stuck: shownError ? `shows an error: ${shownError}` : waiting }),
    };
  } finally {
    await page.close();
  }
}

/** The page's path: its `:id` from the first row the role's list gives, its `:page` as set; or why not. */
type Target = { path: string } | { skip: string };
async function resolve(base: string, spec: PageSpec, cookie: string | undefined): Promise<Target> {
  const path = spec.path.replace(':page', spec.param ?? '');
  if (!spec.id) return { path };
  const get = (url: string) => fetch(base + url, { headers: cookie ? { cookie } : {} });
  let res = await get(`${spec.id}${spec.id.includes('?') ? '&' : '?'}pageSize=50`);
  if (res.status === 400) res = await get(spec.id);
  if (!res.ok) return { skip: `GET ${spec.id}: ${res.status}` };
  const body = (await res.json()) as { items?: { id: number }[] } | { id: number }[];
  const row = (Array.isArray(body) ? body : (body.items ?? []))[0];
  return row ? { path: path.replace(':id', String(row.id)) } : { skip: `no row in ${spec.id}` };
}

const cell = (x: number | null | undefined, target?: number) =>
  (x === undefined
    ? '—'
    : x === null
      ? 'never'
      : `${x}${target !== undefined && x >= target ? '!' : ''}`
  ).padStart(8);

/** Runs the pass; prints a line a page and returns the figures. `cookies`: role → `gj_sid=…`. */
export async function runPages(opts: {
  base: string;
  cookies: Partial<Record<string, string>>;
  log: (line: string) => void;
}): Promise<PageTiming[]> {
  const { base, cookies, log } = opts;
  const missing = unvisitedRoutes();
  if (missing.length) log(`page timings: routes not in bench/pages.list.ts: ${missing.join(', ')}`);
  log(
    `\n${'page'.padEnd(26)}${'as'.padEnd(17)}${'cold'.padStart(8)}${'warm'.padStart(8)}${'thr.'.padStart(8)}${'LCP thr.'.padStart(9)}  slowest API call (warm)`,
  );
  const browser: Browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  const out: PageTiming[] = [];
  try {
    // BENCH_PAGES_ONLY=/members,/me/record: just those patterns (a page timed again after a change).
    const only = process.env.BENCH_PAGES_ONLY?.split(',');
    for (const spec of PAGES.filter((p) => !only || only.includes(p.path))) {
      const cookie = spec.role ? cookies[spec.role] : undefined;
      const device = spec.phone ? 'phone' : 'desktop';
      const row: PageTiming = { path: spec.path, url: '', role: spec.role ?? 'anonymous', device, met: null };
      out.push(row);
      const to: Target = spec.role && !cookie ? { skip: 'no session' } : await resolve(base, spec, cookie);
      if (!('path' in to)) {
        row.skipped = to.skip;
        log(`${spec.path.padEnd(26)}${row.role.padEnd(17)}  skipped: ${row.skipped}`);
        continue;
      }
      row.url = to.path;
      const url = base + to.path;
      const open = async () => {
        const context = await browser.newContext({
          viewport: spec.phone ? PHONE : DESKTOP,
          ...(spec.phone && { isMobile: true, hasTouch: true, deviceScaleFactor: 2 }),
          locale: 'zh-CN',
          timezoneId: 'Asia/Shanghai',
        });
        await context.addInitScript({ content: CONTENT_WATCH });
        if (cookie) {
          const [name, value] = cookie.split('=') as [string, string];
          await context.addCookies([{ name, value, url: base }]);
        }
        return context;
      };
      const context = await open();
      try {
        row.cold = await visit(context, url);
        row.warm = await visit(context, url);
      } finally {
        await context.close();
      }
      if (spec.phone) {
        const slow = await open();
        try {
          row.throttled = await visit(slow, url, true);
        } finally {
          await slow.close();
        }
      }
      const warm = row.warm.ms;
      const lcp = row.throttled?.lcp;
      row.met =
        warm !== null &&
        warm < WARM_MS &&
        (!spec.phone || (lcp != null && lcp < LCP_MS)) &&
        !row.warm.stuck &&
        row.warm.apiErrors === 0;
      const slowest = row.warm.slowestApi;
      const notes = [row.cold.stuck, row.warm.stuck, row.throttled?.stuck].filter(Boolean);
      const errors = row.warm.apiErrors + row.warm.pageErrors;
      log(
        `${row.url.slice(0, 25).padEnd(26)}${row.role.padEnd(17)}${cell(row.cold.ms)}${cell(warm, WARM_MS)}${cell(row.throttled?.ms)}${cell(lcp, LCP_MS).padStart(9)}  ` +
          `${slowest ? `${slowest.path.slice(0, 60)} ${slowest.ms} ms` : '—'}${row.met ? ' ✓' : ' ✗ MISSED'}` +
          `${errors ? `  (${row.warm.apiErrors} API errors, ${row.warm.pageErrors} page errors)` : ''}${notes.length ? `  (${[...new Set(notes)].join('; ')})` : ''}`,
      );
    }
  } finally {
    await browser.close();
  }
  const timed = out.filter((r) => r.met !== null);
  log(
    `pages: ${timed.filter((r) => r.met).length} of ${timed.length} met (warm < ${WARM_MS} ms; phone pages LCP < ${LCP_MS} ms throttled). ` +
      `Time to content: no /api/ request pending, <main> holding content with no skeleton or spinning Spin, for ${QUIET_MS} ms; ` +
      'cold: a new browser context; warm: a second visit in it; thr.: cold, CPU 4× slower, 150 ms RTT, 1.6 Mbps down, 750 kbps up. ! = over target.',
  );
  return out;
}

// Alone: against a running server, signing in once per role.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const base = (process.argv[2] ?? process.env.BENCH_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
  const password = process.env.BENCH_PASSWORD ?? 'gongjian-demo';
  const cookies: Record<string, string> = {};
  for (const username of PAGE_ROLES) {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const sid = /gj_sid=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0];
    if (res.ok && sid) cookies[username] = sid;
    else console.error(`sign-in as ${username}: ${res.status}`);
  }
  const pages = await runPages({ base, cookies, log: (l) => console.log(l) });
  const file = writeResults({ base, pages }, 'pages');
  console.log(`written ${file}`);
}
