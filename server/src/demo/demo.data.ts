/**
 * The demo district: 石景山区 with its nine real streets (codes from the national
 * administrative division list) and realistic communities. Buildings and entrances
 * are generated from a fixed seed, so every run builds the same tree.
 */
export const DEMO_PASSWORD = 'gongjian-demo';

export const DISTRICT = { name: '石景山区', code: '110107' };

export const STREETS: { name: string; code: string; communities: string[] }[] = [
  {
    name: '八宝山街道',
    code: '110107001',
    communities: ['玉泉西里社区', '永乐东小区社区', '杨庄北区社区', '四季园社区', '沁园社区'],
  },
  {
    name: '老山街道',
    code: '110107002',
    communities: ['老山东里社区', '老山东里北社区', '老山西里社区', '玉泉西路社区', '京源路社区'],
  },
  {
    name: '八角街道',
    code: '110107003',
    communities: ['八角北路社区', '八角中里社区', '黄南苑社区', '古城路社区', '杨庄中区社区', '八角南路社区'],
  },
  {
    name: '古城街道',
    code: '110107004',
    communities: ['古城南路东社区', '古城北路社区', '特钢社区', '水泥厂社区', '西山枫林社区'],
  },
  {
    name: '苹果园街道',
    code: '110107005',
    communities: ['苹果园一区社区', '苹果园二区社区', '海特花园社区', '西黄村社区', '八大处社区'],
  },
  {
    name: '金顶街街道',
    code: '110107006',
    communities: ['金顶街一社区', '金顶街二社区', '金顶街三社区', '模式口东里社区', '模式口西里社区'],
  },
  {
    name: '广宁街道',
    code: '110107009',
    communities: ['广宁村社区', '高井路社区', '新立街社区', '麻峪社区'],
  },
  {
    name: '五里坨街道',
    code: '110107010',
    communities: ['五里坨社区', '隆恩寺社区', '东街社区', '南宫社区'],
  },
  {
    name: '鲁谷街道',
    code: '110107011',
    communities: ['重聚园社区', '五芳园社区', '碣石坪社区', '依翠园社区', '七星园社区'],
  },
];

/** One account per role of SPEC §2; `home` and `at` name nodes by code. */
export const DEMO_ACCOUNTS = [
  { username: 'district_admin', displayName: '王建华', role: 'district_admin', at: '110107', home: '110107' },
  {
    username: 'street_admin',
    displayName: '李秀英',
    role: 'street_admin',
    at: '110107003',
    home: '110107003',
  },
  {
    username: 'community_worker',
    displayName: '张丽',
    role: 'community_worker',
    at: '110107003001',
    home: '110107003001',
  },
  {
    username: 'unit_contact',
    displayName: '刘志强',
    role: 'unit_contact',
    at: '110107003001',
    home: '110107003001',
  },
  {
    username: 'member',
    displayName: '张建国',
    role: 'party_member',
    at: '110107003001',
    home: '110107003001-03-2',
  },
  {
    username: 'resident',
    displayName: '陈桂兰',
    role: 'resident',
    at: '110107003001',
    home: '110107003001-05-1',
  },
  { username: 'lecturer', displayName: '赵明远', role: 'lecturer', at: '110107', home: '110107' },
] as const;

/** Street admins of the other streets, so each street has someone to run it. */
export const STREET_ADMIN_NAMES = [
  '周海燕',
  '吴国庆',
  '李秀英',
  '郑春梅',
  '孙立军',
  '黄淑珍',
  '何志刚',
  '高玉兰',
  '马文斌',
];

/** A small deterministic generator (mulberry32): the same tree on every machine. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
