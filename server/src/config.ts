import path from 'node:path';
import { z } from 'zod';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  GONGJIAN_DATA_DIR: z.string().default('./data'),
  GONGJIAN_DEMO: z.enum(['0', '1', 'true', 'false', '']).default('0'),
  GONGJIAN_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Minutes without a request after which a session ends. */
  GONGJIAN_SESSION_IDLE_MINUTES: z.coerce.number().positive().default(30),
  /** Hours after login after which a session ends whatever happens. */
  GONGJIAN_SESSION_MAX_HOURS: z.coerce.number().positive().default(12),
  /** Set when served over HTTPS so cookies carry the Secure flag. */
  GONGJIAN_SECURE_COOKIES: z.enum(['0', '1']).default('0'),
  /** The benchmark's ceiling route (`npm run bench` only). */
  GONGJIAN_BENCH_ROUTES: z.enum(['0', '1']).default('0'),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demo: boolean;
  logLevel: z.infer<typeof Env>['GONGJIAN_LOG_LEVEL'];
  sessionIdleMs: number;
  sessionMaxMs: number;
  secureCookies: boolean;
  benchRoutes: boolean;
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
    logLevel: e.GONGJIAN_LOG_LEVEL,
    sessionIdleMs: e.GONGJIAN_SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: e.GONGJIAN_SESSION_MAX_HOURS * 3_600_000,
    secureCookies: e.GONGJIAN_SECURE_COOKIES === '1',
  };
}
