/**
 * Test harness: a fresh copy of the demo database per test file, the real app on it,
 * and clients that sign in through HTTP (`app.inject`) exactly as the console does.
 */

import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../src/app';
import { forgetSessions } from '../src/auth/session';
import { loadConfig } from '../src/config';
import { createDb, type Db } from '../src/db/client';
import { errorLog, watchAnswers } from './answers';
import { addMembers, addSession } from './fixtures';

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
  /** Direct SQL; it forgets remembered sessions, since it goes round the services. */
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
  // Errors only, kept to print beside the 5xx answer they caused.
  const log = errorLog();
  const config = loadConfig({ GONGJIAN_LOG_LEVEL: 'error', GONGJIAN_DEMO: '1', ...env });
  const app = await buildApp({ db, config, logStream: log.stream });
  await app.ready();
  watchAnswers(app, log.errorOf);
  // A test writing the database directly goes round the services that tell the session
  // cache what changed: it forgets every remembered session, as time would.
  const sql = async <T>(text: string, params: unknown[] = []) => {
    const { rows } = await db.$client.query(text, params);
    forgetSessions();
    return rows as T[];
  };
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
      const { cookie, csrf } = await addSession(db.$client, username);
      const c = new Client(app);
      c.cookie = cookie;
      c.csrf = csrf;
      return c;
    },
    members: async (prefix, count, homeRegionId) => {
      const clients: Client[] = [];
      for (const username of await addMembers(db.$client, prefix, count, homeRegionId))
        clients.push(await self.session(username));
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
