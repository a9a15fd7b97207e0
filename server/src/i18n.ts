/** Server-side messages, zh-CN first. The web console sends Accept-Language. */
import { labels } from './labels';
export type Locale = 'zh-CN' | 'en';

const messages = {
  bad_request: ['请求无效', 'Bad request'],
  cursor_invalid: [
    '翻页位置无效，请从第一页重新开始',
    'This page position is not valid: start again from the first page',
  ],
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
  password_too_short: ['密码至少需要 {min} 个字符', 'The password needs at least {min} characters'],
  password_common: [
    '该密码过于常见，容易被猜中，请换一个',
    'This password is too common and easy to guess; choose another',
  ],
  password_contains_username: ['密码不能包含用户名', 'The password must not contain the username'],
  reset_code_invalid: [
    '用户名或重置码不正确，或重置码已使用、已过期，请向社区工作者重新申请',
    'Wrong username or reset code, or the code was used or has expired; ask your community worker for a new one',
  ],
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
  unavailable: [
    '服务暂时不可用，请稍后再试',
    'The service is briefly unavailable; please try again in a moment',
  ],
  region_parent_kind: [
    '{kind} 只能挂在 {parentKind} 之下',
    'A {kind} can only be placed under a {parentKind}',
  ],
  region_leaf: ['楼门之下不能再添加节点', 'Nothing can be added below an entrance'],
  region_retired: ['该节点已撤销', 'This node is retired'],
  time_zone_unknown: [
    '“{zone}”不是可识别的时区，请填写 IANA 时区名，例如 Asia/Shanghai',
    '“{zone}” is not a time zone we know; give an IANA zone name such as Asia/Shanghai',
  ],
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
  notify_need_status: ['您的微心愿“{title}”：{status}', 'Your need “{title}”: {status}'],
  notify_claim_removed: [
    '您对“{title}”的认领已被取消：{reason}',
    'Your claim on “{title}” was removed: {reason}',
  ],
  notify_hours_confirmed: [
    '“{title}”的服务时长已确认：{hours} 小时',
    'Hours confirmed for “{title}”: {hours}',
  ],
  need_not_open: ['该需求已处理', 'This need has already been decided'],
  need_no_person: ['您的账号没有关联居民信息', 'Your account has no resident record'],
  project_transition: ['项目不能从“{from}”变为“{to}”', 'A project cannot go from {from} to {to}'],
  project_region_kind: [
    '项目应属于街道、社区或楼栋',
    'A project belongs to a street, a community or a building',
  ],
  project_not_open: ['项目当前不接受认领', 'This project is not open for claims'],
  role_full: ['该岗位名额已满', 'This role is full'],
  role_started: ['岗位已开始，不能再认领或退出', 'The role has started: no more claims or withdrawals'],
  claim_out_of_reach: [
    '只能认领本社区的项目（面向全街道的项目除外）',
    'You can claim only in your community, unless the project is open to the street',
  ],
  claim_exists: ['您已认领该岗位', 'You have already claimed this role'],
  claim_not_active: ['该认领已结束', 'This claim is no longer active'],
  claim_not_unit: ['您不是单位联络人', 'You are not a unit contact'],
  claim_hours_whose: [
    '请选择确认哪位成员的时长',
    'Say whose hours these are: one of the members named on the claim',
  ],
  claim_hours_confirmed: [
    '该认领的时长已按单位确认，不能再指派成员',
    "This claim's hours were confirmed for the unit: members can no longer be named",
  ],
  claim_members_not_unit: ['只有单位认领可以指派成员', "Only a unit's claim has members to name"],
  claim_members_too_many: [
    '指派人数不能超过认领的 {slots} 个名额',
    'Name at most {slots} members: the slots the unit claimed',
  ],
  claim_member_confirmed: [
    '{name} 的时长已确认，不能移出',
    "{name}'s hours are confirmed: they stay on the claim",
  ],
  claim_member_not_in_unit: ['只能指派本单位的党员', "Only the unit's own Party members can be named"],
  notify_claim_named: ['{unit} 指派您参加“{title}”', '{unit} named you for “{title}”'],
  rule_invalid: [
    '重复规则无效：请使用按日、周、月或年的规则，如 FREQ=MONTHLY;BYDAY=SA;BYSETPOS=2',
    'Not a valid rule: use a daily, weekly, monthly or yearly rule such as FREQ=MONTHLY;BYDAY=SA;BYSETPOS=2',
  ],
  rule_no_dates: ['该规则今后不再产生任何日期', 'The rule gives no dates from today on'],
  dedication_task_outside_day: [
    '任务“{title}”的时间应在奉献日的时间之内',
    'The task “{title}” must fit within the day’s hours',
  ],
  dedication_region_kind: ['奉献日应由社区或街道设立', 'A dedication day belongs to a community or a street'],
  dedication_retired: ['该奉献日已停用', 'This dedication day has been retired'],
  occurrence_rule_changed: ['奉献日规则调整，本日取消', 'Cancelled: the dedication day’s rule changed'],
  occurrence_day_retired: ['奉献日已停用，本日取消', 'Cancelled: the dedication day was retired'],
  occurrence_cancelled: ['本次奉献日已取消', 'This dedication day has been cancelled'],
  occurrence_over: ['本次奉献日已结束', 'This dedication day is over'],
  range_too_long: ['查询范围不能超过 {days} 天', 'Ask for at most {days} days at a time'],
  task_capacity_below_signed: [
    '已有 {signed} 人报名，名额不能少于报名人数',
    '{signed} people have signed up: the places cannot be fewer',
  ],
  task_full: ['该任务名额已满', 'This task is full'],
  signup_exists: ['您已报名本次奉献日', 'You have already signed up for this day'],
  signup_out_of_reach: [
    '只能报名本社区（或本街道）的奉献日',
    'You can sign up only for your community’s (or street’s) dedication days',
  ],
  signup_not_active: ['该报名已取消', 'This sign-up is no longer active'],
  signup_started: ['活动已开始，不能再取消报名', 'The day has started: you can no longer withdraw'],
  signup_checked_in: ['该成员已签到，不能移除', 'This member has checked in and cannot be removed'],
  signup_own_checked_in: ['您已签到，不能再取消报名', 'You have checked in: you can no longer withdraw'],
  checkin_code_invalid: [
    '签到码无效或已过期，请扫描组织者屏幕上的最新二维码',
    'The code is not valid or has expired: scan the latest code on the organiser’s screen',
  ],
  checkin_outside_window: [
    '不在签到时间内（活动开始前 30 分钟至结束）',
    'Not within check-in time (from 30 minutes before the start to the end)',
  ],
  checkin_not_signed_up: ['您尚未报名本次奉献日', 'You have not signed up for this day'],
  checkin_not_in: ['请先签到再签退', 'Check in before checking out'],
  hours_needed: ['尚未签退，请填写时长', 'No check-out: enter the hours'],
  hours_reason_needed: ['调整或驳回时长需要说明原因', 'Adjusting or rejecting hours needs a reason'],
  notify_occurrence_cancelled: [
    '奉献日“{title}”（{date}）已取消',
    'The dedication day “{title}” on {date} is cancelled',
  ],
  notify_signup_promoted: [
    '您已从候补转为正式报名：“{title}”（{date}）',
    'You moved up from the waiting list: “{title}” on {date}',
  ],
  notify_signup_removed: [
    '您在“{title}”（{date}）的报名已被取消：{reason}',
    'Your sign-up for “{title}” on {date} was removed: {reason}',
  ],
  notify_dedication_reminder: [
    '明天 {time} 是“{title}”，您的任务：{task}，地点：{place}',
    'Tomorrow at {time}: “{title}”. Your task: {task}, at {place}',
  ],
  notify_hours_rejected: [
    '“{title}”的服务时长未被确认：{reason}',
    'Hours for “{title}” were not confirmed: {reason}',
  ],
  facility_retired: ['该设施已停用', 'This facility has been retired'],
  facility_region_kind: [
    '设施应位于社区、楼栋或单元',
    'A facility stands in a community, a building or an entrance',
  ],
  facility_hours_order: [
    '开放时间 {opens}–{closes} 有误：结束应晚于开始',
    'Opening hours {opens}–{closes}: the end must be after the start',
  ],
  booking_not_allowed: ['该设施不向您这类预约人开放', 'This facility is not open to bookings like yours'],
  booking_spans_days: ['一次预约应在同一天内', 'A booking must start and end on the same day'],
  booking_too_short: ['预约时长至少 {minutes} 分钟', 'Book at least {minutes} minutes'],
  booking_too_long: ['预约时长最多 {minutes} 分钟', 'Book at most {minutes} minutes'],
  booking_too_soon: ['需至少提前 {hours} 小时预约', 'Book at least {hours} hours ahead'],
  booking_too_far: ['最多可预约 {days} 天之内的时段', 'Book at most {days} days ahead'],
  booking_over_capacity: [
    '人数超过设施容量（{capacity} 人）',
    'More people than the facility holds ({capacity})',
  ],
  booking_closed: ['{date} 闭馆：{reason}', 'Closed on {date}: {reason}'],
  booking_closed_day: ['{date} 不开放', 'Not open on {date}'],
  booking_outside_hours: [
    '不在开放时间内（当天开放 {hours}）',
    'Outside opening hours (open {hours} that day)',
  ],
  booking_overlap: ['该时段已被预约', 'This slot is already booked'],
  series_nothing_booked: ['所有日期均无法预约', 'None of the dates could be booked'],
  booking_not_pending: ['该预约已处理', 'This booking has already been decided'],
  booking_reason_needed: ['请说明原因', 'Give a reason'],
  booking_not_active: ['该预约已结束或已取消', 'This booking is no longer active'],
  booking_started: ['预约时段已开始，不能取消', 'The booking has started and cannot be cancelled'],
  booking_not_confirmed: [
    '只有已确认的预约可以登记使用情况',
    'Only a confirmed booking has its use recorded',
  ],
  booking_not_started: ['预约时段开始后才能登记使用情况', 'Use is recorded once the booking has started'],
  booking_facility_retired: ['设施停用，预约取消', 'Cancelled: the facility was retired'],
  ledger_use_changed: ['设施使用时长更正', 'Facility use corrected'],
  notify_facility_retired: [
    '设施“{name}”已停用，您的预约已取消',
    'The facility “{name}” was retired: your booking is cancelled',
  ],
  notify_booking_confirmed: [
    '您预约的“{facility}”（{at}）已确认',
    'Your booking of “{facility}” ({at}) is confirmed',
  ],
  notify_booking_declined: [
    '您预约的“{facility}”（{at}）未获同意：{reason}',
    'Your booking of “{facility}” ({at}) was declined: {reason}',
  ],
  notify_booking_cancelled: [
    '您预约的“{facility}”（{at}）已被取消：{reason}',
    'Your booking of “{facility}” ({at}) was cancelled: {reason}',
  ],
  team_leader_outside: ['队长应为本街道居民', 'The leader must live in the team’s street'],
  team_member_outside: ['只能邀请本街道的居民', 'Only people of the team’s street can be invited'],
  team_region_kind: ['服务队应属于社区或街道', 'A team belongs to a community or a street'],
  team_retired: ['该服务队已解散', 'This team has been disbanded'],
  team_not_recruiting: ['该服务队暂不招募', 'This team is not recruiting'],
  team_member_exists: [
    '已是队员或已在申请、邀请中',
    'Already a member, or an application or invitation is open',
  ],
  team_member_decided: ['该申请或邀请已处理', 'This application or invitation has already been answered'],
  team_leader_change: ['更换队长请编辑服务队', 'Change the leader by editing the team'],
  team_not_member: ['只能安排本队在册队员', 'Only the team’s active members can be put forward'],
  team_not_runner: ['只有队长或管理者可以代表服务队', 'Only the leader or an organiser acts for the team'],
  notify_team_signed_up: [
    '“{team}”为您报名了“{title}”（{date}）',
    '“{team}” signed you up for “{title}” on {date}',
  ],
  notify_team_leader: ['您被任命为“{team}”队长', 'You lead the team “{team}”'],
  notify_team_application: ['{name} 申请加入“{team}”', '{name} asks to join “{team}”'],
  notify_team_invited: ['“{team}”邀请您加入', '“{team}” invites you to join'],
  notify_team_invite_answered: [
    '{name} {answer}了“{team}”的邀请',
    '{name} {answer} the invitation to “{team}”',
  ],
  notify_team_accepted: ['您已加入“{team}”', 'You have joined “{team}”'],
  notify_team_declined: ['“{team}”未接受您的申请：{reason}', '“{team}” declined your application: {reason}'],
  notify_invitation: ['{by} 邀请您参加“{title}”', '{by} invites you to “{title}”'],
  invitation_not_pending: ['该邀请已处理', 'This invitation has already been answered'],
  suggest_one_target: ['请指定一个服务队、岗位或任务', 'Name one team, role or task'],
  suggest_specialty: ['特长匹配：{specialties}', 'Specialty: {specialties}'],
  suggest_no_specialty: ['特长不完全匹配', 'No matching specialty'],
  suggest_near: ['住在{place}', 'Lives {place}'],
  suggest_recent: ['近 90 天服务 {hours} 小时', '{hours} h served in the last 90 days'],
  suggest_free: ['该时段有空', 'Free at that time'],
  suggest_party: ['党员', 'Party member'],
  report_title: [
    '{unit} 在职党员社区参与情况（{year}年第{quarter}季度）',
    '{unit}: members in their home communities, {year} Q{quarter}',
  ],
  report_home: ['居住社区', 'Home community'],
  report_registered: ['已报到', 'Registered'],
  report_hours: ['服务时长（小时）', 'Service hours'],
  report_roles: ['完成岗位', 'Roles completed'],
  report_meetings: ['参加会议', 'Meetings'],
  report_courses: ['完成培训', 'Courses'],
  report_yes: ['是', 'yes'],
  report_no: ['否', 'no'],
  export_rank: ['名次', 'Rank'],
  export_name: ['名称', 'Name'],
  export_region: ['所在区域', 'Region'],
  export_deductions: ['扣分', 'Deductions'],
  export_total: ['总分', 'Total'],
  figure_engagement: ['参与指数', 'Engagement index'],
  figure_communitySide: ['社区组织端', 'Community side'],
  figure_participationSide: ['居民单位参与端', 'Participation side'],
  figure_residentShare: ['居民参与率', 'Residents taking part'],
  figure_residentsActive: ['参与居民', 'Residents active'],
  figure_residents: ['居民数', 'Residents'],
  figure_memberShare: ['党员参与率', 'Party members taking part'],
  figure_membersActive: ['参与党员', 'Members active'],
  figure_members: ['党员数', 'Party members'],
  figure_registeredShare: ['在职党员报到率', 'In-service members registered'],
  figure_unitShare: ['单位参与率', 'Units taking part'],
  figure_unitsActive: ['参与单位', 'Units active'],
  figure_units: ['单位数', 'Units'],
  figure_serviceHours: ['服务时长（小时）', 'Service hours'],
  figure_facilityHours: ['设施共享时长（小时）', 'Facility hours shared'],
  figure_facilityHoursUsed: ['场地使用时长（小时）', 'Venue hours used'],
  figure_projectsOpened: ['开展项目', 'Projects opened'],
  figure_projectsDone: ['完成项目', 'Projects done'],
  figure_needsRaised: ['提出需求', 'Needs raised'],
  figure_needsResolved: ['其中已答复', 'Of them answered'],
  figure_needsOpen: ['其中尚未答复', 'Of them waiting'],
  figure_needsResolveDays: ['平均等待天数', 'Average days to an answer'],
  figure_registrationsApproved: ['新报到党员', 'Registrations approved'],
  figure_meetingsHeld: ['召开会议', 'Meetings held'],
  figure_daysHeld: ['开展奉献日', 'Dedication days held'],
  figure_meetingsAttended: ['参会人次', 'Meeting attendances'],
  figure_coursesCompleted: ['培训结业', 'Course completions'],
  figure_readRate: ['通知阅读率', 'Notice read rate'],
  figure_sheet_nodes: ['各级指标', 'By area'],
  figure_sheet_trend: ['趋势', 'Trend'],
  figure_period: ['期间', 'Period'],
  figures_to_buildings: [
    '统计到楼栋一级，楼门的情况请看所在楼栋',
    'Figures go down to buildings: see the entrance’s building',
  ],
  export_no: ['序号', 'No.'],
  export_sum: ['合计', 'Total'],
  report_rating: ['居民评价', 'Residents’ rating'],
  export_statement: ['主要事迹', 'Citation'],
  honour_list_heading: ['表彰名单', 'Honour list'],
  honour_list_facts: [
    '{region} · 评选期间 {from} 至 {to} · {published} 发布 · 共 {count} 名',
    '{region} · period {from} to {to} · published {published} · {count} honoured',
  ],
  timebank_insufficient: [
    '时间银行余额不足（可用 {available} 小时）',
    'Not enough hours in the time bank ({available} available)',
  ],
  timebank_not_open: ['该求助已有人响应或已结束', 'This request is no longer open'],
  timebank_not_accepted: ['还没有人响应这个求助', 'Nobody has offered to help yet'],
  timebank_self: ['不能响应自己的求助', 'You cannot answer your own request'],
  notify_timebank_offer: ['{name} 愿意帮您：“{title}”', '{name} offers to help: “{title}”'],
  notify_timebank_cancelled: [
    '{name} 取消了求助：“{title}”，不用再去了',
    '{name} cancelled the request “{title}”: no need to go',
  ],
  notify_timebank_paid: [
    '“{title}”已确认，{hours} 小时存入您的时间银行',
    '“{title}” confirmed: {hours} hours into your time bank',
  ],
  evaluation_closed: ['评选已结束，分数已冻结', 'This evaluation is closed: its figures are frozen'],
  evaluation_not_open: ['评选已封存，分数不再变动', 'This evaluation is closed: its figures are frozen'],
  evaluation_not_closed: [
    '只有在分数封存后、公示前才能推荐和审核',
    'Nominations and reviews happen after the figures are frozen and before the notice',
  ],
  evaluation_not_notice: ['该评选不在公示期', 'This evaluation is not on public notice'],
  evaluation_not_decided: ['请先作出最终决定再发布', 'Decide the honour list before publishing it'],
  evaluation_not_published: ['该名单尚未发布', 'This honour list is not published yet'],
  quota_full: ['本街道的推荐名额已用完', "This street's nomination quota is used up"],
  quota_below_used: [
    '名额不能少于已推荐的 {used} 名',
    'The quota cannot be below the {used} already nominated',
  ],
  nomination_exists: ['该对象已被推荐', 'This candidate is already nominated'],
  nomination_not_pending: ['该推荐已处理，不能再更改', 'This nomination has been settled and cannot change'],
  review_comment_required: ['不同意推荐时请写明意见', 'Give a comment when rejecting a nomination'],
  notice_pending_reviews: [
    '还有 {pending} 个推荐未审核，不能开始公示',
    '{pending} nominations are still awaiting review; the notice cannot start',
  ],
  notice_empty: [
    '没有审核通过的推荐，无可公示',
    'No nomination has been approved: there is nothing to announce',
  ],
  notice_over: ['公示已于 {until} 结束', 'The public notice ended at {until}'],
  notice_running: [
    '公示期至 {until} 结束，之后才能作出决定',
    'The public notice runs until {until}; decide after that',
  ],
  objections_open: ['还有 {open} 条异议未答复', '{open} objections are still unanswered'],
  objection_exists: [
    '您已对该对象提出异议，正在处理中',
    'You have already objected to this nominee; it is being handled',
  ],
  objection_handled: ['该异议已答复', 'This objection has already been answered'],
  notify_objection_upheld: [
    '您对“{title}”中 {name} 的异议已被采纳',
    'Your objection to {name} in “{title}” was upheld',
  ],
  notify_objection_dismissed: [
    '您对“{title}”中 {name} 的异议已答复：未采纳',
    'Your objection to {name} in “{title}” was answered: not upheld',
  ],
  notify_honour_awarded: ['祝贺！您已当选“{title}”', 'Congratulations: you are honoured in “{title}”'],
  notify_need_raised: [
    '{community}有新的居民需求待处理：“{title}”',
    'A new need in {community} waits: “{title}”',
  ],
  notify_registration_requested: [
    '{name} 申请到{community}报到，待审核',
    '{name} asks to register with {community}',
  ],
  notify_booking_pending: [
    '{facility} 有预约待审批：{at}',
    'A booking of {facility} waits for approval: {at}',
  ],
  notify_objection_raised: ['“{title}”公示中有人对 {name} 提出异议', 'An objection to {name} in “{title}”'],
  notify_task_due: ['任务“{title}”明天（{due}）到期', 'The task “{title}” is due tomorrow ({due})'],
  notify_task_overdue: ['任务“{title}”已超期（{due} 到期）', 'The task “{title}” is overdue (due {due})'],
  notify_digest: ['每日汇总：{total} 项待办 — ', 'Daily digest: {total} to handle — '],
  attachment_empty: ['附件为空', 'The attachment is empty'],
  notice_team_outside: ['所选服务队不在该范围内', 'The team is outside the chosen area'],
  notice_not_draft: ['该通知已发布，不能再修改', 'This notice has been published and can no longer change'],
  notice_not_published: ['通知尚未发布完成', 'The notice is not published yet'],
  notify_notice: ['新通知：“{title}”', 'New notice: “{title}”'],
  notify_notice_reminder: ['请阅读：“{title}”', 'Please read: “{title}”'],
  course_full: ['课程名额已满', 'The course is full'],
  course_not_open: ['该课程需由组织者推荐报名', 'Places on this course are by nomination'],
  course_lecturer_not: ['授课人应为具有讲师角色的用户', 'A lecturer must be a user with the lecturer role'],
  course_not_enrolled: ['{name} 未报名该课程', '{name} is not enrolled on this course'],
  course_not_completed: ['尚未结业', 'Not completed yet'],
  course_completed_stays: ['已结业，不能退出', 'Completed: the enrolment stays'],
  certificate_font_missing: [
    '服务器缺少中文字体，无法生成证书（请安装 fonts-noto-cjk 或设置 GONGJIAN_CJK_FONT）',
    'The server has no Chinese font to print certificates (install fonts-noto-cjk or set GONGJIAN_CJK_FONT)',
  ],
  notify_course_nominated: ['您被推荐参加“{title}”', 'You were nominated for “{title}”'],
  notify_course_completed: [
    '您已完成“{title}”，可下载结业证书',
    'You completed “{title}”: your certificate is ready',
  ],
  hours_too_early: ['项目开始后才能确认时长', 'Hours are confirmed once the project has started'],
  review_not_done: ['项目完成后才能评价', 'A project can be rated once it is done'],
  review_not_resident: ['只有本社区居民可以评价', 'Only residents of the community rate a project'],
  role_custom_name: ['自定义岗位需要名称', 'A custom role needs a name'],
  ledger_attendance_changed: ['出席记录改为：{attendance}', 'Attendance changed to {attendance}'],
  ledger_hours_adjusted: ['组织者调整了服务时长', 'Hours adjusted by the organiser'],
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
  bad_file_name: ['文件名无法识别', 'The file name could not be read'],
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

/** The language a request asks for (Accept-Language). */
export const requestLocale = (req: { headers: { 'accept-language'?: string } }): Locale =>
  localeOf(req.headers['accept-language']);

/**
 * A message the system writes into a record (why it corrected an entry, why it cancelled
 * a day): stored as `sys:<key>:<json>` and put into the reader's language when read.
 * What people type is stored as typed.
 */
export type StoredMessage = { key: MessageKey; params?: Record<string, string | number> };
export const storeMessage = (r: StoredMessage) => `sys:${r.key}:${JSON.stringify(r.params ?? {})}`;

export function readStored(stored: string | null, locale: Locale): string | null {
  const m = stored && /^sys:(\w+):(.*)$/s.exec(stored);
  if (!m) return stored;
  try {
    return message(locale, m[1] as MessageKey, JSON.parse(m[2]!));
  } catch {
    return stored;
  }
}
