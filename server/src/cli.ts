/**
 * The operators' command line: `npm run cli -- <command>`.
 *   migrate                       apply the committed migrations
 *   seed-demo                     build the demo district (idempotent)
 *   create-admin --username U --name N --password P [--district CODE]
 *                                 a district administrator (the first account of a real district)
 *   backup <file>                 a consistent logical backup of the whole database
 *   restore <file>                replace every row with the backup's
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { hashPassword, MIN_PASSWORD_LENGTH, passwordProblem } from './auth/password';
import { loadConfig } from './config';
import { backup, restore } from './db/backup';
import { runningDatabaseUrl } from './db/embedded';
import { openDatabase } from './db/open';
import { seedDemo } from './demo/demo.seed';
import { message } from './i18n';
import { roleAssignments, users } from './modules/accounts/accounts.schema';
import { regions } from './modules/regions/regions.schema';

const USAGE = `usage: npm run cli -- <migrate | seed-demo | create-admin | backup FILE | restore FILE>
  create-admin --username U --name NAME --password P [--district CODE] [--district-name NAME]`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    username: { type: 'string' },
    name: { type: 'string' },
    password: { type: 'string' },
    district: { type: 'string', default: '110107' },
    'district-name': { type: 'string', default: '石景山区' },
  },
});
const [command, arg] = positionals;
const log = { info: (m: string) => console.error(m), warn: (m: string) => console.error(m) };

if (!command || !['migrate', 'seed-demo', 'create-admin', 'backup', 'restore'].includes(command)) {
  console.error(USAGE);
  process.exit(2);
}
if ((command === 'backup' || command === 'restore') && !arg) {
  console.error(USAGE);
  process.exit(2);
}

// With a server running on the embedded database, the commands reach its PostgreSQL (a
// backup while it serves); a restore under a running server is refused.
const config = loadConfig();
const running = config.databaseUrl ? null : runningDatabaseUrl(config.dataDir);
if (running && command === 'restore') {
  console.error(
    'A server is running on this data directory: stop it before a restore replaces every row under it.',
  );
  process.exit(1);
}
const database = await openDatabase({ ...config, databaseUrl: running ?? config.databaseUrl }, log);
const { db } = database;
try {
  switch (command) {
    case 'migrate':
      console.log('Migrations applied.');
      break;
    case 'seed-demo': {
      const r = await seedDemo(db);
      console.log(
        r.created
          ? `Demo district created: ${r.regions} regions, ${r.accounts} accounts.`
          : `Demo district already there; ${r.accounts} accounts added.`,
      );
      break;
    }
    case 'create-admin': {
      if (!values.username || !values.name || !values.password) {
        throw new Error('create-admin needs --username, --name and --password');
      }
      // The same password policy as the API's (issue #12).
      const problem = await passwordProblem(values.password, values.username);
      if (problem) throw new Error(message('en', problem, { min: MIN_PASSWORD_LENGTH }));
      const hash = await hashPassword(values.password);
      await db.transaction(async (tx) => {
        let [district] = await tx
          .select()
          .from(regions)
          .where(sql`kind = 'district' AND code = ${values.district}`);
        if (!district) {
          const { rows } = await tx.execute<{ id: number }>(
            sql`SELECT nextval(pg_get_serial_sequence('regions', 'id')) AS id`,
          );
          const id = Number(rows[0]!.id);
          [district] = await tx
            .insert(regions)
            .values({
              districtId: id,
              id,
              kind: 'district',
              name: values['district-name']!,
              code: values.district!,
              path: String(id),
            })
            .returning();
        }
        const [u] = await tx
          .insert(users)
          .values({
            districtId: district!.id,
            regionId: district!.id,
            username: values.username!,
            displayName: values.name!,
            passwordHash: hash,
          })
          .returning({ id: users.id });
        await tx.insert(roleAssignments).values({
          districtId: district!.id,
          userId: u!.id,
          role: 'district_admin',
          regionId: district!.id,
        });
      });
      console.log(`District administrator ${values.username} created for ${values.district}.`);
      break;
    }
    case 'backup': {
      const r = await backup(db, arg!);
      console.log(`Backup written to ${arg}: ${r.tables} tables, ${r.rows} rows.`);
      break;
    }
    case 'restore': {
      const r = await restore(db, arg!);
      console.log(`Restored ${r.rows} rows into ${r.tables} tables from ${arg}.`);
      break;
    }
  }
} catch (e) {
  console.error(`Failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
