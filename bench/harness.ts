/** Shared by the benchmarks: a fresh embedded PostgreSQL with the demo district, and the real app. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../server/src/app';
import { loadConfig } from '../server/src/config';
import { openDatabase } from '../server/src/db/open';
import { seedDemo } from '../server/src/modules/demo/demo.seed';

export async function benchApp() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gj-bench-'));
  const config = loadConfig({
    ...process.env,
    GONGJIAN_DATA_DIR: dataDir,
    GONGJIAN_LOG_LEVEL: 'warn',
    GONGJIAN_DEMO: '1',
  });
  const database = await openDatabase(config, { info: () => {}, warn: (m) => console.warn(m) });
  await seedDemo(database.db);
  const app = await buildApp({ db: database.db, config });
  await app.ready();
  return {
    app,
    db: database.db,
    close: async () => {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in through HTTP; returns the headers a client then sends. */
export async function signIn(app: FastifyInstance, username: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: 'gongjian-demo' },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode}`);
  return {
    cookie: String(res.headers['set-cookie']).split(';')[0]!,
    'x-csrf-token': res.json().csrfToken as string,
  };
}
