/** Headless Debian Chromium through playwright-core (no browser download). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { eventually } from './wait';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1366, height: 860 };

/** The browsers open now, so a failed test can leave a picture of each page it had. */
const open = new Set<BrowserContext>();

/** Where the browser's clock is: Beijing unless a test says otherwise (e2e/timezone.test.ts). */
export const BEIJING = 'Asia/Shanghai';

export async function openBrowser(
  viewport = DESKTOP,
  { timezoneId = BEIJING }: { timezoneId?: string } = {},
): Promise<{ context: BrowserContext; page: Page; close: () => Promise<void> }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'gj-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport,
    locale: 'zh-CN',
    // The users are in Beijing; the pages show the district's times whatever the browser's zone.
    timezoneId,
    // No animations: a drawer still sliding in takes the focus from a list the test opened in it.
    reducedMotion: 'reduce',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  open.add(context);
  return {
    context,
    page,
    close: async () => {
      open.delete(context);
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export const baseUrl = () => inject('baseUrl');

export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(inject('screenshotDir'), `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Screenshots of every page open now, in test-results/failures/: what a failed test left on screen. */
export async function screenshotOpenPages(testName: string) {
  const dir = path.resolve('test-results/failures');
  fs.mkdirSync(dir, { recursive: true });
  const base = testName.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80);
  let n = 0;
  for (const context of open)
    for (const page of context.pages())
      await page.screenshot({ path: path.join(dir, `${base}-${++n}.png`), fullPage: true }).catch(() => {});
  if (n) console.error(`failed: ${n} screenshots in ${dir} (${base}-*.png)`);
}

export async function login(page: Page, username: string, password = 'gongjian-demo') {
  await page.goto(`${baseUrl()}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** A call to the API from inside a signed-in page: its session cookie and CSRF token. */
export async function apiCall<T = any>(page: Page, method: string, url: string, body?: unknown) {
  return page.evaluate(
    async ([method, url, body]) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const res = await fetch(url as string, {
        method: method as string,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    },
    [method, url, body] as const,
  ) as Promise<{ status: number; body: T }>;
}

/** A GET from inside a signed-in page: the body. */
export const apiGet = async (page: Page, url: string) => (await apiCall(page, 'GET', url)).body;

/** A region by its name and kind (within `regionId`, when given), as the signed-in page may see it. */
export async function regionNamed(
  page: Page,
  name: string,
  kind: 'street' | 'community' | 'building',
  regionId?: number,
): Promise<{ id: number; name: string }> {
  const within = regionId === undefined ? '' : `&regionId=${regionId}`;
  const { items } = await apiGet(page, `/api/regions?q=${encodeURIComponent(name)}&kind=${kind}${within}`);
  const found = items.find((r: { name: string }) => r.name === name) ?? items[0];
  if (!found) throw new Error(`no ${kind} named ${name}`);
  return found;
}

/** A statement on the server's database: only to let time pass, never to do a user's work. */
export async function timeTravel(text: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  try {
    await client.query(text, params);
  } finally {
    await client.end();
  }
}

/**
 * Picks an option of an antd Select (test id on the select) as a person does: opens it,
 * types `typed` when the select searches the server, and clicks the option in this select's
 * own list (another's may still be fading out) once that list holds only the answers to
 * what was typed — a list being replaced can swap the option out between the press and the
 * release of a click, which then selects nothing. Waits until the select shows the choice.
 */
export async function pick(page: Page, testId: string, option: string, typed?: string) {
  const select = page.getByTestId(testId);
  await select.click();
  const input = select.locator('input').first();
  await eventually(() => input.getAttribute('aria-controls')).toMatch(/_list$/);
  const list = (await input.getAttribute('aria-controls'))!;
  const options = page
    .locator('.ant-select-dropdown')
    .filter({ has: page.locator(`[id="${list}"]`) })
    .locator('.ant-select-item-option');
  if (typed !== undefined) {
    await input.fill(typed);
    await eventually(async () => {
      const texts = await options.allInnerTexts();
      return texts.length > 0 && texts.every((t) => t.includes(typed));
    }).toBe(true);
  }
  await options.filter({ hasText: option }).first().click();
  await eventually(() => select.innerText()).toContain(option);
}
