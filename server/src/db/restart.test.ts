/**
 * The server as `npm start` runs it, killed with SIGKILL mid-life: the next start must
 * find the PostgreSQL left behind, stop it, and come back with every acknowledged write.
 * (Under a write load, and with PostgreSQL itself killed: server/test/hostile/faults.test.ts.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dataDirectory, headers, isAlive, kill9, login, postmasterPid } from '../../test/server-process';

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
