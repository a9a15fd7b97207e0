import type { Config } from '../config';
import { createDb, type Db } from './client';
import { type Log, startEmbedded } from './embedded';
import { runMigrations } from './migrate';

export type Database = { db: Db; url: string; close: () => Promise<void> };

/** The configured PostgreSQL (or the embedded one), migrated and ready. */
export async function openDatabase(config: Config, log: Log): Promise<Database> {
  const embedded = config.databaseUrl ? null : await startEmbedded(config.dataDir, log);
  const url = config.databaseUrl ?? embedded!.url;
  const db = createDb(url, 10, 15_000, config.dbPrepare);
  try {
    await runMigrations(db);
  } catch (e) {
    await db.$client.end();
    await embedded?.stop();
    throw e;
  }
  return {
    db,
    url,
    close: async () => {
      // The pool may have been ended already (the benchmark ends it to copy the database).
      if (!db.$client.ending) await db.$client.end();
      await embedded?.stop();
    },
  };
}
