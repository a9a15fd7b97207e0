/**
 * Importing people: residents and Party members, one row each, written with COPY. It lives
 * with the people it writes; the import machinery (reading the file, checking every row,
 * one transaction, the job) is the imports domain's, which lists this kind among its own.
 */
import { sql } from 'drizzle-orm';
import { from as copyFrom } from 'pg-copy-streams';
import { Name, Phone } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { type CellError, csvField, type ImportDefinition, pgArray, splitList } from '../imports/definitions';
import { loadRegionIndex, type RegionIndex, resolvePlace } from '../imports/regions-index';
import { partyOrgPolicy } from '../party-orgs/party-orgs.policy';
import { districtOrgs } from '../party-orgs/party-orgs.queries';
import { memberPolicy } from './members.policy';

type Value = {
  name: string;
  gender: 'male' | 'female';
  birthYear: number | null;
  phone: string | null;
  idNumber: string | null;
  homeRegionId: number;
  specialties: string[];
  tags: string[];
  partyOrgId: number | null;
  partyStatus: 'in_service' | 'retired' | null;
  partySince: string | null;
};

type Ctx = {
  actor: Actor;
  regions: RegionIndex;
  specialties: Map<string, string>;
  orgs: Map<string, { id: number; path: string; unitId: number | null }>;
};

const GENDER: Record<string, 'male' | 'female'> = {
  男: 'male',
  女: 'female',
  male: 'male',
  female: 'female',
  m: 'male',
  f: 'female',
};
const STATUS: Record<string, 'in_service' | 'retired'> = {
  在职: 'in_service',
  在职党员: 'in_service',
  离退休: 'retired',
  退休: 'retired',
  离退休党员: 'retired',
  'in service': 'in_service',
  in_service: 'in_service',
  retired: 'retired',
};

/** GB 11643: the 18th character checks the other seventeen. */
export function validIdNumber(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...id.slice(0, 17)].reduce((s, c, i) => s + Number(c) * weights[i]!, 0);
  return '10X98765432'[sum % 11] === id[17];
}

const columns = [
  { key: 'name', zh: '姓名', en: 'Name', required: true, note: ['中文姓名，必填', 'Full name, required'] },
  {
    key: 'gender',
    zh: '性别',
    en: 'Gender',
    required: true,
    note: ['男 / 女', 'male / female'],
    list: [
      ['男', '女'],
      ['male', 'female'],
    ],
  },
  {
    key: 'birthYear',
    zh: '出生年份',
    en: 'Birth year',
    note: ['四位数字，如 1965', 'Four digits, e.g. 1965'],
  },
  {
    key: 'phone',
    zh: '手机号',
    en: 'Phone',
    note: ['11 位手机号或带区号的固定电话', 'Mobile (11 digits) or landline'],
  },
  {
    key: 'idNumber',
    zh: '身份证号',
    en: 'ID number',
    note: ['18 位居民身份证号', '18-character resident ID number'],
  },
  { key: 'street', zh: '街道', en: 'Street', note: ['社区重名时填写', 'Needed when community names repeat'] },
  {
    key: 'community',
    zh: '社区',
    en: 'Community',
    required: true,
    note: ['居住的社区名称，必填', 'Home community, required'],
  },
  { key: 'building', zh: '楼', en: 'Building', note: ['如 3号楼 或 3', 'e.g. 3号楼 or 3'] },
  { key: 'entrance', zh: '楼门', en: 'Entrance', note: ['如 2单元 或 2', 'e.g. 2单元 or 2'] },
  {
    key: 'specialties',
    zh: '特长',
    en: 'Specialties',
    note: ['多个用顿号分隔，如 医疗卫生、法律咨询', 'Separated by commas'],
  },
  {
    key: 'tags',
    zh: '标签',
    en: 'Tags',
    note: ['自由标签，多个用顿号分隔', 'Free tags, separated by commas'],
  },
  {
    key: 'partyOrg',
    zh: '所属党组织',
    en: 'Party organisation',
    note: ['党员填写党组织全称', 'Full name, for Party members'],
  },
  {
    key: 'partyStatus',
    zh: '党员类别',
    en: 'Member status',
    note: ['在职 / 离退休', 'in service / retired'],
    list: [
      ['在职', '离退休'],
      ['in service', 'retired'],
    ],
  },
  { key: 'partySince', zh: '入党日期', en: 'Party member since', note: ['YYYY-MM-DD', 'YYYY-MM-DD'] },
] as const satisfies ImportDefinition<Value, Ctx>['columns'];

type Key = (typeof columns)[number]['key'];
const header = Object.fromEntries(columns.map((c) => [c.key, c.zh])) as Record<Key, string>;

export const membersImport: ImportDefinition<Value, Ctx> = {
  kind: 'members',
  columns: [...columns],
  example: {
    name: '王秀兰',
    gender: '女',
    birthYear: '1958',
    phone: '13800001234',
    idNumber: '',
    street: '八角街道',
    community: '八角北路社区',
    building: '3号楼',
    entrance: '2单元',
    specialties: '医疗卫生、心理疏导',
    tags: '楼门长',
    partyOrg: '八角北路社区党委',
    partyStatus: '离退休',
    partySince: '1982-07-01',
  },

  async prepare(tx, actor) {
    // One connection (the import's transaction): one query at a time.
    const regions = await loadRegionIndex(tx, actor);
    const specs = await tx.execute<{ code: string; name_zh: string; name_en: string }>(
      sql`SELECT code, name_zh, name_en FROM specialties`,
    );
    const orgs = await tx.execute<{ id: number; name: string; path: string; unit_id: number | null }>(sql`
      SELECT o.id, o.name, r.path::text AS path, o.unit_id FROM (${districtOrgs(actor.districtId)}) o
        JOIN regions r ON r.district_id = o.district_id AND r.id = o.region_id`);
    const specialties = new Map<string, string>();
    for (const s of specs.rows)
      for (const k of [s.code, s.name_zh, s.name_en.toLowerCase()]) specialties.set(k, s.code);
    return {
      actor,
      regions,
      specialties,
      orgs: new Map(orgs.rows.map((o) => [o.name, { id: o.id, path: o.path, unitId: o.unit_id }])),
    };
  },

  row(ctx, c) {
    const errors: CellError[] = [];
    const need = (key: Key) => {
      if (!c[key]) errors.push({ column: header[key], key: 'import_required' });
      return c[key] ?? '';
    };
    const name = Name.safeParse(need('name'));
    if (c.name && !name.success) errors.push({ column: header.name, key: 'import_invalid' });
    const gender = GENDER[need('gender').toLowerCase()];
    if (c.gender && !gender) errors.push({ column: header.gender, key: 'import_invalid' });
    let birthYear: number | null = null;
    if (c.birthYear) {
      birthYear = Number(c.birthYear);
      if (!Number.isInteger(birthYear) || birthYear < 1900 || birthYear > new Date().getFullYear()) {
        errors.push({ column: header.birthYear, key: 'import_invalid' });
      }
    }
    if (c.phone && !Phone.safeParse(c.phone).success)
      errors.push({ column: header.phone, key: 'import_invalid' });
    const idNumber = c.idNumber ? c.idNumber.toUpperCase() : null;
    if (idNumber && !validIdNumber(idNumber))
      errors.push({ column: header.idNumber, key: 'import_bad_id_number' });
    const place = need('community')
      ? resolvePlace(
          ctx.regions,
          {
            street: c.street ?? '',
            community: c.community!,
            building: c.building ?? '',
            entrance: c.entrance ?? '',
          },
          header,
        )
      : null;
    if (place?.errors) errors.push(...place.errors);
    if (place?.node && !memberPolicy.house(ctx.actor, place.node.path)) {
      errors.push({ column: header.community, key: 'import_outside_scope' });
    }
    const specialties: string[] = [];
    for (const s of splitList(c.specialties ?? '')) {
      const code = ctx.specialties.get(s) ?? ctx.specialties.get(s.toLowerCase());
      if (code) specialties.push(code);
      else errors.push({ column: header.specialties, key: 'unknown_specialty', params: { code: s } });
    }
    const tags = splitList(c.tags ?? '');
    if (tags.length > 10 || tags.some((t) => t.length > 20))
      errors.push({ column: header.tags, key: 'import_invalid' });
    let party: Pick<Value, 'partyOrgId' | 'partyStatus' | 'partySince'> = {
      partyOrgId: null,
      partyStatus: null,
      partySince: null,
    };
    if (c.partyOrg || c.partyStatus || c.partySince) {
      const org = ctx.orgs.get(need('partyOrg'));
      if (c.partyOrg && !org)
        errors.push({ column: header.partyOrg, key: 'import_unknown_org', params: { name: c.partyOrg } });
      if (org && !partyOrgPolicy.read(ctx.actor, org)) {
        errors.push({ column: header.partyOrg, key: 'import_outside_scope' });
      }
      const status = STATUS[need('partyStatus').toLowerCase()];
      if (c.partyStatus && !status) errors.push({ column: header.partyStatus, key: 'import_invalid' });
      const since = need('partySince');
      if (since && (!/^\d{4}-\d{2}-\d{2}$/.test(since) || Number.isNaN(Date.parse(since)))) {
        errors.push({ column: header.partySince, key: 'import_invalid' });
      }
      party = { partyOrgId: org?.id ?? null, partyStatus: status ?? null, partySince: since };
    }
    if (errors.length) return { errors };
    return {
      value: {
        name: name.data!,
        gender: gender!,
        birthYear,
        phone: c.phone || null,
        idNumber,
        homeRegionId: place!.node!.id,
        specialties: [...new Set(specialties)],
        tags,
        ...party,
      },
    };
  },

  async crossCheck(tx, ctx, values) {
    const out: { index: number; error: CellError }[] = [];
    const seen = new Map<string, number>();
    values.forEach((v, i) => {
      if (!v.idNumber) return;
      const first = seen.get(v.idNumber);
      if (first !== undefined)
        out.push({
          index: i,
          error: { column: header.idNumber, key: 'import_duplicate_in_file', params: { row: first + 2 } },
        });
      else seen.set(v.idNumber, i);
    });
    const ids = [...seen.keys()];
    if (ids.length) {
      const { rows } = await tx.execute<{ id_number: string }>(sql`SELECT id_number FROM people
        WHERE district_id = ${ctx.actor.districtId}
          AND id_number IN (SELECT jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`);
      for (const r of rows)
        out.push({ index: seen.get(r.id_number)!, error: { column: header.idNumber, key: 'import_exists' } });
    }
    return out;
  },

  async write(client, actor, values) {
    const stream = client.query(
      copyFrom(`COPY people (district_id, name, gender, birth_year, phone, id_number, home_region_id, specialties, tags,
                 party_org_id, party_status, party_since) FROM STDIN (FORMAT csv)`),
    );
    const done = new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
    });
    let chunk = '';
    for (const v of values) {
      chunk += `${[
        actor.districtId,
        csvField(v.name),
        v.gender,
        v.birthYear ?? '',
        csvField(v.phone),
        csvField(v.idNumber),
        v.homeRegionId,
        csvField(pgArray(v.specialties)),
        csvField(pgArray(v.tags)),
        v.partyOrgId ?? '',
        v.partyStatus ?? '',
        v.partySince ?? '',
      ].join(',')}\n`;
      if (chunk.length > 1 << 16) {
        if (!stream.write(chunk)) await new Promise((r) => stream.once('drain', r));
        chunk = '';
      }
    }
    stream.end(chunk);
    await done;
    return values.length;
  },
};
