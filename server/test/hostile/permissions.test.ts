/**
 * The permission matrix (issue #12): every route of the OpenAPI document, asked by every
 * role — with no session, with a role that lacks the route's right, and as an insider and
 * an outsider of the data it touches.
 *
 * Scope is judged by marked data: every name and title in one street (八宝山, "乙") and in
 * one community of 八角 street (八角中里, "丙") gets a marker appended. Each actor then
 * reads every list (plain, and filtered by ids of the marked places and things) and every
 * detail of marked things; a marker in an answer to someone outside that place is a
 * leak — unless the route is public to the district by design (PUBLIC below, each with
 * its reason). Insiders must find the markers, so a broken marking cannot pass quietly.
 * Outsiders then try every write on marked things; none may succeed or change anything.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../contract';
import { ROLE_ACTIONS } from '../../src/auth/permissions';
import { tableChecksums } from '../checksum';
import { type Client, startTestApp, type TestContext } from '../harness';
import { openapiRoutes, type Route, type Schema } from './openapi';
import { tally } from './tally';

let t: TestContext;
let requests = 0;
type Answer = { status: number; type: string; raw: Buffer; text: string };
/** Asks as the client's session; keeps the raw bytes, since some answers are files. */
const ask = async (c: Client, method: string, url: string, body?: unknown): Promise<Answer> => {
  requests++;
  const res = await t.app.inject({
    method: method as 'GET',
    url,
    payload: body as object | undefined,
    headers: {
      ...(c.cookie ? { cookie: c.cookie } : {}),
      ...(c.csrf && method !== 'GET' ? { 'x-csrf-token': c.csrf } : {}),
    },
  });
  return {
    status: res.statusCode,
    type: String(res.headers['content-type'] ?? ''),
    raw: res.rawPayload,
    text: res.body,
  };
};

// ---------- where things are: each table's rows located in the region tree ----------
const regionOf = (col: string) => `(SELECT path FROM regions WHERE id = ${col})`;
/** For each table, an expression giving the region path of its row `x`. */
const LOCATE: Record<string, string> = {
  regions: 'x.path',
  units: regionOf('x.region_id'),
  party_orgs: regionOf('x.region_id'),
  bodies: regionOf('x.region_id'),
  people: regionOf('x.home_region_id'),
  users: regionOf('x.region_id'),
  role_assignments: regionOf('x.region_id'),
  projects: regionOf('x.region_id'),
  dedication_days: regionOf('x.region_id'),
  dedication_occurrences: regionOf('x.region_id'),
  facilities: regionOf('x.region_id'),
  teams: regionOf('x.region_id'),
  courses: regionOf('x.region_id'),
  notices: regionOf('x.region_id'),
  campaigns: regionOf('x.region_id'),
  tasks: regionOf('x.region_id'),
  ledger_entries: regionOf('x.region_id'),
  evaluations: regionOf('x.region_id'),
  audit_log: regionOf('x.region_id'),
  needs: regionOf('x.community_id'),
  community_registrations: regionOf('x.community_id'),
};
/** Tables located through their parent row. */
const CHILDREN: [table: string, fk: string, parent: string][] = [
  ['body_members', 'body_id', 'bodies'],
  ['meetings', 'body_id', 'bodies'],
  ['project_roles', 'project_id', 'projects'],
  ['claims', 'project_id', 'projects'],
  ['dedication_tasks', 'occurrence_id', 'dedication_occurrences'],
  ['signups', 'occurrence_id', 'dedication_occurrences'],
  ['bookings', 'facility_id', 'facilities'],
  ['team_members', 'team_id', 'teams'],
  ['course_sessions', 'course_id', 'courses'],
  ['enrolments', 'course_id', 'courses'],
  ['notice_attachments', 'notice_id', 'notices'],
  ['time_requests', 'person_id', 'people'],
  ['invitations', 'person_id', 'people'],
  ['notifications', 'user_id', 'users'],
];
let aliases = 0;
/** Located through the parent row its column points at (each level its own alias). */
const viaParent = (parent: string, fk: string) => {
  const a = `l${aliases++}`;
  return `(SELECT ${LOCATE[parent]!.replaceAll('x.', `${a}.`)} FROM ${parent} ${a} WHERE ${a}.id = x.${fk})`;
};
for (const [table, fk, parent] of CHILDREN) LOCATE[table] = viaParent(parent, fk);

/** The table an id in the path or query names. `:id` takes its table from the route's first segment. */
const SEGMENT_TABLE: Record<string, string> = {
  'dedication-days': 'dedication_days',
  occurrences: 'dedication_occurrences',
  'party-orgs': 'party_orgs',
  members: 'people',
  registrations: 'community_registrations',
  sessions: 'course_sessions',
  ledger: 'ledger_entries',
  'time-bank': 'time_requests',
  honours: 'evaluations',
  dashboards: 'units',
};
const PARAM_TABLE: Record<string, string> = {
  regionId: 'regions',
  communityId: 'regions',
  streetId: 'regions',
  at: 'regions',
  compareAt: 'regions',
  parentId: 'regions',
  unitId: 'units',
  orgId: 'party_orgs',
  bodyId: 'bodies',
  personId: 'people',
  projectId: 'projects',
  roleId: 'project_roles',
  dedicationDayId: 'dedication_days',
  occurrenceId: 'dedication_occurrences',
  taskId: 'dedication_tasks',
  facilityId: 'facilities',
  teamId: 'teams',
  campaignId: 'campaigns',
  actorId: 'users',
  assignmentId: 'role_assignments',
  membershipId: 'body_members',
  memberId: 'team_members',
  attachmentId: 'notice_attachments',
};
function tableFor(route: Route, param: string): string | undefined {
  if (param !== 'id') return PARAM_TABLE[param];
  const segment = route.path.split('/')[2]!;
  return (
    SEGMENT_TABLE[segment] ??
    (LOCATE[segment.replaceAll('-', '_')] ? segment.replaceAll('-', '_') : undefined)
  );
}

// ---------- the marked places ----------
const PLACES = {
  乙: { code: '110107001', mark: '〔乙外〕' }, // a whole other street
  丙: { code: '110107003002', mark: '〔丙外〕' }, // a sibling community in 八角 street
} as const;
type Place = keyof typeof PLACES;

/** Every name and title located in the place gets the place's marker appended. */
const MARKED: [table: string, column: string][] = [
  ['units', 'name'],
  ['party_orgs', 'name'],
  ['bodies', 'name'],
  ['people', 'name'],
  ['users', 'display_name'],
  ['projects', 'title'],
  ['dedication_days', 'title'],
  ['dedication_tasks', 'title'],
  ['facilities', 'name'],
  ['teams', 'name'],
  ['courses', 'title'],
  ['course_sessions', 'title'],
  ['notices', 'title'],
  ['campaigns', 'title'],
  ['tasks', 'title'],
  ['needs', 'title'],
  ['meetings', 'title'],
  ['time_requests', 'title'],
  ['evaluation_scores', 'name'],
];
LOCATE.evaluation_scores = regionOf('x.region_id');
for (const table of [
  'evaluation_nominations',
  'evaluation_quotas',
  'person_periods',
  'unit_periods',
  'team_periods',
])
  LOCATE[table] = regionOf('x.region_id');
LOCATE.notice_recipients = regionOf('x.community_id');
for (const [table, fk, parent] of [
  ['claim_members', 'claim_id', 'claims'],
  ['meeting_attendees', 'meeting_id', 'meetings'],
  ['session_attendance', 'session_id', 'course_sessions'],
  ['project_reviews', 'project_id', 'projects'],
  ['resolutions', 'meeting_id', 'meetings'],
  ['task_notes', 'task_id', 'tasks'],
] as const)
  LOCATE[table] = viaParent(parent, fk);

/** People's names carry a marker of their own: no route shows an outsider's people by design. */
const PERSONS = new Set(['people', 'users']);
const personMark = (mark: string) => mark.replace('〕', '人〕');
/** A draft's marker: seen by no outsider, public route or not. */
const draftMark = (mark: string) => mark.replace('〕', '稿〕');
const drafts = new Map<Place, number>();

/**
 * SQL true when row `x` of the table is tied to something outside the place $1: a row
 * elsewhere pointing at it (a unit of another street sitting on this street's joint
 * conference, a member registered with another community), or it pointing at a row
 * elsewhere. Such rows are rightly seen from both places, so they go unmarked; only what
 * lies wholly inside the place is marked.
 */
async function linkedOutside(table: string): Promise<string> {
  const links = await t.sql<{ child: string; col: string; parent: string; ref: string }>(
    `SELECT c.conrelid::regclass::text AS child, a.attname AS col, c.confrelid::regclass::text AS parent, f.attname AS ref
       FROM pg_constraint c
       CROSS JOIN LATERAL unnest(c.conkey, c.confkey) AS k(ck, fk)
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.ck
       JOIN pg_attribute f ON f.attrelid = c.confrelid AND f.attnum = k.fk
      WHERE c.contype = 'f' AND (c.confrelid = $1::regclass OR c.conrelid = $1::regclass)
        AND f.attname = 'id' AND c.conrelid <> c.confrelid`,
    [table],
  );
  const outside = (other: string, alias: string) =>
    `NOT coalesce(${LOCATE[other]!.replaceAll('x.', `${alias}.`)} <@ $1::ltree, false)`;
  const parts = links.flatMap(({ child, col, parent }) => {
    if (parent === table && LOCATE[child])
      // rows elsewhere pointing here
      return [`EXISTS (SELECT 1 FROM ${child} y WHERE y.${col} = x.id AND ${outside(child, 'y')})`];
    if (child === table && LOCATE[parent] && parent !== 'regions')
      // pointing at a row elsewhere
      return [`EXISTS (SELECT 1 FROM ${parent} y WHERE y.id = x.${col} AND ${outside(parent, 'y')})`];
    return [];
  });
  parts.push(...(SECOND_HAND[table]?.(outside) ?? []));
  return parts.length ? parts.join(' OR ') : 'false';
}

/** Ties a step further that the product shows on purpose. */
const SECOND_HAND: Record<string, (outside: (table: string, alias: string) => string) => string[]> = {
  // A member living or registered elsewhere shows there with their organisation and unit.
  party_orgs: (outside) => [
    `EXISTS (SELECT 1 FROM people p WHERE p.party_org_id = x.id AND (${outside('people', 'p')}
       OR EXISTS (SELECT 1 FROM community_registrations g WHERE g.person_id = p.id AND ${outside('community_registrations', 'g')})))`,
  ],
  units: (outside) => [
    `EXISTS (SELECT 1 FROM party_orgs o JOIN people p ON p.party_org_id = o.id WHERE o.unit_id = x.id AND (${outside('people', 'p')}
       OR EXISTS (SELECT 1 FROM community_registrations g WHERE g.person_id = p.id AND ${outside('community_registrations', 'g')})))`,
  ],
  // A team's leader is its public contact, named wherever the team is listed.
  people: () => ['EXISTS (SELECT 1 FROM teams tl WHERE tl.leader_person_id = x.id)'],
};

/** Who asks, and which places are theirs (markers they may see) and whose not (markers they must not). */
type Actor = { username: string; role: Role; sees: Place[]; outside: Place[] };
const ACTORS: Actor[] = [
  { username: 'district_admin', role: 'district_admin', sees: ['乙', '丙'], outside: [] },
  { username: 'street_admin', role: 'street_admin', sees: ['丙'], outside: ['乙'] },
  { username: 'street_110107001', role: 'street_admin', sees: ['乙'], outside: ['丙'] },
  { username: 'community_worker', role: 'community_worker', sees: [], outside: ['乙', '丙'] },
  { username: 'matrix_cw_bing', role: 'community_worker', sees: ['丙'], outside: ['乙'] },
  { username: 'unit_contact', role: 'unit_contact', sees: [], outside: ['乙', '丙'] },
  { username: 'member', role: 'party_member', sees: [], outside: ['乙', '丙'] },
  { username: 'resident', role: 'resident', sees: [], outside: ['乙', '丙'] },
  { username: 'lecturer', role: 'lecturer', sees: [], outside: ['乙', '丙'] },
];

/**
 * Routes that show the whole district's things to every signed-in user, on purpose; a
 * marker there is not a leak. Each says why.
 */
const SHARED =
  'units open their facilities to the whole district (resource sharing): anyone may find and book them';
const DAYS = 'dedication-day activities are announced to the whole district: anyone may come and take part';
const PROJECTS =
  'a published project is public in the district (drafts are not): units anywhere may claim it';
const TEAMS = 'volunteer teams recruit across the district';
const HONOURS = 'shortlists on public notice and honour lists are published to the whole district';
const PUBLIC: Record<string, string> = {
  'GET /api/facilities': SHARED,
  'GET /api/facilities/{id}': SHARED,
  'GET /api/facilities/{id}/calendar': SHARED,
  'GET /api/dedication-days': DAYS,
  'GET /api/dedication-days/{id}': DAYS,
  'GET /api/dedication-days/{id}/ical': DAYS,
  'GET /api/dedication-days/{id}/occurrences': DAYS,
  'GET /api/occurrences': DAYS,
  'GET /api/occurrences/{id}': DAYS,
  'GET /api/projects': PROJECTS,
  'GET /api/projects/{id}': PROJECTS,
  // The pages of claims the project's page embeds the first of (others' people masked, as there).
  'GET /api/projects/{id}/claims': PROJECTS,
  'GET /api/teams': TEAMS,
  'GET /api/teams/{id}': TEAMS,
  'GET /api/teams/{id}/members': TEAMS,
  'GET /api/honours': HONOURS,
  'GET /api/honours/{id}': HONOURS,
};

/**
 * Answers that mix public and scoped parts: what is left to judge once the public parts are
 * taken out. The search's groups of projects, facilities and teams are those public lists'
 * own (above); its people, units and needs are scoped like their lists.
 */
const PARTLY_PUBLIC: Record<string, (text: string) => string> = {
  'GET /api/search': (text) =>
    JSON.stringify(
      (JSON.parse(text) as { groups: { kind: string }[] }).groups.filter(
        (g) => !['project', 'facility', 'team'].includes(g.kind),
      ),
    ),
};

/** Writes anyone in the district may make on another place's things, by design. */
const OPEN_WRITES: Record<string, string> = {
  'POST /api/teams/{id}/members': TEAMS,
};

// ---------- reading answers ----------
async function textOf(res: Answer): Promise<string | null> {
  if (res.type.includes('spreadsheetml')) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.raw as never);
    const cells: string[] = [];
    book.eachSheet((s) => s.eachRow((r) => r.eachCell((c) => cells.push(String(c.text)))));
    return cells.join('\n');
  }
  if (res.type.includes('pdf')) return null; // compressed: judged by status only
  return res.text;
}

let routes: Route[] = [];
const clients = new Map<string, Client>();
/** A few rows of each table in each marked place. */
const foreign = new Map<string, number[]>();
const idsIn = (place: Place, table: string) => foreign.get(`${place}:${table}`) ?? [];

beforeAll(async () => {
  t = await startTestApp();
  const admin = await t.as('district_admin');
  routes = await openapiRoutes(admin);

  // A community worker of 丙, to be its insider.
  const bing = await t.region(PLACES.丙.code);
  const made = await admin.post('/api/users', {
    username: 'matrix_cw_bing',
    displayName: '沈晓梅',
    password: 'Matrix-冷杉-7391-xq',
    regionId: bing,
    roles: [{ role: 'community_worker', regionId: bing }],
  });
  expect(made.status).toBe(201);

  const withId = new Set(
    (
      await t.sql<{ name: string }>(
        "SELECT table_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'id'",
      )
    ).map((r) => r.name),
  );
  for (const [place, { code, mark }] of Object.entries(PLACES)) {
    const [{ path }] = (await t.sql<{ path: string }>('SELECT path::text FROM regions WHERE code = $1', [
      code,
    ])) as [{ path: string }];
    for (const [table, column] of MARKED) {
      const isolated = await linkedOutside(table);
      await t.sql(
        `UPDATE ${table} x SET ${column} = ${column} || $2
          WHERE ${LOCATE[table]} <@ $1::ltree AND ${column} IS NOT NULL AND NOT (${isolated})`,
        [path, PERSONS.has(table) ? personMark(mark) : mark],
      );
    }
    for (const table of Object.keys(LOCATE).filter((x) => withId.has(x))) {
      const rows = await t.sql<{ id: number }>(
        `SELECT x.id FROM ${table} x WHERE ${LOCATE[table]} <@ $1::ltree ORDER BY ${table === 'regions' ? 'nlevel(x.path), ' : ''}x.id LIMIT 2`,
        [path],
      );
      foreign.set(
        `${place}:${table}`,
        rows.map((r) => Number(r.id)),
      );
    }
    // One of its projects goes back to draft, marked apart: public routes show published
    // projects to the district, never drafts.
    const draft = idsIn(place as Place, 'projects')[1];
    if (draft !== undefined) {
      await t.sql(
        "UPDATE projects SET status = 'draft', title = replace(title, $2, '') || $3 WHERE id = $1",
        [draft, mark, draftMark(mark)],
      );
      drafts.set(place as Place, draft);
    }
  }
  for (const a of ACTORS) clients.set(a.username, await t.session(a.username));
}, 120_000);

afterAll(async () => {
  tally({ source: 'permissions', requests, leaks: leaksFound });
  await t.close();
});
let leaksFound = 0;

const fill = (route: Route, place: Place) => {
  let missing = false;
  const url = route.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const param = route.params.find((p) => p.in === 'path' && p.name === name);
    const choices = param?.schema?.enum;
    if (choices) return String(choices[0]);
    const table = tableFor(route, name);
    const id = table ? idsIn(place, table)[0] : undefined;
    if (id === undefined) missing = true;
    return String(id ?? 0);
  });
  return missing ? null : url;
};

/** Every read an actor can ask about a place: lists, lists filtered by its ids, details of its things. */
function readsAbout(place: Place): { route: Route; url: string }[] {
  const out: { route: Route; url: string }[] = [];
  for (const route of routes.filter((r) => r.method === 'GET' && r.path !== '/api/openapi.json')) {
    const hasPath = route.params.some((p) => p.in === 'path');
    const base = hasPath ? fill(route, place) : route.path;
    if (!base) continue;
    out.push({ route, url: base });
    const draft = drafts.get(place);
    if (draft !== undefined && route.path.startsWith('/api/projects/{id}'))
      out.push({ route, url: base.replace(/^\/api\/projects\/\d+/, `/api/projects/${draft}`) });
    for (const q of route.params.filter((p) => p.in === 'query' && PARAM_TABLE[p.name])) {
      const id = idsIn(place, PARAM_TABLE[q.name]!)[0];
      if (id !== undefined) out.push({ route, url: `${base}?${q.name}=${id}` });
    }
    // The header's search, asked for the place's marker: it finds whatever carries it.
    if (route.path === '/api/search')
      out.push({ route, url: `${base}?q=${encodeURIComponent(PLACES[place].mark.slice(0, -1))}` });
  }
  return out;
}

/** A body of the route's shape: required fields with plausible values, ids of the place's things. */
function example(s: Schema | undefined, place: Place, name = ''): unknown {
  if (!s) return {};
  if (s.const !== undefined) return s.const;
  if (s.anyOf ?? s.oneOf) return example((s.anyOf ?? s.oneOf)![0], place, name);
  if (s.enum) return s.enum[0];
  const type = [s.type ?? 'object'].flat().find((x) => x !== 'null');
  switch (type) {
    case 'object':
      return Object.fromEntries(
        (s.required ?? []).map((k) => [k, example(s.properties?.[k], place, k)] as const),
      );
    case 'array':
      return s.minItems ? [example(s.items, place, name)] : [];
    case 'boolean':
      return true;
    case 'integer':
    case 'number': {
      const table =
        PARAM_TABLE[name] ??
        (name.endsWith('Id') ? tableFor({ path: `/api/${name.slice(0, -2)}s` } as Route, 'id') : undefined);
      return (table && idsIn(place, table)[0]) ?? Math.max(s.minimum ?? 1, 1);
    }
    default:
      if (s.format === 'date-time') return new Date(Date.now() + 3 * 86_400_000).toISOString();
      if (s.format === 'date') return new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
      return '测试'.padEnd(Math.max(s.minLength ?? 2, 2), '试');
  }
}

// ---------- the tests ----------
describe('the permission matrix', () => {
  it('has a policy for every route of the OpenAPI document, and documents every route', () => {
    const declared = new Set(t.app.policies.map((p) => `${p.method} ${p.url.replace(/:(\w+)/g, '{$1}')}`));
    const documented = new Set(routes.map((r) => `${r.method} ${r.path}`));
    expect([...documented].filter((r) => !declared.has(r))).toEqual([]);
    // The document itself is the one route left out of it.
    expect([...declared].filter((r) => !documented.has(r))).toEqual(['GET /api/openapi.json']);
    expect(documented.size).toBeGreaterThan(150);
  });

  it('refuses every route but the public ones without a session (401)', async () => {
    const anonymous = t.anonymous();
    const wrong: string[] = [];
    for (const p of t.app.policies.filter((p) => p.policy !== 'public')) {
      const url = p.url.replace(/:[a-zA-Z]+/g, '1');
      const res = await ask(anonymous, p.method, url, p.method === 'GET' ? undefined : {});
      if (res.status !== 401) wrong.push(`${p.method} ${p.url}: ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses each role every route that needs a right it does not hold (403), before reading anything', async () => {
    const wrong: string[] = [];
    let tried = 0;
    for (const a of ACTORS.filter((x, i) => ACTORS.findIndex((y) => y.role === x.role) === i)) {
      const theirs = new Set<string>(ROLE_ACTIONS[a.role]);
      const c = clients.get(a.username)!;
      for (const p of t.app.policies) {
        if (p.policy === 'public' || p.policy === 'session' || theirs.has(p.policy)) continue;
        tried++;
        const res = await ask(
          c,
          p.method,
          p.url.replace(/:[a-zA-Z]+/g, '1'),
          p.method === 'GET' ? undefined : {},
        );
        if (res.status !== 403) wrong.push(`${a.role}: ${p.method} ${p.url} (${p.policy}) → ${res.status}`);
      }
    }
    expect(tried).toBeGreaterThan(400);
    expect(wrong).toEqual([]);
  });

  it("never shows an outsider another scope's data, in lists or details; insiders see theirs", async () => {
    const leaks: string[] = [];
    const errors: string[] = [];
    const seen: Record<string, number> = {};
    for (const a of ACTORS) {
      const c = clients.get(a.username)!;
      for (const place of Object.keys(PLACES) as Place[]) {
        const mine = a.sees.includes(place);
        if (!mine && !a.outside.includes(place)) continue;
        for (const { route, url } of readsAbout(place)) {
          const res = await ask(c, 'GET', url);
          if (res.status >= 500) errors.push(`${a.username} GET ${url} → ${res.status}`);
          if (res.status !== 200) continue;
          const text = await textOf(res);
          const mark = PLACES[place].mark;
          const thing = text?.includes(mark) ?? false;
          const person = text?.includes(personMark(mark)) ?? false;
          const draft = text?.includes(draftMark(mark)) ?? false;
          const count = (key: string) => {
            seen[key] = (seen[key] ?? 0) + 1;
          };
          if (mine && (thing || person)) count(`${a.username}:${place}`);
          if (mine && draft) count(`${a.username}:${place}:draft`);
          const partly = PARTLY_PUBLIC[`GET ${route.path}`];
          const scoped = thing && (partly ? partly(text!).includes(mark) : !PUBLIC[`GET ${route.path}`]);
          if (!mine && (person || draft || scoped)) {
            const at = text!.indexOf(person ? personMark(mark) : draft ? draftMark(mark) : mark);
            leaks.push(
              `${a.username} sees ${place} in GET ${url}: …${text!.slice(Math.max(0, at - 60), at + 8)}`,
            );
          }
          if (!mine && text === null && route.path.includes('{'))
            leaks.push(`${a.username} got ${place}'s file GET ${url}`);
        }
      }
    }
    leaksFound += leaks.length;
    console.log(`insiders found their markers in: ${JSON.stringify(seen)}`);
    expect(errors).toEqual([]);
    expect(leaks).toEqual([]);
    // The marking works: each insider finds its place's things in many answers.
    for (const a of ACTORS)
      for (const place of a.sees) {
        expect(seen[`${a.username}:${place}`] ?? 0).toBeGreaterThan(10);
        // Those who run the place's projects see its draft (in the list and its own page).
        if (drafts.has(place)) expect(seen[`${a.username}:${place}:draft`] ?? 0).toBeGreaterThan(1);
      }
  }, 300_000);

  it("lets no outsider change another scope's things, and nothing changes", async () => {
    const before = await tableChecksums(t.sql, ['sessions']);
    const done: string[] = [];
    const refusals: Record<number, number> = {};
    for (const a of ACTORS)
      for (const place of a.outside)
        for (const route of routes.filter(
          (r) => r.method !== 'GET' && r.params.some((p) => p.in === 'path'),
        )) {
          if (OPEN_WRITES[`${route.method} ${route.path}`]) continue;
          const url = fill(route, place);
          if (!url) continue;
          const res = await ask(clients.get(a.username)!, route.method, url, example(route.body, place));
          refusals[res.status] = (refusals[res.status] ?? 0) + 1;
          if (res.status < 300 || res.status >= 500)
            done.push(`${a.username} ${route.method} ${url} → ${res.status} ${res.text.slice(0, 120)}`);
        }
    console.log(`outsider writes answered: ${JSON.stringify(refusals)}`);
    expect(done).toEqual([]);
    expect(await tableChecksums(t.sql, ['sessions'])).toEqual(before);
    // Most reached the scope check rather than stopping at the body's shape.
    expect((refusals[403] ?? 0) + (refusals[404] ?? 0)).toBeGreaterThan(refusals[400] ?? 0);
  }, 300_000);
});
