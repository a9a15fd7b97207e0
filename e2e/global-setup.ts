/**
 * Browser tests run against the real thing: the built console served by `server/src/main.ts`
 * on a fresh embedded PostgreSQL with the demo district, in a temporary data directory.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { databaseUrl, startServer } from '../server/test/server-process';

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
  const server = await startServer(dataDir, { GONGJIAN_LOG_LEVEL: 'info' });
  const baseUrl = server.url.replace('localhost', '127.0.0.1');
  project.provide('baseUrl', baseUrl);
  project.provide('databaseUrl', databaseUrl(dataDir));
  project.provide('screenshotDir', screenshotDir);
  console.log(`Browser tests: server at ${baseUrl}; screenshots in ${screenshotDir}`);

  return async () => {
    server.proc.kill('SIGTERM');
    await server.exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
    // A server error behind a page is a failure even when the page hid it from the test.
    const errors = server.errors();
    console.log(
      `Browser tests: the server logged ${errors.length} errors or 5xx answers; ${server.unavailable()} 503 "try again" answers`,
    );
    if (errors.length) {
      // vitest does not fail a run on a teardown's exception: the exit code says it.
      console.error(`The server logged errors during the browser tests:\n${errors.join('\n')}`);
      process.exitCode = 1;
    }
  };
}
