/**
 * The server under test, as `npm start` runs it: the console built if its sources changed,
 * the server compiled to JavaScript, plain `node` on the output in a process of its own, on
 * the bench's database, with the bench routes on (the ceiling, the statement counter, and
 * the bare routes on a second port). Logging at warn: a request log on a pipe costs CPU.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (probe.address() as net.AddressInfo).port;
      probe.close(() => resolve(p));
    });
  });

export type BenchServer = Awaited<ReturnType<typeof startServer>>;

export async function startServer(databaseUrl: string) {
  const [port, barePort] = [await freePort(), await freePort()];
  const base = `http://127.0.0.1:${port}`;
  // BENCH_WEB_BUILD=0: the console as it was last built (a check run beside others' work on web/).
  if (process.env.BENCH_WEB_BUILD !== '0')
    execFileSync(process.execPath, ['scripts/build-web-if-stale.mjs'], { stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/build-server.mjs'], { stdio: 'inherit' });
  const server: ChildProcess = spawn(process.execPath, ['--enable-source-maps', 'server/dist/main.js'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      GONGJIAN_LOG_LEVEL: 'warn',
      GONGJIAN_DEMO: '0',
      GONGJIAN_BENCH_ROUTES: '1',
      GONGJIAN_BENCH_BARE_PORT: String(barePort),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; ; i++) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (i > 600) throw new Error('the server did not start in 60 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    bareBase: `http://127.0.0.1:${barePort}`,
    /** The server's resident memory, MB. */
    rss: () => {
      const status = fs.readFileSync(`/proc/${server.pid}/status`, 'utf8');
      return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
    },
    /** SQL statements the server's pools have sent so far (the request asking costs none). */
    statements: async () =>
      ((await fetch(`${base}/api/bench/stats`).then((r) => r.json())) as { statements: number }).statements,
    stop: async () => {
      server.kill('SIGTERM');
      await new Promise((r) => (server.exitCode === null ? server.once('exit', r) : r(null)));
    },
  };
}
