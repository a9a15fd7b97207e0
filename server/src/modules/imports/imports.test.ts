import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestContext } from '../../../test/harness';
import { validIdNumber } from '../members/members.import';

let t: TestContext;
let street: Client;

beforeAll(async () => {
  t = await startTestApp();
  street = await t.as('street_admin');
});
afterAll(() => t.close());

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('data');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(c: Client, kind: string, file: Buffer, name: string, lang = 'zh-CN') {
  const res = await c.request('POST', `/api/imports/${kind}`, file, {
    'content-type': name.endsWith('.csv')
      ? 'text/csv'
      : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'x-file-name': encodeURIComponent(name),
    'accept-language': lang,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  for (let i = 0; i < 300; i++) {
    const job = await c.request('GET', `/api/imports/${res.body.id}`, undefined, { 'accept-language': lang });
    if (['done', 'failed'].includes(job.body.status)) return job.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

const HEADER = [
  '姓名*',
  '性别*',
  '出生年份',
  '手机号',
  '身份证号',
  '街道',
  '社区*',
  '楼',
  '楼门',
  '特长',
  '标签',
  '所属党组织',
  '党员类别',
  '入党日期',
];
const person = (i: number): (string | number)[] => [
  `导入测试${i}`,
  i % 2 ? '男' : '女',
  1950 + (i % 50),
  `139${String(10000000 + i)}`,
  '',
  '八角街道',
  '八角北路社区',
  `${1 + (i % 5)}号楼`,
  '1单元',
  i % 3 ? '医疗卫生、法律咨询' : '',
  '',
  i % 4 ? '' : '八角北路社区党委',
  i % 4 ? '' : '离退休',
  i % 4 ? '' : '1980-07-01',
];
const count = async (like: string) =>
  (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM people WHERE name LIKE $1', [like]))[0]!.n;

describe('importing people', () => {
  it('refuses a file of 1,000 rows with one bad row: nothing is written, and the row and column are named', async () => {
    const rows = [HEADER, ...Array.from({ length: 1000 }, (_, i) => person(i))];
    rows[501]![1] = '未知'; // gender, spreadsheet row 502
    rows[700]![6] = '不存在社区'; // community, spreadsheet row 701
    const job = await upload(street, 'members', await xlsx(rows), '人员.xlsx');
    expect(job.status).toBe('failed');
    expect(job.written).toBe(0);
    expect(job.errors).toEqual([
      { row: 502, column: '性别', message: '格式不正确' },
      { row: 701, column: '社区', message: '找不到“不存在社区”' },
    ]);
    expect(await count('导入测试%')).toBe(0);
  });

  it('reports errors in English when asked', async () => {
    const job = await upload(
      street,
      'members',
      await xlsx([HEADER, ['', '男', '', '', '', '', '八角北路社区']]),
      'x.xlsx',
      'en',
    );
    expect(job.errors).toEqual([{ row: 2, column: '姓名', message: 'Required' }]);
  });

  it('writes all 1,000 rows of a good file in one go, with homes, specialties and memberships', async () => {
    const rows = [HEADER, ...Array.from({ length: 1000 }, (_, i) => person(i))];
    const job = await upload(street, 'members', await xlsx(rows), '人员.xlsx');
    expect(job).toMatchObject({ status: 'done', total: 1000, written: 1000, errorCount: 0 });
    expect(await count('导入测试%')).toBe(1000);
    const found = await street.get(`/api/members?q=${encodeURIComponent('导入测试12')}`);
    const p12 = found.body.items.find((m: any) => m.name === '导入测试12');
    expect(p12).toMatchObject({
      homeLabel: '八角北路社区 3号楼 1单元',
      membership: { orgName: '八角北路社区党委', status: 'retired' },
    });
    const found13 = await street.get(`/api/members?q=${encodeURIComponent('导入测试13')}`);
    const p13 = found13.body.items.find((m: any) => m.name === '导入测试13');
    expect(p13.specialties).toEqual(['medical', 'legal']);
    const audit = await t.sql("SELECT after FROM audit_log WHERE action = 'import.members'");
    expect(audit).toEqual([{ after: { rows: 1000 } }]);
  });

  it('refuses rows outside the scope, duplicate ID numbers, and bad check digits', async () => {
    const id = '110107198001011230';
    expect(validIdNumber(id)).toBe(true);
    const rows = [
      HEADER,
      ['甲', '男', '', '', id, '', '八角北路社区'],
      ['乙', '女', '', '', id, '', '八角北路社区'],
      ['丙', '女', '', '', '110107198001011231', '', '八角北路社区'],
      ['丁', '男', '', '', '', '古城街道', '古城南路东社区'],
    ];
    const job = await upload(street, 'members', await xlsx(rows), 'x.xlsx');
    expect(job.errors).toEqual([
      { row: 4, column: '身份证号', message: '身份证号无效（校验位不符）' },
      { row: 5, column: '社区', message: '超出您的管辖范围' },
    ]);
    const dup = await upload(street, 'members', await xlsx(rows.slice(0, 3)), 'x.xlsx');
    expect(dup.errors).toEqual([{ row: 3, column: '身份证号', message: '与第 2 行重复' }]);
  });

  it('reads UTF-8 CSV and says which required columns are missing', async () => {
    const csv = Buffer.from(`\uFEFF姓名,性别,社区\n陈晓燕,女,八角中里社区\n`);
    const job = await upload(street, 'members', csv, 'people.csv');
    expect(job).toMatchObject({ status: 'done', written: 1 });
    const bad = await upload(street, 'members', Buffer.from('姓名,年龄\n张三,30\n'), 'bad.csv');
    expect(bad.errors[0]).toMatchObject({ row: 1, message: '缺少必需的列：性别、社区' });
  });

  it('serves a template that imports back as it is', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/imports/templates/members',
      headers: { cookie: street.cookie!, 'accept-language': 'zh-CN' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(1).values).toContain('姓名*');
    const job = await upload(street, 'members', res.rawPayload, 'template.xlsx');
    expect(job).toMatchObject({ status: 'done', written: 1 });
  });

  it('keeps imports to those who may run them, and jobs to their owner', async () => {
    const member = await t.as('member');
    const res = await member.request('POST', '/api/imports/members', Buffer.from('a,b\n'), {
      'content-type': 'text/csv',
    });
    expect(res.status).toBe(403);
    const [job] = await t.sql<{ id: number }>('SELECT id FROM imports LIMIT 1');
    const district = await t.as('district_admin');
    expect((await district.get(`/api/imports/${job!.id}`)).status).toBe(404);
    // Nor is another's job in their list, organiser over them though they are.
    expect((await district.get('/api/imports?pageSize=100')).body.items.map((j: any) => j.id)).not.toContain(
      job!.id,
    );
  });
});

describe('importing units', () => {
  it('imports units with kinds and affiliations in Chinese, refusing duplicates', async () => {
    const header = ['单位名称', '单位类型', '隶属关系', '街道', '所在社区', '地址', '联系人', '联系电话'];
    const good = await upload(
      street,
      'units',
      await xlsx([
        header,
        ['八角新星幼儿园', '学校', '区属', '', '八角北路社区', '八角北路1号', '王园长', '13800003333'],
      ]),
      'units.xlsx',
    );
    expect(good).toMatchObject({ status: 'done', written: 1 });
    const again = await upload(
      street,
      'units',
      await xlsx([header, ['八角新星幼儿园', '学校', '区属', '', '八角北路社区']]),
      'u.xlsx',
    );
    expect(again.errors).toEqual([{ row: 2, column: '单位名称', message: '系统中已存在' }]);
    const list = await street.get(`/api/units?q=${encodeURIComponent('新星')}`);
    expect(list.body.items[0]).toMatchObject({
      kind: 'school',
      affiliation: 'district',
      regionName: '八角北路社区',
    });
  });
});
