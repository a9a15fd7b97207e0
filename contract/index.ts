/**
 * The contract shared by the server and the web console: enums and zod schemas
 * of the API's shapes. Names follow docs/GLOSSARY.md.
 */
export * from './accounts';
export * from './audit';
export * from './bodies';
export * from './campaigns';
export * from './common';
export * from './courses';
export * from './coverage';
export * from './dashboards';
export * from './dedication-days';
export * from './evaluations';
export * from './exports';
export * from './facilities';
export * from './imports';
export * from './ledger';
export * from './members';
export * from './needs';
export * from './notices';
export * from './notifications';
export * from './party-orgs';
export * from './projects';
export * from './regions';
export * from './registrations';
export * from './search';
export * from './teams';
export * from './time-bank';
export * from './units';
export * from './workbench';
