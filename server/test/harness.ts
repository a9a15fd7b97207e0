/**
 * Test harness: a fresh copy of the demo database per test file, the real app on it,
 * and clients that sign in through HTTP (`app.inject`) exactly as the console does.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createDb, type Db } from '../src/db/client';

export const DEMO_PASSWORD = 'gongjian-demo';

export type Res<T = unknown> = { status: number; body: T; headers: Record<string, unknown> };

export class Client {
  cookie: string | null = null;
  csrf: string | null = null;
  constructor(
    private readonly app: FastifyInstance,
    private readonly lang = 'zh-CN',
  ) {}

  async login(username: string, password = DEMO_PASSWORD): Promise<Res<any>> {
    const res = await this.request('POST', '/api/auth/login', { username, password });
    if (res.status === 200) {
      const setCookie = String(res.headers['set-cookie'] ?? '');
      this.cookie = setCookie.split(';')[0] ?? null;
      this.csrf = String(res.body.csrfToken);
    }
    return res;
  }

  async request<T = any>(
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Res<T>> {
    const res = await this.app.inject({
      method: method as 'GET',
      url,
      payload: body as string | object | undefined,
      headers: {
        'accept-language': this.lang,
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...headers,
      },
    });
    const text = res.body;
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.statusCode, body: parsed as T, headers: res.headers };
  }

  get = <T = any>(url: string) => this.request<T>('GET', url);
  post = <T = any>(url: string, body?: unknown) => this.request<T>('POST', url, body ?? {});
  patch = <T = any>(url: string, body: unknown) => this.request<T>('PATCH', url, body);
  put = <T = any>(url: string, body: unknown) => this.request<T>('PUT', url, body);
  delete = <T = any>(url: string) => this.request<T>('DELETE', url);
}

export type TestContext = {
  app: FastifyInstance;
  db: Db;
  /** A client signed in as this user (demo password unless given). */
  as: (username: string, password?: string) => Promise<Client>;
  anonymous: () => Client;
  /** A signed-in client without the cost of a password check: the session row is written directly. */
  session: (username: string) => Promise<Client>;
  /** The id of the region with this code. */
  region: (code: string) => Promise<number>;
  /**
   * `count` new Party members of 八角北路社区党委 living in `homeRegionId`, each with an
   * account `<prefix>1`… and a session: clients for concurrency tests.
   */
  members: (prefix: string, count: number, homeRegionId: number) => Promise<Client[]>;
  sql: <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;
  close: () => Promise<void>;
};

export async function startTestApp(env: Record<string, string> = {}): Promise<TestContext> {
  const server = inject('pgServerUrl');
  const name = `gj_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDb')}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const db = createDb(url.toString(), 20);
  const config = loadConfig({ GONGJIAN_LOG_LEVEL: 'silent', GONGJIAN_DEMO: '1', ...env });
  const app = await buildApp({ db, config });
  await app.ready();
  const sql = async <T>(text: string, params: unknown[] = []) =>
    (await db.$client.query(text, params)).rows as T[];
  const self: TestContext = {
    app,
    db,
    sql,
    as: async (username, password) => {
      const c = new Client(app);
      const res = await c.login(username, password);
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
      return c;
    },
    anonymous: () => new Client(app),
    session: async (username) => {
      const token = randomBytes(24).toString('base64url');
      const csrf = randomBytes(12).toString('base64url');
      await sql(
        `INSERT INTO sessions (id, user_id, csrf_token, expires_at)
         SELECT encode(sha256($1::bytea), 'hex'), id, $2, now() + interval '1 hour' FROM users WHERE username = $3`,
        [token, csrf, username],
      );
      const c = new Client(app);
      c.cookie = `gj_sid=${token}`;
      c.csrf = csrf;
      return c;
    },
    members: async (prefix, count, homeRegionId) => {
      await sql(
        `WITH p AS (
           INSERT INTO people (district_id, name, gender, home_region_id, party_org_id, party_status, party_since)
           SELECT 1, $2 || g, 'male', $1, (SELECT id FROM party_orgs WHERE name = '八角北路社区党委'), 'retired', date '1990-07-01'
             FROM generate_series(1, $3::int) g RETURNING id, name),
         u AS (
           INSERT INTO users (district_id, region_id, username, display_name, password_hash)
           SELECT 1, $1, $4 || substr(p.name, length($2) + 1), p.name, (SELECT password_hash FROM users WHERE username = 'member')
             FROM p RETURNING id, display_name),
         r AS (INSERT INTO role_assignments (district_id, user_id, role, region_id) SELECT 1, u.id, 'party_member', $1 FROM u)
         SELECT count(*) FROM u`,
        [homeRegionId, `${prefix}党员`, count, prefix],
      );
      // A statement does not see rows its own CTEs insert: link people to accounts after.
      await sql(
        `UPDATE people p SET user_id = u.id FROM users u
          WHERE u.display_name = p.name AND p.name LIKE $1 || '%' AND p.user_id IS NULL`,
        [`${prefix}党员`],
      );
      const clients: Client[] = [];
      for (let i = 1; i <= count; i++) clients.push(await self.session(`${prefix}${i}`));
      return clients;
    },
    region: async (code) => {
      const [r] = await sql<{ id: number }>('SELECT id FROM regions WHERE code = $1', [code]);
      if (!r) throw new Error(`no region ${code}`);
      return r.id;
    },
    close: async () => {
      await app.close();
      await db.$client.end();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
  return self;
}
