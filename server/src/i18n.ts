/** Server-side messages, zh-CN first. The web console sends Accept-Language. */
export type Locale = 'zh-CN' | 'en';

const messages = {
  bad_request: ['请求无效', 'Bad request'],
  validation: ['输入有误', 'Invalid input'],
  bad_value: ['数值无效', 'Invalid value'],
  unauthorized: ['请先登录', 'Please log in'],
  session_expired: ['会话已过期，请重新登录', 'Your session has expired; please log in again'],
  bad_credentials: ['用户名或密码错误', 'Wrong username or password'],
  account_locked: [
    '登录失败次数过多，账号已锁定，请于 {minutes} 分钟后再试',
    'Too many failed logins: the account is locked; try again in {minutes} minutes',
  ],
  account_disabled: ['账号已停用', 'This account is disabled'],
  rate_limited: ['请求过于频繁，请稍后再试', 'Too many requests; please try again later'],
  csrf: ['安全校验失败，请刷新页面后重试', 'Security check failed; reload the page and try again'],
  wrong_password: ['当前密码不正确', 'The current password is wrong'],
  forbidden: ['无权执行此操作', 'You are not allowed to do this'],
  out_of_scope: ['超出您的管辖范围', 'This is outside your area of responsibility'],
  not_found: ['未找到', 'Not found'],
  route_not_found: ['接口不存在', 'No such API route'],
  conflict: ['与现有数据冲突', 'Conflicts with existing data'],
  duplicate: ['已存在相同的记录', 'A record like this already exists'],
  overlap: ['时间段与已有记录重叠', 'The time overlaps an existing record'],
  retry: ['并发冲突，请重试', 'Concurrent change; please try again'],
  reference_broken: ['引用的记录不存在或仍被使用', 'A referenced record is missing or still in use'],
  rule_broken: ['不符合业务规则', 'Breaks a rule of the data'],
  internal: ['服务器内部错误', 'Internal server error'],
  region_parent_kind: [
    '{kind} 只能挂在 {parentKind} 之下',
    'A {kind} can only be placed under a {parentKind}',
  ],
  region_leaf: ['楼门之下不能再添加节点', 'Nothing can be added below an entrance'],
  region_retired: ['该节点已撤销', 'This node is retired'],
  region_parent_retired: ['上级节点已撤销', 'The parent node is retired'],
  region_move_into_self: ['不能移到自身或其下级之下', 'A node cannot move under itself'],
  region_is_scope_root: ['不能修改您管辖范围的根节点', 'The root of your own area cannot be changed here'],
  region_other_district: ['不能跨区移动', 'A node cannot move to another district'],
  role_region_kind: ['角色 {role} 不能设在{kind}一级', 'Role {role} cannot be held at a {kind}'],
  role_too_high: ['您不能授予该角色', 'You cannot grant this role'],
  self_lockout: ['不能停用自己的账号', 'You cannot disable your own account'],
  org_parent_cycle: ['上级党组织不能是其自身或下级', 'A Party organisation cannot sit under itself'],
  org_region_kind: ['该类党组织应设在{kind}一级', 'This kind of Party organisation belongs at a {kind}'],
  org_needs_unit: ['单位党组织必须指明所属单位', 'A unit Party organisation must name its unit'],
  org_unit_region: ['党组织所在区域应与单位一致', "The organisation's region must be its unit's"],
  person_home_kind: ['居住地应为社区、楼或楼门', 'A home must be a community, building or entrance'],
  unknown_specialty: ['未知的特长：{code}', 'Unknown specialty: {code}'],
  registration_not_in_service: [
    '只有在职党员需要到社区报到',
    'Only in-service Party members register with a community',
  ],
  registration_not_community: ['报到的对象必须是社区', 'Registration is with a community'],
  registration_live: ['已有待审核或已通过的报到', 'There is already a pending or approved registration'],
  registration_not_pending: ['该报到已处理', 'This registration has already been decided'],
  body_level: ['{body}应设在{kind}一级', 'A {body} is set up at a {kind}'],
  body_exists: ['该处已有同类组织', 'There is already such a body here'],
  body_dissolved: ['该组织已撤销', 'This body is dissolved'],
  body_member_kind: ['该组织不接受此类成员', 'This body does not take this kind of member'],
  body_member_outside: ['成员不在该组织的范围内', 'The member is outside the area of this body'],
  body_member_not_party: ['楼门党员联络组的成员应为党员', 'A liaison group is made of Party members'],
  meeting_not_invited: ['该人员未受邀参加本次会议', 'This person was not invited to the meeting'],
  meeting_cancelled: ['会议已取消', 'The meeting is cancelled'],
  task_owner_outside: ['责任人不在您的范围内', 'The owner is outside your area'],
  ledger_negative: ['更正后数量不能为负', 'A correction cannot take the total below zero'],
  import_required: ['必填', 'Required'],
  import_invalid: ['格式不正确', 'Not in the expected format'],
  import_bad_id_number: ['身份证号无效（校验位不符）', 'Invalid ID number (check digit)'],
  import_unknown_place: ['找不到“{name}”', 'No place named “{name}”'],
  import_ambiguous_place: ['有多个“{name}”，请填写街道', 'More than one “{name}”: give the street'],
  import_outside_scope: ['超出您的管辖范围', 'Outside your area of responsibility'],
  import_unknown_org: ['找不到党组织“{name}”', 'No Party organisation named “{name}”'],
  import_unknown_value: ['无法识别“{value}”', 'Unrecognised value “{value}”'],
  import_duplicate_in_file: ['与第 {row} 行重复', 'Repeats row {row}'],
  import_exists: ['系统中已存在', 'Already in the system'],
  import_missing_columns: ['缺少必需的列：{columns}', 'Missing required columns: {columns}'],
  import_empty: ['文件中没有数据行', 'The file has no data rows'],
  import_too_many: ['一次最多导入 {max} 行', 'At most {max} rows per import'],
  import_unreadable: [
    '无法读取文件，请使用模板中的 .xlsx 或 UTF-8 编码的 .csv',
    'Cannot read the file: use .xlsx from the template or UTF-8 .csv',
  ],
  import_interrupted: [
    '导入被中断，未写入任何数据，请重新上传',
    'The import was interrupted and wrote nothing; upload it again',
  ],
  import_failed: ['写入失败，未写入任何数据', 'Writing failed; nothing was written'],
} satisfies Record<string, [string, string]>;

export type MessageKey = keyof typeof messages;

/** Names of enum values (region kinds, roles, statuses…): message parameters and exports carry them. */
const labels: Record<string, [string, string]> = {
  district: ['区', 'district'],
  street: ['街道', 'street'],
  community: ['社区', 'community'],
  building: ['楼', 'building'],
  entrance: ['楼门', 'entrance'],
  male: ['男', 'male'],
  female: ['女', 'female'],
  in_service: ['在职党员', 'in service'],
  retired: ['离退休党员', 'retired'],
  pending: ['待审核', 'pending'],
  approved: ['已报到', 'approved'],
  declined: ['未通过', 'declined'],
  withdrawn: ['已撤回', 'withdrawn'],
  agency: ['机关', 'agency'],
  school: ['学校', 'school'],
  hospital: ['医院', 'hospital'],
  enterprise: ['企业', 'enterprise'],
  social_org: ['社会组织', 'social organisation'],
  other: ['其他', 'other'],
  'affiliation.central': ['中央单位', 'central'],
  'affiliation.municipal': ['市属单位', 'municipal'],
  'affiliation.district': ['区属单位', 'district'],
  'affiliation.other': ['其他', 'other'],
  street_committee: ['街道党工委', 'street working committee'],
  community_branch: ['社区党组织', 'community Party organisation'],
  unit_party_org: ['单位党组织', 'unit Party organisation'],
  general_branch: ['党总支', 'general branch'],
  joint_conference: ['社区党建联席会', 'joint conference'],
  coordination_council: ['社区党建协调会', 'coordination council'],
  liaison_group: ['楼门党员联络组', 'liaison group'],
  active: ['正常', 'active'],
  dissolved: ['已撤销', 'dissolved'],
  disabled: ['已停用', 'disabled'],
  scheduled: ['未召开', 'scheduled'],
  held: ['已召开', 'held'],
  cancelled: ['已取消', 'cancelled'],
  open: ['未开始', 'open'],
  in_progress: ['进行中', 'in progress'],
  done: ['已完成', 'done'],
  yes: ['是', 'yes'],
  district_admin: ['区委管理员', 'district admin'],
  street_admin: ['街道党工委管理员', 'street admin'],
  community_worker: ['社区工作者', 'community worker'],
  unit_contact: ['单位党组织联络人', 'unit contact'],
  party_member: ['党员', 'Party member'],
  resident: ['居民', 'resident'],
  lecturer: ['讲师', 'lecturer'],
};

export const labelOf = (locale: Locale, value: string) => labels[value]?.[locale === 'en' ? 1 : 0] ?? value;

export function message(
  locale: Locale,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  const i = locale === 'en' ? 1 : 0;
  return messages[key][i].replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    if (v === undefined) return `{${k}}`;
    return labelOf(locale, String(v));
  });
}

/** zh-CN unless the client asks for English first. */
export function localeOf(acceptLanguage: string | undefined): Locale {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}
