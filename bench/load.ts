/**
 * The load generator, in its own process (so it does not share an event loop with the
 * server or the runner): autocannon against one endpoint for a bounded time. The plan
 * comes as a JSON file named on the command line; the result goes to stdout as JSON.
 *
 * A plan's requests cycle through `requests`: each item is one request (method, path,
 * headers, body). Writes under contention give one item per distinct act (a member and a
 * role), so no act is asked twice.
 */
import fs from 'node:fs';
import autocannon from 'autocannon';

export type LoadPlan = {
  url: string;
  connections: number;
  seconds: number;
  requests: {
    method: 'GET' | 'POST' | 'PUT';
    path: string;
    headers?: Record<string, string>;
    body?: string;
  }[];
  /** Stop after this many requests (writes with a finite set of acts). */
  amount?: number;
};

export type LoadResult = {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
};

const plan = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as LoadPlan;
let next = 0;
const statusCodes: Record<string, number> = {};
const times: number[] = [];
const result = await new Promise<autocannon.Result>((resolve, reject) => {
  const instance = autocannon(
    {
      url: plan.url,
      connections: plan.connections,
      duration: plan.seconds,
      ...(plan.amount ? { amount: plan.amount } : {}),
      timeout: 10,
      requests: [
        {
          setupRequest: (req) => {
            const r = plan.requests[next++ % plan.requests.length]!;
            return {
              ...req,
              method: r.method,
              path: r.path,
              headers: { ...(r.body ? { 'content-type': 'application/json' } : {}), ...r.headers },
              ...(r.body ? { body: r.body } : {}),
            };
          },
        },
      ],
    },
    (err, res) => (err ? reject(err) : resolve(res)),
  );
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
    times.push(responseTime);
  });
});
times.sort((a, b) => a - b);
const at = (q: number) =>
  Math.round((times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0) * 10) / 10;
const out: LoadResult = {
  requests: result.requests.total,
  rps: Math.round((result.requests.total / result.duration) * 10) / 10,
  p50: at(0.5),
  p95: at(0.95),
  p99: at(0.99),
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
  statusCodes,
};
process.stdout.write(JSON.stringify(out));
