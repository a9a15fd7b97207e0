/**
 * The server as `npm start` runs it, killed with SIGKILL mid-life: the next start must
 * find the PostgreSQL left behind, stop it, and come back with every acknowledged write.
 * (Under a write load, and with PostgreSQL itself killed: server/test/hostile/faults.test.ts.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, dataDirectory, headers, isAlive, kill9, login, postmasterPid } from '../../test/server-process';

const data = dataDirectory('gj-restart-');
afterAll(() => data.cleanup());

describe('restart after kill -9', () => {
  it('comes back with all data', { timeout: 120_000 }, async () => {
    const first = await data.start();
    const s = await login(first.url);
    const streets = (await (
      await fetch(`${first.url}/api/regions?kind=street`, { headers: headers(s) })
    ).json()) as {
      items: { id: number }[];
    };
    const created = await fetch(`${first.url}/api/regions`, {
      method: 'POST',
      headers: headers(s, true),
      body: JSON.stringify({ parentId: streets.items[0]!.id, name: '断电前新建社区' }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };

    await kill9(first);
    expect(isAlive(postmasterPid(data.dir)!)).toBe(true); // PostgreSQL outlived its parent

    const second = await data.start();
    const again = await login(second.url);
    const res = await fetch(`${second.url}/api/regions/${id}`, { headers: headers(again) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { name: string }).name).toBe('断电前新建社区');
    const health = await fetch(`${second.url}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok', demo: true });

    // A clean stop on SIGTERM takes PostgreSQL down with it.
    second.proc.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(fs.existsSync(path.join(data.dir, 'pg', 'postmaster.pid'))).toBe(false);
  });
});

describe('the operators’ commands beside a running server', () => {
  const busy = dataDirectory('gj-busy-');
  afterAll(() => busy.cleanup());

  it('backs up while it serves; refuses a restore under it, and a second server on its data', {
    timeout: 120_000,
  }, async () => {
    const server = await busy.start();
    const env = { GONGJIAN_DATA_DIR: busy.dir, DATABASE_URL: '' };
    const file = path.join(busy.dir, 'live.gz');
    const made = await cli(['backup', file], env);
    expect(made.out).toMatch(/Backup written to .*live\.gz: \d+ tables, \d+ rows/);
    expect(made.code).toBe(0);
    // It reached the server's PostgreSQL instead of stopping it: the server still answers.
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);

    const restored = await cli(['restore', file], env);
    expect(restored.code).toBe(1);
    expect(restored.out).toContain('stop it before a restore');
    await expect(busy.start()).rejects.toThrow(/belongs to a running process/);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);

    server.proc.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });
});
