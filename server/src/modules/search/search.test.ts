import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchGroup, SearchKind } from '../../../../contract';
import { type Client, startTestApp, type TestContext } from '../../../test/harness';

let t: TestContext;
let cw: Client; // 张丽, community worker of 八角北路社区
let bajiaoNorth: number;
let person: { id: number; name: string };
let unit: { id: number; name: string };
let project: { id: number; title: string };
const soon = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

const find = async (c: Client, q: string) => {
  const res = await c.get(`/api/search?q=${encodeURIComponent(q)}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.groups as SearchGroup[];
};
const group = (groups: SearchGroup[], kind: SearchKind) => groups.find((g) => g.kind === kind);
const ids = (groups: SearchGroup[], kind: SearchKind) => group(groups, kind)?.items.map((i) => i.id) ?? [];

beforeAll(async () => {
  t = await startTestApp();
  cw = await t.as('community_worker');
  bajiaoNorth = await t.region('110107003001');
  const made = await cw.post('/api/members', {
    name: '皇甫晓岚',
    gender: 'female',
    homeRegionId: bajiaoNorth,
  });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  person = made.body;
  const u = await cw.post('/api/units', {
    regionId: bajiaoNorth,
    name: '京西银杏数码科技有限公司',
    kind: 'enterprise',
    affiliation: 'other',
  });
  expect(u.status, JSON.stringify(u.body)).toBe(201);
  unit = u.body;
  // A draft: its organisers' until published.
  const p = await cw.post('/api/projects', {
    title: '银杏树下共读会',
    regionId: bajiaoNorth,
    startsAt: soon(3),
    endsAt: soon(4),
    roles: [{ kind: 'custom', name: '领读人', slots: 2 }],
  });
  expect(p.status, JSON.stringify(p.body)).toBe(201);
  project = p.body;
});
afterAll(() => t.close());

describe('the search in the header', () => {
  it('finds a person, a unit and a project by characters from the middle of their names, grouped by kind', async () => {
    const people = await find(cw, '甫晓');
    expect(group(people, 'person')?.items).toEqual([
      {
        id: person.id,
        title: '皇甫晓岚',
        subtitle: expect.stringContaining('八角北路社区'),
        link: `/members?q=${encodeURIComponent('皇甫晓岚')}`,
      },
    ]);
    // One character is "contains" too.
    expect(ids(await find(cw, '晓'), 'person')).toContain(person.id);
    // Three and more characters: the trigram path.
    expect(ids(await find(cw, '甫晓岚'), 'person')).toEqual([person.id]);

    const both = await find(cw, '银杏');
    expect(group(both, 'unit')?.items).toContainEqual({
      id: unit.id,
      title: '京西银杏数码科技有限公司',
      subtitle: '八角北路社区',
      link: `/units?q=${encodeURIComponent('京西银杏数码科技有限公司')}`,
    });
    expect(group(both, 'project')?.items).toContainEqual({
      id: project.id,
      title: '银杏树下共读会',
      subtitle: '八角北路社区',
      link: `/projects/${project.id}`,
    });
    // The groups come in one order, each with its list filtered by the same text.
    expect(both.map((g) => g.kind)).toEqual(['unit', 'project']);
    expect(group(both, 'project')?.link).toBe(`/projects?q=${encodeURIComponent('银杏')}`);
    expect(ids(await find(cw, '树下共'), 'project')).toEqual([project.id]);
  });

  it('finds facilities, teams and needs of the district by part of their names', async () => {
    const [facility] = await t.sql<{ id: number; name: string }>(
      "SELECT id, name FROM facilities WHERE name = '北京市石景山医院健康教育室'",
    );
    expect(ids(await find(cw, '医院健康'), 'facility')).toContain(facility!.id);
    const [team] = await t.sql<{ id: number; name: string }>(
      'SELECT id, name FROM teams WHERE region_id = $1 ORDER BY id LIMIT 1',
      [bajiaoNorth],
    );
    const middle = team!.name.slice(2, 6);
    const teams = group(await find(cw, middle), 'team');
    expect(teams?.items.map((i) => i.id)).toContain(team!.id);
    expect(teams?.items.find((i) => i.id === team!.id)?.link).toBe(`/teams/${team!.id}`);

    const resident = await t.as('resident');
    const need = await resident.post('/api/needs', { title: '楼前梧桐枝杈修剪', category: 'environment' });
    expect(need.status, JSON.stringify(need.body)).toBe(201);
    // Its community's organiser finds it, and so does the resident who raised it.
    for (const c of [cw, resident]) {
      const needs = group(await find(c, '梧桐枝'), 'need');
      expect(needs?.items).toEqual([
        {
          id: need.body.id,
          title: '楼前梧桐枝杈修剪',
          subtitle: '八角北路社区',
          link: `/needs/${need.body.id}`,
        },
      ]);
    }
    expect(group(await find(resident, '梧桐枝'), 'need')?.link).toBe('/me/needs');
    // A Party member of the same community did not raise it and does not decide it.
    expect(group(await find(await t.as('member'), '梧桐枝'), 'need')).toBeUndefined();
  });

  it("shows another street's admin none of them, and the own street's admin all of them", async () => {
    const other = await t.as('street_110107001'); // 八宝山街道
    for (const q of ['甫晓', '银杏', '树下共']) {
      const groups = await find(other, q);
      expect(ids(groups, 'person')).not.toContain(person.id);
      expect(ids(groups, 'unit')).not.toContain(unit.id);
      expect(ids(groups, 'project')).not.toContain(project.id); // a draft is its organisers'
    }
    const own = await t.as('street_admin'); // 八角街道
    expect(ids(await find(own, '甫晓'), 'person')).toContain(person.id);
    expect(ids(await find(own, '银杏'), 'unit')).toContain(unit.id);
    expect(ids(await find(own, '银杏'), 'project')).toContain(project.id);
  });

  it('shows a resident no people and no units, and a project once it is published', async () => {
    const resident = await t.as('resident');
    expect(await find(resident, '甫晓')).toEqual([]);
    expect(await find(resident, '银杏')).toEqual([]);
    // Not even her own record: a resident has no list of people.
    expect(group(await find(resident, '陈桂兰'), 'person')).toBeUndefined();
    const published = await cw.post(`/api/projects/${project.id}/transition`, { to: 'published' });
    expect(published.status).toBe(200);
    expect((await find(resident, '银杏')).map((g) => g.kind)).toEqual(['project']);
    // Published, it is public in the district, as the list of projects shows it.
    expect(ids(await find(await t.as('street_110107001'), '银杏'), 'project')).toContain(project.id);
    for (const who of ['member', 'lecturer']) {
      const groups = await find(await t.as(who), '甫晓');
      expect(group(groups, 'person'), who).toBeUndefined();
    }
  });

  it('shows the first five of a kind and says there are more', async () => {
    for (const name of ['公孙一鸣', '公孙二鸣', '公孙三鸣', '公孙四鸣', '公孙五鸣', '公孙六鸣']) {
      const res = await cw.post('/api/members', { name, gender: 'male', homeRegionId: bajiaoNorth });
      expect(res.status).toBe(201);
    }
    const people = group(await find(cw, '公孙'), 'person');
    expect(people?.items).toHaveLength(5);
    expect(people?.items.every((i) => i.title.includes('公孙'))).toBe(true);
    expect(people?.more).toBe(true);
    expect(people?.link).toBe(`/members?q=${encodeURIComponent('公孙')}`);
    expect(group(await find(cw, '甫晓'), 'person')?.more).toBe(false);
  });

  it('takes the text as text: wildcards match only themselves', async () => {
    expect(await find(cw, '%')).toEqual([]);
    expect(await find(cw, '_')).toEqual([]);
    expect(await find(cw, '\\')).toEqual([]);
    // Spaces around the text are not part of it.
    expect(ids(await find(cw, '  甫晓  '), 'person')).toEqual([person.id]);
  });

  it('refuses a reader without a session (401) and text that is empty or too long (400)', async () => {
    const anonymous = await t.anonymous().get('/api/search?q=%E9%93%B6%E6%9D%8F');
    expect(anonymous.status).toBe(401);
    for (const url of [
      '/api/search',
      '/api/search?q=',
      '/api/search?q=%20%20%20',
      `/api/search?q=${encodeURIComponent('银'.repeat(51))}`,
      '/api/search?q=%00',
      '/api/search?q=a&q=b',
      '/api/search?q=%E9%93%B6&kind=person',
    ]) {
      const res = await cw.get(url);
      expect(res.status, url).toBe(400);
      expect(res.body.error.code, url).toBeTruthy();
      expect(res.body.error.message, url).toBeTruthy();
    }
    expect((await cw.get(`/api/search?q=${encodeURIComponent('银'.repeat(50))}`)).status).toBe(200);
  });
});
