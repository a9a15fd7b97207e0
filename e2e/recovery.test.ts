/**
 * Account recovery without e-mail (#23): the login page loads without an error in the browser's
 * console and says whom to ask; a community worker issues a one-time reset code from a person's
 * page or the user list; the person sets a new password with it and signs in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, apiGet, baseUrl, login, openBrowser, regionNamed, screenshot } from './browser';
import { eventually, shows } from './wait';

type Browser = Awaited<ReturnType<typeof openBrowser>>;
const CODE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

describe('the login page', () => {
  it('loads without a console error, and "忘记密码？" says to ask the community worker', async () => {
    const b = await openBrowser();
    try {
      const { page } = b;
      const errors: string[] = [];
      const answers: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('response', (r) => {
        const url = new URL(r.url());
        if (url.pathname.startsWith('/api/')) answers.push(`${r.status()} ${url.pathname}`);
      });

      await page.goto(`${baseUrl()}/login`);
      await shows(page, '演示账号'); // /api/health answered
      await eventually(() => answers).toContain('200 /api/auth/session');
      await page.getByTestId('login-forgot').click();
      const help = page.getByTestId('login-forgot-help');
      await shows(help, '社区工作者');
      await shows(help, '一次性重置码');
      expect(answers.filter((a) => !a.startsWith('2'))).toEqual([]);
      expect(answers).not.toContain('401 /api/auth/me');
      expect(errors).toEqual([]);
      const zh = await screenshot(page, 'login-forgot-zh');

      await page.getByTestId('lang-switch').click();
      await shows(help, 'community worker (社区工作者)');
      const en = await screenshot(page, 'login-forgot-en');
      await page.getByTestId('lang-switch').click();
      await shows(help, '社区工作者');
      expect(errors).toEqual([]);
      console.log(`screenshots: ${zh} ${en}`);
    } finally {
      await b.close();
    }
  });
});

describe('a reset code', () => {
  let worker: Browser;
  beforeAll(async () => {
    worker = await openBrowser();
    await login(worker.page, 'community_worker');
  });
  afterAll(() => worker.close());

  it("is issued by the community worker from a person's page, shown once with its expiry", async () => {
    const { page } = worker;
    const name = '张建国';
    await page.goto(`${baseUrl()}/members?q=${encodeURIComponent(name)}`);
    const { items } = await apiGet(page, `/api/members?q=${encodeURIComponent(name)}`);
    const person = items.find((m: { name: string }) => m.name === name);
    await page.getByTestId(`member-view-${person.id}`).first().click();
    await shows(page.getByTestId('member-detail'), '已开通账号');
    await page.getByTestId('member-reset-code').click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '发放重置码' });
    await shows(dialog, '24 小时内有效');
    await page.getByTestId('reset-code-issue').click();
    const code = page.getByTestId('reset-code-value');
    await eventually(() => code.innerText()).toMatch(CODE);
    await shows(dialog, '有效期至');
    await shows(dialog, '重置码只显示这一次');
    await shows(dialog, 'member'); // the username to type
    console.log(`screenshot: ${await screenshot(page, 'reset-code-issued')}`);
    await page.getByTestId('reset-code-done').click();
    await eventually(() => page.getByTestId('reset-code-value').count()).toBe(0);
    // Issuing changes nothing until the code is used: the member still signs in as before.
  });

  it('from the user list; the person uses it on the login page, every other session ends, the new password works', async () => {
    const { page } = worker;
    // A resident of the worker's community with an account of their own (the demo accounts stay as they are).
    const community = await regionNamed(page, '八角北路社区', 'community');
    const username = 'e2e_recovery';
    const created = await apiCall(page, 'POST', '/api/users', {
      username,
      displayName: '林晓雨',
      password: 'Initial-Pass-Word-93',
      regionId: community.id,
      roles: [{ role: 'resident', regionId: community.id }],
    });
    expect(created.status).toBe(201);
    // Signed in somewhere already, with the password about to be forgotten.
    const elsewhere = await openBrowser();
    const person = await openBrowser();
    try {
      await login(elsewhere.page, username, 'Initial-Pass-Word-93');

      await page.goto(`${baseUrl()}/users?q=${encodeURIComponent('林晓雨')}`);
      await page.getByTestId(`user-more-${username}`).click();
      await page.getByRole('menuitem', { name: '发放重置码' }).click();
      await page.getByTestId('reset-code-issue').click();
      const shown = page.getByTestId('reset-code-value');
      await eventually(() => shown.innerText()).toMatch(CODE);
      const code = (await shown.innerText()).trim();
      await page.getByTestId('reset-code-done').click();

      const p = person.page;
      await p.goto(`${baseUrl()}/login`);
      await p.getByTestId('login-forgot').click();
      await p.getByTestId('login-use-code').click();
      await p.getByTestId('reset-username').fill(username);
      // A wrong code first: the answer stands under the code.
      await p.getByTestId('reset-code').fill('AAAA-BBBB-CCCC');
      await p.getByLabel('新密码', { exact: true }).fill('Morgenrot-Flusspferd-62');
      await p.getByLabel('确认新密码').fill('Morgenrot-Flusspferd-62');
      await p.getByTestId('reset-submit').click();
      await shows(p.getByTestId('reset-code-form'), '用户名或重置码不正确');
      console.log(`screenshot: ${await screenshot(p, 'login-reset-code-refused')}`);
      // Typed as heard: lower case, spaces.
      await p.getByTestId('reset-code').fill(code.toLowerCase().replaceAll('-', ' '));
      // The refusal under the code goes once it is edited; the form moves up, so the button is
      // clicked where it then stands (a click during the shift can land beside it).
      await eventually(() => p.getByTestId('reset-code-form').innerText()).not.toContain(
        '用户名或重置码不正确',
      );
      await p.getByTestId('reset-submit').click();
      await shows(p, '新密码已设置，请用新密码登录');
      await eventually(() => p.getByTestId('login-username').inputValue()).toBe(username);
      await p.getByTestId('login-password').fill('Morgenrot-Flusspferd-62');
      await p.getByTestId('login-submit').click();
      await p.waitForURL((url) => !url.pathname.startsWith('/login'));
      await shows(p, '林晓雨');

      // The session opened with the old password has ended.
      await elsewhere.page.reload();
      await elsewhere.page.waitForURL((url) => url.pathname.startsWith('/login'));
    } finally {
      await elsewhere.close();
      await person.close();
    }
  });
});
