/** Every table, for drizzle-kit and the typed client. One line per domain. */
export * from '../modules/accounts/accounts.schema';
export * from '../modules/audit/audit.schema';
export * from '../modules/dedication/dedication.schema';
export * from '../modules/evaluations/evaluations.schema';
export * from '../modules/evaluations/timebank.schema';
export * from '../modules/imports/imports.schema';
export * from '../modules/jobs/jobs.schema';
export * from '../modules/ledger/ledger.schema';
export * from '../modules/network/bodies.schema';
export * from '../modules/network/network.schema';
export * from '../modules/notifications/notifications.schema';
export * from '../modules/projects/projects.schema';
export * from '../modules/publicity/publicity.schema';
export * from '../modules/regions/regions.schema';
export * from '../modules/sharing/sharing.schema';
export * from '../modules/teams/invitations.schema';
export * from '../modules/teams/teams.schema';
