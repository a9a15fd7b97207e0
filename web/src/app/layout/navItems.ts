import {
  AimOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BellOutlined,
  BookOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  CheckCircleOutlined,
  CheckSquareOutlined,
  ClockCircleOutlined,
  CloudUploadOutlined,
  ClusterOutlined,
  CrownOutlined,
  DashboardOutlined,
  FieldTimeOutlined,
  FileTextOutlined,
  FlagOutlined,
  GiftOutlined,
  HeartOutlined,
  HomeOutlined,
  InboxOutlined,
  InteractionOutlined,
  MailOutlined,
  NotificationOutlined,
  PieChartOutlined,
  ProfileOutlined,
  ProjectOutlined,
  ReadOutlined,
  ReconciliationOutlined,
  ScheduleOutlined,
  SearchOutlined,
  ShopOutlined,
  SolutionOutlined,
  SoundOutlined,
  TableOutlined,
  TeamOutlined,
  TrophyOutlined,
  UsergroupAddOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { Me } from '@contract';
import type { ComponentType } from 'react';

export type NavName =
  | 'home'
  | 'myRegistration'
  | 'myNeeds'
  | 'myClaim'
  | 'myDedication'
  | 'myRecord'
  | 'myUnit'
  | 'timeBank'
  | 'registrations'
  | 'needs'
  | 'projects'
  | 'dedicationDays'
  | 'dedicationCalendar'
  | 'facilities'
  | 'findFacility'
  | 'myBookings'
  | 'teams'
  | 'findTeam'
  | 'myInvitations'
  | 'myInbox'
  | 'myNotifications'
  | 'courses'
  | 'myTeaching'
  | 'notices'
  | 'campaigns'
  | 'evaluations'
  | 'honours'
  | 'bookingInbox'
  | 'facilityUtilization'
  | 'units'
  | 'partyOrgs'
  | 'members'
  | 'bodies'
  | 'meetings'
  | 'tasks'
  | 'dashboards'
  | 'coverage'
  | 'imports'
  | 'regions'
  | 'users'
  | 'audit';

/** The menu's sections (工作台, 组织网络, 参与, 资源共享, 宣传学习, 评价, 数据, 系统), in order. */
export const NAV_GROUPS = [
  'workbench',
  'network',
  'participation',
  'sharing',
  'publicity',
  'evaluation',
  'data',
  'system',
] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

export type NavItem = { path: string; name: NavName; icon: ComponentType; group: NavGroup };

type NavEntry = NavItem & { visible: (me: Me) => boolean };

const can = (action: Me['actions'][number]) => (me: Me) => me.actions.includes(action);
/** Roles whose holder may be given a follow-up task: a Party member, a unit through its contact. */
const OWNERS: readonly Me['roles'][number]['role'][] = ['party_member', 'unit_contact'];

/** The console's pages in menu order, each with who may see it. */
const NAV: NavEntry[] = [
  { path: '/', name: 'home', group: 'workbench', icon: HomeOutlined, visible: () => true },
  {
    path: '/me/registration',
    name: 'myRegistration',
    group: 'network',
    icon: FlagOutlined,
    // Registering oneself needs a person record to register.
    visible: (me) => me.actions.includes('registration.request') && me.user.personId !== null,
  },
  {
    path: '/me/needs',
    name: 'myNeeds',
    group: 'participation',
    icon: HeartOutlined,
    visible: can('need.raise'),
  },
  {
    path: '/me/claim',
    name: 'myClaim',
    group: 'participation',
    icon: CarryOutOutlined,
    visible: can('claim.make'),
  },
  {
    path: '/me/dedication',
    name: 'myDedication',
    group: 'participation',
    icon: ScheduleOutlined,
    visible: can('signup.make'),
  },
  // Invitations to a role or a task are addressed to a person.
  {
    path: '/me/invitations',
    name: 'myInvitations',
    group: 'participation',
    icon: MailOutlined,
    visible: (me) => me.user.personId !== null,
  },
  // Everyone signed in: notices and open letters sent to me; all my notifications.
  { path: '/me/inbox', name: 'myInbox', group: 'workbench', icon: FileTextOutlined, visible: () => true },
  {
    path: '/me/notifications',
    name: 'myNotifications',
    group: 'workbench',
    icon: BellOutlined,
    visible: () => true,
  },
  // One's own record needs a person record to be about.
  {
    path: '/me/record',
    name: 'myRecord',
    group: 'workbench',
    icon: FieldTimeOutlined,
    visible: (me) => me.user.personId !== null,
  },
  // A unit's Party liaison: their unit's own page (its report, facilities, claims, registrations).
  {
    path: '/me/unit',
    name: 'myUnit',
    group: 'workbench',
    icon: ProfileOutlined,
    visible: (me) => me.roles.some((r) => r.role === 'unit_contact' && r.unitId !== null),
  },
  // The time bank (人人为我，我为人人): hours are a person's, earned by their confirmed service.
  {
    path: '/me/time-bank',
    name: 'timeBank',
    group: 'participation',
    icon: InteractionOutlined,
    visible: (me) => me.user.personId !== null,
  },
  {
    path: '/registrations',
    name: 'registrations',
    group: 'network',
    icon: CheckSquareOutlined,
    visible: can('registration.decide'),
  },
  { path: '/needs', name: 'needs', group: 'participation', icon: InboxOutlined, visible: can('need.decide') },
  // Everyone signed in: the server lists the projects each may see.
  { path: '/projects', name: 'projects', group: 'participation', icon: GiftOutlined, visible: () => true },
  {
    path: '/dedication-days',
    name: 'dedicationDays',
    group: 'participation',
    icon: ClockCircleOutlined,
    visible: can('dedication.manage'),
  },
  // Everyone signed in: the server lists the occurrences each may see.
  {
    path: '/dedication-calendar',
    name: 'dedicationCalendar',
    group: 'participation',
    icon: TableOutlined,
    visible: () => true,
  },
  // Everyone signed in: volunteer teams, and finding one near home to join.
  { path: '/teams', name: 'teams', group: 'participation', icon: UsergroupAddOutlined, visible: () => true },
  {
    path: '/teams/find',
    name: 'findTeam',
    group: 'participation',
    icon: SearchOutlined,
    visible: () => true,
  },
  // Everyone signed in: the catalogue of shared facilities, and finding a free one to book.
  { path: '/facilities', name: 'facilities', group: 'sharing', icon: ShopOutlined, visible: () => true },
  {
    path: '/facilities/find',
    name: 'findFacility',
    group: 'sharing',
    icon: AimOutlined,
    visible: () => true,
  },
  {
    path: '/me/bookings',
    name: 'myBookings',
    group: 'sharing',
    icon: ReconciliationOutlined,
    visible: can('booking.make'),
  },
  {
    path: '/bookings/inbox',
    name: 'bookingInbox',
    group: 'sharing',
    icon: CheckCircleOutlined,
    visible: can('facility.manage'),
  },
  {
    path: '/facilities/utilization',
    name: 'facilityUtilization',
    group: 'sharing',
    icon: BarChartOutlined,
    visible: can('facility.manage'),
  },
  // Everyone signed in: courses and lectures; lecturers' sessions; organisers' notices and campaigns.
  { path: '/courses', name: 'courses', group: 'publicity', icon: ReadOutlined, visible: () => true },
  {
    path: '/me/teaching',
    name: 'myTeaching',
    group: 'publicity',
    icon: BookOutlined,
    visible: can('course.teach'),
  },
  {
    path: '/notices',
    name: 'notices',
    group: 'publicity',
    icon: NotificationOutlined,
    visible: can('notice.publish'),
  },
  {
    path: '/campaigns',
    name: 'campaigns',
    group: 'publicity',
    icon: SoundOutlined,
    visible: can('campaign.manage'),
  },
  // The yearly selection of the three honours, scored from the participation ledger.
  {
    path: '/evaluations',
    name: 'evaluations',
    group: 'evaluation',
    icon: TrophyOutlined,
    visible: can('evaluation.read'),
  },
  // Everyone signed in: shortlists on public notice (公示), open to objections, and published honour lists.
  { path: '/honours', name: 'honours', group: 'evaluation', icon: CrownOutlined, visible: () => true },
  { path: '/units', name: 'units', group: 'network', icon: BankOutlined, visible: can('unit.read') },
  {
    path: '/party-orgs',
    name: 'partyOrgs',
    group: 'network',
    icon: SolutionOutlined,
    visible: can('org.read'),
  },
  { path: '/members', name: 'members', group: 'network', icon: UserOutlined, visible: can('person.read') },
  { path: '/bodies', name: 'bodies', group: 'network', icon: ClusterOutlined, visible: can('body.read') },
  {
    path: '/meetings',
    name: 'meetings',
    group: 'network',
    icon: CalendarOutlined,
    visible: can('body.read'),
  },
  // Those who follow up the bodies' resolutions, and members and units who may be given tasks;
  // a resident or a lecturer is never a task's owner.
  {
    path: '/tasks',
    name: 'tasks',
    group: 'network',
    icon: ProjectOutlined,
    visible: (me) => me.actions.includes('body.read') || me.roles.some((r) => OWNERS.includes(r.role)),
  },
  // Participation per node of the tree: "one side keen" or "both sides keen".
  {
    path: '/dashboards',
    name: 'dashboards',
    group: 'data',
    icon: DashboardOutlined,
    visible: can('dashboard.read'),
  },
  {
    path: '/coverage',
    name: 'coverage',
    group: 'network',
    icon: PieChartOutlined,
    visible: can('coverage.read'),
  },
  { path: '/imports', name: 'imports', group: 'data', icon: CloudUploadOutlined, visible: can('import.run') },
  // The tree is kept by those who change it; others meet it as the places in their pages.
  {
    path: '/regions',
    name: 'regions',
    group: 'system',
    icon: ApartmentOutlined,
    visible: can('region.manage'),
  },
  { path: '/users', name: 'users', group: 'system', icon: TeamOutlined, visible: can('user.read') },
  { path: '/audit', name: 'audit', group: 'system', icon: AuditOutlined, visible: can('audit.read') },
];

/** The pages this user may open. */
export function navItemsFor(me: Me): NavItem[] {
  return NAV.filter((item) => item.visible(me)).map(({ path, name, icon, group }) => ({
    path,
    name,
    icon,
    group,
  }));
}

export type Shortcut = NavItem & { name: Exclude<NavName, 'home'> };

/** The pages this user may open, other than the home page itself. */
export function shortcutsFor(me: Me): Shortcut[] {
  return navItemsFor(me).filter((item): item is Shortcut => item.name !== 'home');
}

/** The menu entry a location belongs to: the longest path that begins it. */
export function selectedPath(pathname: string): string {
  const match = NAV.filter(
    (item) => item.path !== '/' && (pathname === item.path || pathname.startsWith(`${item.path}/`)),
  ).sort((a, b) => b.path.length - a.path.length)[0];
  return match?.path ?? '/';
}
