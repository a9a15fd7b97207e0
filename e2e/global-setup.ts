/**
 * Browser tests run against the real thing: the built console served by `server/src/main.ts`
 * on a fresh embedded PostgreSQL with the demo district, in a temporary data directory.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    screenshotDir: string;
    /** The server's embedded database: for tests that let time pass (a notice period ending). */
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  execFileSync(process.execPath, ['scripts/build-web-if-stale.mjs'], { stdio: 'inherit' });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gj-e2e-'));
  const screenshotDir = path.resolve('test-results/screenshots');
  fs.mkdirSync(screenshotDir, { recursive: true });
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      GONGJIAN_DATA_DIR: dataDir,
      GONGJIAN_DEMO: '1',
      PORT: '0',
      GONGJIAN_LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 90_000);
    const onData = (d: Buffer) => {
      log += d.toString();
      const m =
        /"Server listening at (http:\/\/[\d.:]+)"/.exec(log) ??
        /running at (http:\/\/localhost:\d+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!.replace('localhost', '127.0.0.1'));
      }
    };
    server.stdout!.on('data', onData);
    server.stderr!.on('data', onData);
    server.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${log}`)));
  });
  project.provide('baseUrl', baseUrl);
  const pgPort = /Embedded PostgreSQL listening on 127\.0\.0\.1:(\d+)/.exec(log)?.[1];
  const password = fs.readFileSync(path.join(dataDir, 'pg-password'), 'utf8').trim();
  project.provide(
    'databaseUrl',
    `postgres://gongjian:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/gongjian`,
  );
  project.provide('screenshotDir', screenshotDir);
  console.log(`Browser tests: server at ${baseUrl}; screenshots in ${screenshotDir}`);

  return async () => {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
