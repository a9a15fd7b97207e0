export const EXPORT_RESOURCES = [
  'members',
  'units',
  'party-orgs',
  'registrations',
  'bodies',
  'meetings',
  'tasks',
  'users',
] as const;
export type ExportResource = (typeof EXPORT_RESOURCES)[number];
