/**
 * Codes never reach the reader (issue #23): the audit log, a member's and a unit's
 * participation record and the project list speak words — 新建公益项目, 公益项目「…」, 服务时长 —
 * never `project.create`, `service_hours` or "#72". The district admin walks them in Chinese,
 * then in English, and every text node shown in the page's main content is searched for an
 * identifier pattern. Sign-in names are Latin by nature: only their own column is left out.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, apiGet, baseUrl, login, openBrowser, regionNamed, screenshot } from './browser';
import { eventually, shows } from './wait';

/** Dotted or snake codes (project.create, need_raise, service_hours) and bare numbers (#72). */
const CODE_PATTERNS = [/\b[a-z]+(?:[._][a-z]+)+\b/g, /#\d+/g];
/** What is legitimately Latin: sign-in names (the log's actor column, a user's own in a change), by test id. */
const LATIN = '[data-testid="audit-actor-username"], [data-testid="audit-diff-username"]';

/** The codes shown as text in `where`: each visible text node of it, but the legitimately Latin ones. */
async function codesIn(where: Locator, latin = LATIN): Promise<string[]> {
  // The function runs in the page; the tests' types know no DOM.
  const text = await where.evaluate((root: any, latin: string) => {
    const walker = root.ownerDocument.createTreeWalker(root, 4 /* text nodes */);
    const lines: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest(latin) || !parent.checkVisibility({ visibilityProperty: true })) continue;
      lines.push(node.textContent);
    }
    return lines.join('\n');
  }, latin);
  expect(text.length, 'the page shows no text').toBeGreaterThan(20);
  return [...new Set(CODE_PATTERNS.flatMap((p) => [...text.matchAll(p)].map((m) => m[0])))];
}

/** Waits until nothing on the page is loading: a list, a drawer, a panel all in. */
const settled = (page: Page) =>
  eventually(() => page.locator('.ant-spin-spinning, .ant-skeleton').count()).toBe(0);

/** Opens every row of the audit table that has a before/after, one at a time, and waits for each. */
async function expandAll(page: Page) {
  const table = page.getByTestId('audit-table');
  // The entries' rows, read before any opens: an opened row holds a table of its own.
  const keys = await table
    .locator('tr.ant-table-row[data-row-key]')
    .evaluateAll((rows: any[]) => rows.map((r) => r.getAttribute('data-row-key') as string));
  for (const key of keys) {
    const row = table.locator(`tr.ant-table-row[data-row-key="${key}"]`);
    const closed = row.locator('.ant-table-row-expand-icon-collapsed');
    if ((await closed.count()) === 0) continue; // nothing recorded beside it
    await closed.click();
    await row.locator('.ant-table-row-expand-icon-expanded').waitFor();
  }
  await eventually(
    async () =>
      (await table.locator('.ant-table-row-expand-icon-expanded').count()) ===
      (await table.getByTestId('audit-diff').count()),
  ).toBe(true);
}

type Words = {
  auditTitle: string;
  projectCreated: string;
  needRaised: string;
  recordTitle: string;
  projectRef: (title: string) => string;
};
const ZH: Words = {
  auditTitle: '审计日志',
  projectCreated: '新建公益项目',
  needRaised: '提出需求',
  recordTitle: '参与记录',
  projectRef: (title) => `公益项目「${title}」`,
};
const EN: Words = {
  auditTitle: 'Audit trail',
  projectCreated: 'Project created',
  needRaised: 'Need raised',
  recordTitle: 'Participation record',
  projectRef: (title) => `Project “${title}”`,
};

describe('the district admin reads words, not codes', () => {
  let b: Awaited<ReturnType<typeof openBrowser>>;
  const title = `楼道清洁${Date.now() % 100_000}`;
  let projectId: number;
  let member: { id: number; name: string };
  let unit: { id: number; name: string };

  beforeAll(async () => {
    b = await openBrowser();
    await login(b.page, 'district_admin');
    // Fresh entries on the log's first page: a project created and published, a resident's need.
    const community = await regionNamed(b.page, '八角北路社区', 'community');
    const soon = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
    const created = await apiCall(b.page, 'POST', '/api/projects', {
      title,
      regionId: community.id,
      startsAt: soon(6),
      endsAt: soon(6.1),
      roles: [{ kind: 'health_worker', slots: 2 }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    projectId = created.body.id;
    await apiCall(b.page, 'POST', `/api/projects/${projectId}/transition`, { to: 'published' });
    const resident = await openBrowser();
    try {
      await login(resident.page, 'resident');
      const need = await apiCall(resident.page, 'POST', '/api/needs', {
        title: '楼门灯坏了',
        category: 'repair',
      });
      expect(need.status, JSON.stringify(need.body)).toBe(201);
    } finally {
      await resident.close();
    }
    // Whose records to open: someone who attended meetings, a unit that shared its facilities.
    const attended = await apiGet(b.page, '/api/ledger?kind=meeting_attended&pageSize=1');
    member = attended.items[0].person;
    const shared = await apiGet(b.page, '/api/ledger?kind=facility_hours_shared&pageSize=1');
    unit = shared.items[0].unit;
  });
  afterAll(() => b.close());

  /** Walks the pages in the language on screen; returns the codes each showed. */
  async function walk(words: Words, lang: string) {
    const { page } = b;
    const found: Record<string, string[]> = {};
    const main = page.locator('main');

    await page.goto(`${baseUrl()}/audit`);
    await shows(page, words.auditTitle);
    await shows(page.getByTestId('audit-table'), words.projectCreated);
    await shows(page.getByTestId('audit-table'), words.needRaised);
    await shows(page.getByTestId('audit-table'), words.projectRef(title));
    await settled(page);
    await expandAll(page);
    found['audit log, page 1'] = await codesIn(main);
    // The search sees what the reader sees: left in, the sign-in names would be found.
    expect(await codesIn(main, '[data-testid="none"]')).toContain('district_admin');
    await screenshot(page, `codes-audit-${lang}`);

    await page.locator('.ant-pagination-item-2').click();
    await page.waitForURL((url) => url.searchParams.get('page') === '2');
    await settled(page);
    await expandAll(page);
    found['audit log, page 2'] = await codesIn(main);

    await page.goto(`${baseUrl()}/members?q=${encodeURIComponent(member.name)}`);
    await page.getByTestId(`member-view-${member.id}`).first().click();
    const person = page.getByTestId('member-detail');
    await person.getByTestId('ledger-panel').locator('[data-testid^="record-entry-"]').first().waitFor();
    await shows(person, words.recordTitle);
    await settled(page);
    found["a member's record"] = await codesIn(person);

    await page.goto(`${baseUrl()}/units?q=${encodeURIComponent(unit.name)}`);
    await page.getByTestId(`unit-view-${unit.id}`).first().click();
    const detail = page.getByTestId('unit-detail');
    await detail.getByTestId('ledger-panel').locator('[data-testid^="record-entry-"]').first().waitFor();
    await settled(page);
    found["a unit's detail and record"] = await codesIn(detail);

    await page.goto(`${baseUrl()}/projects`);
    await shows(main, title);
    await settled(page);
    found['the project list'] = await codesIn(main);
    return found;
  }

  it('in Chinese: the audit log, the records and the projects show no code', async () => {
    const found = await walk(ZH, 'zh');
    expect(found).toEqual({
      'audit log, page 1': [],
      'audit log, page 2': [],
      "a member's record": [],
      "a unit's detail and record": [],
      'the project list': [],
    });
  });

  it('an audited project is named and links to its page', async () => {
    const { page } = b;
    await page.goto(`${baseUrl()}/audit?action=project.create`);
    const link = page.getByRole('link', { name: ZH.projectRef(title) }).first();
    await link.click();
    await page.waitForURL((url) => url.pathname === `/projects/${projectId}`);
    await shows(page, title);
  });

  it('in English: the same pages show English words, not codes', async () => {
    const { page } = b;
    await page.goto(`${baseUrl()}/audit`);
    await page.getByTestId('lang-switch').click();
    await shows(page, EN.auditTitle);
    try {
      const found = await walk(EN, 'en');
      expect(found).toEqual({
        'audit log, page 1': [],
        'audit log, page 2': [],
        "a member's record": [],
        "a unit's detail and record": [],
        'the project list': [],
      });
    } finally {
      await page.getByTestId('lang-switch').click();
      await shows(page, ZH.auditTitle);
    }
  });
});
