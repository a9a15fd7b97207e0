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

export type NavItem = { path: string; name: NavName; icon: ComponentType };

type NavEntry = NavItem & { visible: (me: Me) => boolean };

const can = (action: Me['actions'][number]) => (me: Me) => me.actions.includes(action);

/** The console's pages in menu order, each with who may see it. */
const NAV: NavEntry[] = [
  { path: '/', name: 'home', icon: HomeOutlined, visible: () => true },
  {
    path: '/me/registration',
    name: 'myRegistration',
    icon: FlagOutlined,
    // Registering oneself needs a person record to register.
    visible: (me) => me.actions.includes('registration.request') && me.user.personId !== null,
  },
  { path: '/me/needs', name: 'myNeeds', icon: HeartOutlined, visible: can('need.raise') },
  { path: '/me/claim', name: 'myClaim', icon: CarryOutOutlined, visible: can('claim.make') },
  { path: '/me/dedication', name: 'myDedication', icon: ScheduleOutlined, visible: can('signup.make') },
  // Invitations to a role or a task are addressed to a person.
  {
    path: '/me/invitations',
    name: 'myInvitations',
    icon: MailOutlined,
    visible: (me) => me.user.personId !== null,
  },
  // Everyone signed in: notices and open letters sent to me; all my notifications.
  { path: '/me/inbox', name: 'myInbox', icon: FileTextOutlined, visible: () => true },
  { path: '/me/notifications', name: 'myNotifications', icon: BellOutlined, visible: () => true },
  // One's own record needs a person record to be about.
  {
    path: '/me/record',
    name: 'myRecord',
    icon: FieldTimeOutlined,
    visible: (me) => me.user.personId !== null,
  },
  // The time bank (人人为我，我为人人): hours are a person's, earned by their confirmed service.
  {
    path: '/me/time-bank',
    name: 'timeBank',
    icon: InteractionOutlined,
    visible: (me) => me.user.personId !== null,
  },
  {
    path: '/registrations',
    name: 'registrations',
    icon: CheckSquareOutlined,
    visible: can('registration.decide'),
  },
  { path: '/needs', name: 'needs', icon: InboxOutlined, visible: can('need.decide') },
  // Everyone signed in: the server lists the projects each may see.
  { path: '/projects', name: 'projects', icon: GiftOutlined, visible: () => true },
  {
    path: '/dedication-days',
    name: 'dedicationDays',
    icon: ClockCircleOutlined,
    visible: can('dedication.manage'),
  },
  // Everyone signed in: the server lists the occurrences each may see.
  { path: '/dedication-calendar', name: 'dedicationCalendar', icon: TableOutlined, visible: () => true },
  // Everyone signed in: volunteer teams, and finding one near home to join.
  { path: '/teams', name: 'teams', icon: UsergroupAddOutlined, visible: () => true },
  { path: '/teams/find', name: 'findTeam', icon: SearchOutlined, visible: () => true },
  // Everyone signed in: the catalogue of shared facilities, and finding a free one to book.
  { path: '/facilities', name: 'facilities', icon: ShopOutlined, visible: () => true },
  { path: '/facilities/find', name: 'findFacility', icon: AimOutlined, visible: () => true },
  { path: '/me/bookings', name: 'myBookings', icon: ReconciliationOutlined, visible: can('booking.make') },
  {
    path: '/bookings/inbox',
    name: 'bookingInbox',
    icon: CheckCircleOutlined,
    visible: can('facility.manage'),
  },
  {
    path: '/facilities/utilization',
    name: 'facilityUtilization',
    icon: BarChartOutlined,
    visible: can('facility.manage'),
  },
  // Everyone signed in: courses and lectures; lecturers' sessions; organisers' notices and campaigns.
  { path: '/courses', name: 'courses', icon: ReadOutlined, visible: () => true },
  { path: '/me/teaching', name: 'myTeaching', icon: BookOutlined, visible: can('course.teach') },
  { path: '/notices', name: 'notices', icon: NotificationOutlined, visible: can('notice.publish') },
  { path: '/campaigns', name: 'campaigns', icon: SoundOutlined, visible: can('campaign.manage') },
  // The yearly selection of the three honours, scored from the participation ledger.
  { path: '/evaluations', name: 'evaluations', icon: TrophyOutlined, visible: can('evaluation.read') },
  // Everyone signed in: shortlists on public notice (公示), open to objections, and published honour lists.
  { path: '/honours', name: 'honours', icon: CrownOutlined, visible: () => true },
  { path: '/units', name: 'units', icon: BankOutlined, visible: can('unit.read') },
  { path: '/party-orgs', name: 'partyOrgs', icon: SolutionOutlined, visible: can('org.read') },
  { path: '/members', name: 'members', icon: UserOutlined, visible: can('person.read') },
  { path: '/bodies', name: 'bodies', icon: ClusterOutlined, visible: can('body.read') },
  { path: '/meetings', name: 'meetings', icon: CalendarOutlined, visible: can('body.read') },
  // Everyone signed in may have tasks: the server lists those each may see.
  { path: '/tasks', name: 'tasks', icon: ProjectOutlined, visible: () => true },
  // Participation per node of the tree: "one side keen" or "both sides keen".
  { path: '/dashboards', name: 'dashboards', icon: DashboardOutlined, visible: can('dashboard.read') },
  { path: '/coverage', name: 'coverage', icon: PieChartOutlined, visible: can('coverage.read') },
  { path: '/imports', name: 'imports', icon: CloudUploadOutlined, visible: can('import.run') },
  { path: '/regions', name: 'regions', icon: ApartmentOutlined, visible: can('region.read') },
  { path: '/users', name: 'users', icon: TeamOutlined, visible: can('user.read') },
  { path: '/audit', name: 'audit', icon: AuditOutlined, visible: can('audit.read') },
];

/** The pages this user may open. */
export function navItemsFor(me: Me): NavItem[] {
  return NAV.filter((item) => item.visible(me)).map(({ path, name, icon }) => ({ path, name, icon }));
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
