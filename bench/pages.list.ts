/**
 * The console's pages the page timings visit (every route of web/src/app/router.tsx), each as
 * the role that uses it: the staff's pages on a desktop screen, the member's and resident's
 * on a phone (390×844). A page under `:id` is opened for the first row its list gives that role.
 */
import fs from 'node:fs';

/** The demo accounts (username = role). */
export const PAGE_ROLES = [
  'district_admin',
  'street_admin',
  'community_worker',
  'unit_contact',
  'member',
  'resident',
  'lecturer',
] as const;
export type PageRole = (typeof PAGE_ROLES)[number];

export type PageSpec = {
  /** The router's pattern. */
  path: string;
  /** Who opens it; null: nobody signed in. */
  role: PageRole | null;
  phone?: true;
  /** For `:id`: the list to take the first row's id from (as `role`). */
  id?: string;
  /** For `:page`: the value. */
  param?: string;
};

/** A date `days` from today, as the lists' `from`/`to` take it. */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

type Entry = string | Omit<PageSpec, 'role' | 'phone'>;
const entries = (role: PageRole | null, onPhone: boolean, paths: Entry[]): PageSpec[] =>
  paths.map((p) => ({
    ...(typeof p === 'string' ? { path: p } : p),
    role,
    ...(onPhone && { phone: true as const }),
  }));
const desk = (role: PageRole, ...paths: Entry[]) => entries(role, false, paths);
const phone = (role: PageRole | null, ...paths: Entry[]) => entries(role, true, paths);

export const PAGES: PageSpec[] = [
  // The district: its people, its network, the figures, the system.
  ...desk(
    'district_admin',
    '/',
    '/members',
    '/units',
    '/party-orgs',
    '/dashboards',
    '/evaluations',
    { path: '/evaluations/:id', id: '/api/evaluations' },
    '/honours',
    '/imports',
    '/regions',
    '/users',
    '/audit',
    '/help',
  ),
  // A street: coverage, coordination councils, courses, notices and campaigns.
  ...desk(
    'street_admin',
    '/coverage',
    '/bodies',
    { path: '/bodies/:id', id: '/api/bodies' },
    '/meetings',
    { path: '/meetings/:id', id: '/api/meetings' },
    '/tasks',
    '/courses',
    { path: '/courses/:id', id: '/api/courses' },
    '/notices',
    '/notices/new',
    { path: '/notices/:id', id: '/api/notices' },
    { path: '/notices/:id/edit', id: '/api/notices?status=draft' },
    '/campaigns',
    { path: '/campaigns/:id', id: '/api/campaigns' },
  ),
  // A community's day-to-day: needs, registrations, projects, dedication days, facilities, teams.
  ...desk(
    'community_worker',
    '/needs',
    { path: '/needs/:id', id: '/api/needs' },
    '/registrations',
    '/projects',
    { path: '/projects/:id', id: '/api/projects' },
    '/dedication-days',
    '/facilities',
    { path: '/facilities/:id', id: '/api/facilities' },
    '/facilities/utilization',
    '/bookings/inbox',
    '/teams',
    { path: '/teams/:id', id: '/api/teams' },
  ),
  ...desk('unit_contact', '/me/unit'),
  ...desk('lecturer', '/me/teaching'),
  // The phone pages.
  ...phone(null, '/login'),
  ...phone(
    'member',
    '/',
    '/me/registration',
    '/me/claim',
    '/me/dedication',
    '/checkin',
    '/me/record',
    '/me/time-bank',
    '/me/invitations',
    '/me/inbox',
    { path: '/me/inbox/:id', id: '/api/notices?inbox=true' },
    '/me/notifications',
    '/me/bookings',
    '/projects',
    '/dedication-calendar',
    { path: '/occurrences/:id', id: `/api/occurrences?from=${day(-14)}&to=${day(45)}` },
    '/teams/find',
    '/facilities/find',
    '/courses',
    { path: '/honours/:id', id: '/api/honours' },
    { path: '/help/:page', param: 'party-member' },
  ),
  ...phone(
    'resident',
    '/',
    '/me/needs',
    '/me/record',
    '/me/time-bank',
    '/teams/find',
    '/facilities/find',
    '/me/inbox',
  ),
];

/** The router's routes no entry above visits (a new page should join the list). */
export function unvisitedRoutes(): string[] {
  const router = fs.readFileSync('web/src/app/router.tsx', 'utf8');
  const routes = [...router.matchAll(/path: '([^']+)'/g)]
    .map((m) => m[1]!)
    .filter((p) => p !== '*' && p !== '/')
    .map((p) => (p.startsWith('/') ? p : `/${p}`));
  const visited = new Set(PAGES.map((p) => p.path));
  return routes.filter((r) => !visited.has(r));
}
