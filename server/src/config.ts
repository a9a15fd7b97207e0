import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  GONGJIAN_DATA_DIR: z.string().default('./data'),
  GONGJIAN_DEMO: z.enum(['0', '1', 'true', 'false', '']).default('0'),
  GONGJIAN_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `pretty`: short coloured lines for a person; `json`: one object a line for a collector; `auto`: pretty on a terminal. */
  GONGJIAN_LOG_FORMAT: z.enum(['auto', 'pretty', 'json']).default('auto'),
  /** Who may read /api/metrics: addresses or CIDR ranges, comma-separated. */
  GONGJIAN_METRICS_ALLOW: z
    .string()
    .default('127.0.0.1,::1')
    .refine((list) => list.split(',').every((a) => !a.trim() || isAddressOrRange(a.trim())), {
      message: 'a comma-separated list of IP addresses or CIDR ranges (e.g. 127.0.0.1,10.0.0.0/8)',
    }),
  /** A bearer token that also opens /api/metrics, from anywhere (at least 24 characters). */
  GONGJIAN_METRICS_TOKEN: z.string().min(24).optional(),
  /** Minutes without a request after which a session ends. */
  GONGJIAN_SESSION_IDLE_MINUTES: z.coerce.number().positive().default(30),
  /** Hours after login after which a session ends whatever happens. */
  GONGJIAN_SESSION_MAX_HOURS: z.coerce.number().positive().default(12),
  /** Set when served over HTTPS so cookies carry the Secure flag. */
  GONGJIAN_SECURE_COOKIES: z.enum(['0', '1']).default('0'),
  /** Set behind a reverse proxy, so the client's address comes from X-Forwarded-For. */
  GONGJIAN_TRUST_PROXY: z.enum(['0', '1']).default('0'),
  /** The benchmark's ceiling route (`npm run bench` only). */
  GONGJIAN_BENCH_ROUTES: z.enum(['0', '1']).default('0'),
  /** With the bench routes: the port of the bare routes (the same queries without Fastify); 0 picks one. */
  GONGJIAN_BENCH_BARE_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  /** `0` behind a pooler that cannot keep named prepared statements (PgBouncer before 1.21 in transaction mode). */
  GONGJIAN_DB_PREPARE: z.enum(['0', '1']).default('1'),
});

/** 10.1.2.3, ::1, 10.0.0.0/8, fd00::/8 */
function isAddressOrRange(entry: string) {
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (bits === undefined) return true;
  return /^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demo: boolean;
  logLevel: z.infer<typeof Env>['GONGJIAN_LOG_LEVEL'];
  logFormat: 'pretty' | 'json';
  metricsAllow: string[];
  metricsToken: string | undefined;
  sessionIdleMs: number;
  sessionMaxMs: number;
  secureCookies: boolean;
  trustProxy: boolean;
  benchRoutes: boolean;
  benchBarePort: number;
  dbPrepare: boolean;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as shells and CI files often leave them.
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = Env.safeParse(set);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.GONGJIAN_DATA_DIR),
    demo: e.GONGJIAN_DEMO === '1' || e.GONGJIAN_DEMO === 'true',
    benchRoutes: e.GONGJIAN_BENCH_ROUTES === '1',
    benchBarePort: e.GONGJIAN_BENCH_BARE_PORT,
    dbPrepare: e.GONGJIAN_DB_PREPARE === '1',
    logLevel: e.GONGJIAN_LOG_LEVEL,
    logFormat:
      e.GONGJIAN_LOG_FORMAT === 'auto' ? (process.stdout.isTTY ? 'pretty' : 'json') : e.GONGJIAN_LOG_FORMAT,
    metricsAllow: e.GONGJIAN_METRICS_ALLOW.split(',')
      .map((a) => a.trim())
      .filter(Boolean),
    metricsToken: e.GONGJIAN_METRICS_TOKEN,
    sessionIdleMs: e.GONGJIAN_SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: e.GONGJIAN_SESSION_MAX_HOURS * 3_600_000,
    secureCookies: e.GONGJIAN_SECURE_COOKIES === '1',
    trustProxy: e.GONGJIAN_TRUST_PROXY === '1',
  };
}
