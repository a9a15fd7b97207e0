/** What every module's routes are built with: the database, the configuration, where the log goes. */
import type { DestinationStream } from 'pino';
import type { Config } from './config';
import type { Db } from './db/client';

export type AppDeps = {
  db: Db;
  config: Config;
  /** Where the log goes instead of stdout (tests read it). */
  logStream?: DestinationStream;
};
