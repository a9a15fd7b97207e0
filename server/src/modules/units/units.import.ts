/**
 * Importing units (驻区单位): one row each; names are unique in the district. It lives with
 * the units it writes; the import machinery (reading the file, checking every row, one
 * transaction, the job) is the imports domain's, which lists this kind among its own.
 */
import { sql } from 'drizzle-orm';
import { Name, Phone } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import type { CellError, ImportDefinition } from '../imports/definitions';
import { loadRegionIndex, type RegionIndex, resolvePlace } from '../imports/regions-index';
import { unitPolicy } from './units.policy';

type Value = {
  name: string;
  kind: string;
  affiliation: string;
  regionId: number;
  address: string | null;
  contactName: string | null;
  contactPhone: string | null;
};
type Ctx = { actor: Actor; regions: RegionIndex };

const KIND: Record<string, string> = {
  机关: 'agency',
  学校: 'school',
  医院: 'hospital',
  企业: 'enterprise',
  社会组织: 'social_org',
  其他: 'other',
  agency: 'agency',
  school: 'school',
  hospital: 'hospital',
  enterprise: 'enterprise',
  'social organisation': 'social_org',
  other: 'other',
};
const AFFILIATION: Record<string, string> = {
  中央: 'central',
  中央单位: 'central',
  市属: 'municipal',
  市属单位: 'municipal',
  区属: 'district',
  区属单位: 'district',
  其他: 'other',
  central: 'central',
  municipal: 'municipal',
  district: 'district',
  other: 'other',
};

const columns = [
  {
    key: 'name',
    zh: '单位名称',
    en: 'Unit name',
    required: true,
    note: ['全称，必填，区内不重复', 'Full name, unique in the district'],
  },
  {
    key: 'kind',
    zh: '单位类型',
    en: 'Kind',
    required: true,
    note: [
      '机关 / 学校 / 医院 / 企业 / 社会组织 / 其他',
      'agency / school / hospital / enterprise / social organisation / other',
    ],
    list: [
      ['机关', '学校', '医院', '企业', '社会组织', '其他'],
      ['agency', 'school', 'hospital', 'enterprise', 'social organisation', 'other'],
    ],
  },
  {
    key: 'affiliation',
    zh: '隶属关系',
    en: 'Affiliation',
    required: true,
    note: ['中央 / 市属 / 区属 / 其他', 'central / municipal / district / other'],
    list: [
      ['中央', '市属', '区属', '其他'],
      ['central', 'municipal', 'district', 'other'],
    ],
  },
  { key: 'street', zh: '街道', en: 'Street', note: ['社区重名时填写', 'Needed when community names repeat'] },
  {
    key: 'community',
    zh: '所在社区',
    en: 'Community',
    required: true,
    note: ['单位所在社区，必填', 'Where the unit stands, required'],
  },
  { key: 'address', zh: '地址', en: 'Address', note: ['', ''] },
  { key: 'contactName', zh: '联系人', en: 'Contact', note: ['', ''] },
  { key: 'contactPhone', zh: '联系电话', en: 'Contact phone', note: ['', ''] },
] as const satisfies ImportDefinition<Value, Ctx>['columns'];

type Key = (typeof columns)[number]['key'];
const header = Object.fromEntries(columns.map((c) => [c.key, c.zh])) as Record<Key, string>;

export const unitsImport: ImportDefinition<Value, Ctx> = {
  kind: 'units',
  columns: [...columns],
  example: {
    name: '石景山区第二实验小学',
    kind: '学校',
    affiliation: '区属',
    street: '八角街道',
    community: '八角北路社区',
    address: '八角北路12号',
    contactName: '李老师',
    contactPhone: '13800002222',
  },
  prepare: async (tx, actor) => ({ actor, regions: await loadRegionIndex(tx, actor) }),
  row(ctx, c) {
    const errors: CellError[] = [];
    const need = (key: Key) => {
      if (!c[key]) errors.push({ column: header[key], key: 'import_required' });
      return c[key] ?? '';
    };
    const name = Name.safeParse(need('name'));
    if (c.name && !name.success) errors.push({ column: header.name, key: 'import_invalid' });
    const kind = KIND[need('kind').toLowerCase()];
    if (c.kind && !kind)
      errors.push({ column: header.kind, key: 'import_unknown_value', params: { value: c.kind } });
    const affiliation = AFFILIATION[need('affiliation').toLowerCase()];
    if (c.affiliation && !affiliation) {
      errors.push({
        column: header.affiliation,
        key: 'import_unknown_value',
        params: { value: c.affiliation },
      });
    }
    const place = need('community')
      ? resolvePlace(
          ctx.regions,
          { street: c.street ?? '', community: c.community!, building: '', entrance: '' },
          {
            ...header,
            building: '',
            entrance: '',
          },
        )
      : null;
    if (place?.errors) errors.push(...place.errors);
    if (place?.node && !unitPolicy.place(ctx.actor, place.node.path)) {
      errors.push({ column: header.community, key: 'import_outside_scope' });
    }
    if (c.contactPhone && !Phone.safeParse(c.contactPhone).success) {
      errors.push({ column: header.contactPhone, key: 'import_invalid' });
    }
    if ((c.address ?? '').length > 200) errors.push({ column: header.address, key: 'import_invalid' });
    if (errors.length) return { errors };
    return {
      value: {
        name: name.data!,
        kind: kind!,
        affiliation: affiliation!,
        regionId: place!.node!.id,
        address: c.address || null,
        contactName: c.contactName || null,
        contactPhone: c.contactPhone || null,
      },
    };
  },
  async crossCheck(tx, ctx, values) {
    const out: { index: number; error: CellError }[] = [];
    const seen = new Map<string, number>();
    values.forEach((v, i) => {
      const first = seen.get(v.name);
      if (first !== undefined)
        out.push({
          index: i,
          error: { column: header.name, key: 'import_duplicate_in_file', params: { row: first + 2 } },
        });
      else seen.set(v.name, i);
    });
    const { rows } = await tx.execute<{
      name: string;
    }>(sql`SELECT name FROM units WHERE district_id = ${ctx.actor.districtId}
      AND name IN (SELECT jsonb_array_elements_text(${JSON.stringify([...seen.keys()])}::jsonb))`);
    for (const r of rows)
      out.push({ index: seen.get(r.name)!, error: { column: header.name, key: 'import_exists' } });
    return out;
  },
  async write(client, actor, values) {
    for (let i = 0; i < values.length; i += 1000) {
      const chunk = values.slice(i, i + 1000);
      const params: unknown[] = [];
      const tuples = chunk.map((v) => {
        const base = params.length;
        params.push(
          actor.districtId,
          v.regionId,
          v.name,
          v.kind,
          v.affiliation,
          v.address,
          v.contactName,
          v.contactPhone,
        );
        return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}::unit_kind, $${base + 5}::affiliation, $${base + 6}, $${base + 7}, $${base + 8})`;
      });
      await client.query(
        `INSERT INTO units (district_id, region_id, name, kind, affiliation, address, contact_name, contact_phone) VALUES ${tuples.join(',')}`,
        params,
      );
    }
    return values.length;
  },
};
