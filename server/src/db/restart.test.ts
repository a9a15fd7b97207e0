/**
 * The server as `npm start` runs it, killed with SIGKILL mid-life: the next start must
 * find the PostgreSQL left behind, stop it, and come back with every acknowledged write.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gj-restart-'));
const children: ChildProcess[] = [];

function start(): Promise<{ proc: ChildProcess; url: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    env: { ...process.env, DATABASE_URL: '', GONGJIAN_DATA_DIR: dataDir, GONGJIAN_DEMO: '1', PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(proc);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /running at (http:\/\/localhost:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, url: m[1]! });
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
}

async function login(url: string) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'district_admin', password: 'gongjian-demo' }),
  });
  const me = (await res.json()) as { csrfToken: string };
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: me.csrfToken };
}

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  if (fs.existsSync(pidFile)) {
    const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
    try {
      process.kill(pid, 'SIGINT');
    } catch {}
  }
});

describe('restart after kill -9', () => {
  it('comes back with all data', { timeout: 120_000 }, async () => {
    const first = await start();
    const s = await login(first.url);
    const streets = (await (
      await fetch(`${first.url}/api/regions?kind=street`, { headers: { cookie: s.cookie } })
    ).json()) as {
      items: { id: number }[];
    };
    const created = await fetch(`${first.url}/api/regions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
      body: JSON.stringify({ parentId: streets.items[0]!.id, name: '断电前新建社区' }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };

    first.proc.kill('SIGKILL');
    await new Promise((r) => first.proc.once('exit', r));
    const pid = Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    expect(() => process.kill(pid, 0)).not.toThrow(); // PostgreSQL outlived its parent

    const second = await start();
    const again = await login(second.url);
    const res = await fetch(`${second.url}/api/regions/${id}`, { headers: { cookie: again.cookie } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { name: string }).name).toBe('断电前新建社区');
    const health = await fetch(`${second.url}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok', demo: true });

    // A clean stop on SIGTERM takes PostgreSQL down with it.
    second.proc.kill('SIGTERM');
    const code = await new Promise((r) => second.proc.once('exit', r));
    expect(code).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  });
});
