/** The watch every API test runs under (answers.ts) does what the summary claims. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createDb } from '../src/db/client';
import { answers, describeServerErrors, errorLog, provoke, takeServerErrors, watchAnswers } from './answers';
import { startTestApp, type TestContext } from './harness';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** An app on its own pool (of `connections`), with a route that crashes. */
async function appWith(connections: number) {
  const db = createDb(String(t.db.$client.options.connectionString), connections, 300);
  const log = errorLog();
  const app = await buildApp({
    db,
    config: loadConfig({ GONGJIAN_LOG_LEVEL: 'error' }),
    logStream: log.stream,
  });
  app.post('/api/test/crash', { config: { policy: 'public' } }, () => {
    throw new Error('the crash under test');
  });
  await app.ready();
  watchAnswers(app, log.errorOf);
  const close = async () => {
    await app.close();
    await db.$client.end();
  };
  return { app, db, close };
}

describe('the answers watch', () => {
  it('keeps every 5xx with its request and the server’s error, to fail the test that met it', async () => {
    const { app, close } = await appWith(2);
    try {
      const before = answers.serverErrors;
      await app.inject({ method: 'POST', url: '/api/test/crash', payload: { name: '张三' } });
      const [error, ...rest] = takeServerErrors();
      expect(rest).toEqual([]);
      expect(error).toMatchObject({
        method: 'POST',
        url: '/api/test/crash',
        body: { name: '张三' },
        status: 500,
      });
      expect(error!.error).toContain('the crash under test'); // the stack, from the log
      expect(describeServerErrors([error!])).toContain('POST /api/test/crash → 500');
      expect(answers.serverErrors).toBe(before + 1);
      answers.serverErrors = before; // this one was provoked, after all

      await provoke(() => app.inject({ method: 'POST', url: '/api/test/crash', payload: {} }));
      expect(takeServerErrors()).toEqual([]);
    } finally {
      await close();
    }
  });

  it('retries a 503 "try again" as a client would, and counts it apart', async () => {
    const { app, db, close } = await appWith(1);
    try {
      const before = answers.unavailable;
      const held = await db.$client.connect(); // the only connection: the request waits, then 503
      const answer = app.inject({ method: 'GET', url: '/api/health' });
      while (answers.unavailable === before) await new Promise((r) => setImmediate(r));
      held.release();
      expect((await answer).statusCode).toBe(200);
      expect(answers.unavailable).toBeGreaterThan(before);
      expect(takeServerErrors()).toEqual([]);
    } finally {
      await close();
    }
  });
});
