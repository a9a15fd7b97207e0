import { type ComponentType, lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { RequireAction, RequireAuth } from '../lib/auth';
import { withAllTexts } from '../lib/i18n';
import { FullPageSpin } from '../shared/FullPage';

// Every page loads on first visit, the login page and the layout too: a phone downloads
// what the screen it opens needs (npm run size holds the first screens to a budget).
// A work page shows once its code and all the texts are in; the first screens need only
// their own texts (app/i18n.ts).
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(withAllTexts(() => load().then((m) => ({ default: m[name] }))));

const LoginPage = lazy(() =>
  import('../features/accounts/LoginPage').then((m) => ({ default: m.LoginPage })),
);
const AppLayout = lazy(() => import('./layout/AppLayout').then((m) => ({ default: m.AppLayout })));
const WorkbenchPage = lazy(() =>
  import('../features/workbench/WorkbenchPage').then((m) => ({ default: m.WorkbenchPage })),
);
const NotFoundPage = lazy(() => import('./ErrorPages').then((m) => ({ default: m.NotFoundPage })));
const RegionsPage = page(() => import('../features/regions/RegionsPage'), 'RegionsPage');
const UsersPage = page(() => import('../features/accounts/UsersPage'), 'UsersPage');
const AuditPage = page(() => import('../features/audit/AuditPage'), 'AuditPage');
const UnitsPage = page(() => import('../features/units/UnitsPage'), 'UnitsPage');
const UnitPage = page(() => import('../features/units/UnitPage'), 'UnitPage');
const PartyOrgsPage = page(() => import('../features/party-orgs/PartyOrgsPage'), 'PartyOrgsPage');
const MembersPage = page(() => import('../features/members/MembersPage'), 'MembersPage');
const RegistrationsPage = page(
  () => import('../features/registrations/RegistrationsPage'),
  'RegistrationsPage',
);
const MyRegistrationPage = page(
  () => import('../features/registrations/MyRegistrationPage'),
  'MyRegistrationPage',
);
const MyNeedsPage = page(() => import('../features/needs/MyNeedsPage'), 'MyNeedsPage');
const NeedsPage = page(() => import('../features/needs/NeedsPage'), 'NeedsPage');
const NeedPage = page(() => import('../features/needs/NeedPage'), 'NeedPage');
const ProjectsPage = page(() => import('../features/projects/ProjectsPage'), 'ProjectsPage');
const ProjectPage = page(() => import('../features/projects/ProjectPage'), 'ProjectPage');
const MyClaimPage = page(() => import('../features/projects/MyClaimPage'), 'MyClaimPage');
const OccurrencePage = page(() => import('../features/dedication-days/OccurrencePage'), 'OccurrencePage');
const CheckinPage = page(() => import('../features/dedication-days/CheckinPage'), 'CheckinPage');
const MyDedicationPage = page(
  () => import('../features/dedication-days/MyDedicationPage'),
  'MyDedicationPage',
);
const MyRecordPage = page(() => import('../features/ledger/MyRecordPage'), 'MyRecordPage');
const TimeBankPage = page(() => import('../features/time-bank/TimeBankPage'), 'TimeBankPage');
const BodiesPage = page(() => import('../features/bodies/BodiesPage'), 'BodiesPage');
const BodyPage = page(() => import('../features/bodies/BodyPage'), 'BodyPage');
const MeetingsPage = page(() => import('../features/bodies/MeetingsPage'), 'MeetingsPage');
const MeetingPage = page(() => import('../features/bodies/MeetingPage'), 'MeetingPage');
const TasksPage = page(() => import('../features/bodies/TasksPage'), 'TasksPage');
const CoveragePage = page(() => import('../features/coverage/CoveragePage'), 'CoveragePage');
const ImportsPage = page(() => import('../features/imports/ImportsPage'), 'ImportsPage');
const DedicationDaysPage = page(
  () => import('../features/dedication-days/DedicationDaysPage'),
  'DedicationDaysPage',
);
const DedicationCalendarPage = page(
  () => import('../features/dedication-days/DedicationCalendarPage'),
  'DedicationCalendarPage',
);
const FacilitiesPage = page(() => import('../features/facilities/FacilitiesPage'), 'FacilitiesPage');
const FacilityPage = page(() => import('../features/facilities/FacilityPage'), 'FacilityPage');
const FindFacilityPage = page(() => import('../features/facilities/FindFacilityPage'), 'FindFacilityPage');
const UtilizationPage = page(() => import('../features/facilities/UtilizationPage'), 'UtilizationPage');
const MyBookingsPage = page(() => import('../features/facilities/MyBookingsPage'), 'MyBookingsPage');
const BookingInboxPage = page(() => import('../features/facilities/BookingInboxPage'), 'InboxPage');
const TeamsPage = page(() => import('../features/teams/TeamsPage'), 'TeamsPage');
const TeamPage = page(() => import('../features/teams/TeamPage'), 'TeamPage');
const FindTeamPage = page(() => import('../features/teams/FindTeamPage'), 'FindTeamPage');
const MyInvitationsPage = page(() => import('../features/teams/MyInvitationsPage'), 'MyInvitationsPage');

const CoursesPage = page(() => import('../features/courses/CoursesPage'), 'CoursesPage');
const CoursePage = page(() => import('../features/courses/CoursePage'), 'CoursePage');
const TeachingPage = page(() => import('../features/courses/TeachingPage'), 'TeachingPage');
const NoticesPage = page(() => import('../features/notices/NoticesPage'), 'NoticesPage');
const NoticePage = page(() => import('../features/notices/NoticePage'), 'NoticePage');
const NoticeEditorPage = page(() => import('../features/notices/NoticeEditorPage'), 'NoticeEditorPage');
const NoticeInboxPage = page(() => import('../features/notices/InboxPage'), 'InboxPage');
const ReadNoticePage = page(() => import('../features/notices/ReadNoticePage'), 'ReadNoticePage');
const CampaignsPage = page(() => import('../features/campaigns/CampaignsPage'), 'CampaignsPage');
const CampaignPage = page(() => import('../features/campaigns/CampaignPage'), 'CampaignPage');
const EvaluationsPage = page(() => import('../features/evaluations/EvaluationsPage'), 'EvaluationsPage');
const EvaluationPage = page(() => import('../features/evaluations/EvaluationPage'), 'EvaluationPage');
const HonoursPage = page(() => import('../features/evaluations/HonoursPage'), 'HonoursPage');
const HonourPage = page(() => import('../features/evaluations/HonourPage'), 'HonourPage');
const DashboardPage = page(() => import('../features/dashboards/DashboardPage'), 'DashboardPage');
const NotificationsPage = page(
  () => import('../features/notifications/NotificationsPage'),
  'NotificationsPage',
);
const HelpPage = page(() => import('../features/help/HelpPage'), 'HelpPage');

export const router = createBrowserRouter([
  {
    path: '/login',
    element: (
      <Suspense fallback={<FullPageSpin />}>
        <LoginPage />
      </Suspense>
    ),
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <Suspense fallback={<FullPageSpin />}>
          <AppLayout />
        </Suspense>
      </RequireAuth>
    ),
    children: [
      { index: true, element: <WorkbenchPage /> },
      {
        path: 'me/registration',
        element: (
          <RequireAction action="registration.request">
            <MyRegistrationPage />
          </RequireAction>
        ),
      },
      {
        path: 'me/needs',
        element: (
          <RequireAction action="need.raise">
            <MyNeedsPage />
          </RequireAction>
        ),
      },
      {
        path: 'me/claim',
        element: (
          <RequireAction action="claim.make">
            <MyClaimPage />
          </RequireAction>
        ),
      },
      {
        path: 'me/dedication',
        element: (
          <RequireAction action="signup.make">
            <MyDedicationPage />
          </RequireAction>
        ),
      },
      // A member's phone opens this from the QR code's address (?t=<code>), or scans from here.
      {
        path: 'checkin',
        element: (
          <RequireAction action="signup.make">
            <CheckinPage />
          </RequireAction>
        ),
      },
      // Everyone signed in: the server answers with the occurrences each may see.
      { path: 'occurrences/:id', element: <OccurrencePage /> },
      // Everyone signed in has a record of their own (the page says so when there is no person).
      { path: 'me/record', element: <MyRecordPage /> },
      // Everyone signed in (the page says so when there is no person to keep hours for).
      { path: 'me/time-bank', element: <TimeBankPage /> },
      // A unit's Party liaison: their unit's page (others who read units are told there is none of theirs).
      {
        path: 'me/unit',
        element: (
          <RequireAction action="unit.read">
            <UnitPage />
          </RequireAction>
        ),
      },
      {
        path: 'needs',
        element: (
          <RequireAction action="need.decide">
            <NeedsPage />
          </RequireAction>
        ),
      },
      // Its community's organisers and its raiser: the server answers with the needs each may see.
      { path: 'needs/:id', element: <NeedPage /> },
      // Everyone signed in: the server answers with the projects each may see.
      { path: 'projects', element: <ProjectsPage /> },
      { path: 'projects/:id', element: <ProjectPage /> },
      {
        path: 'dedication-days',
        element: (
          <RequireAction action="dedication.manage">
            <DedicationDaysPage />
          </RequireAction>
        ),
      },
      // Everyone signed in: the server answers with the occurrences each may see.
      { path: 'dedication-calendar', element: <DedicationCalendarPage /> },
      // Everyone signed in: the server answers with the facilities each may see and book.
      { path: 'facilities', element: <FacilitiesPage /> },
      { path: 'facilities/find', element: <FindFacilityPage /> },
      {
        path: 'facilities/utilization',
        element: (
          <RequireAction action="facility.manage">
            <UtilizationPage />
          </RequireAction>
        ),
      },
      { path: 'facilities/:id', element: <FacilityPage /> },
      // Everyone signed in: teams are public in the district; anyone may find one and apply.
      { path: 'teams', element: <TeamsPage /> },
      { path: 'teams/find', element: <FindTeamPage /> },
      { path: 'teams/:id', element: <TeamPage /> },
      // Everyone signed in (the page says so when there is no person to invite).
      { path: 'me/invitations', element: <MyInvitationsPage /> },
      // Everyone signed in: notices sent to me, and my notifications with their preferences.
      { path: 'me/inbox', element: <NoticeInboxPage /> },
      { path: 'me/inbox/:id', element: <ReadNoticePage /> },
      { path: 'me/notifications', element: <NotificationsPage /> },
      // Everyone signed in: the user's guide (docs/guide), the reader's role's page first.
      { path: 'help', element: <HelpPage /> },
      { path: 'help/:page', element: <HelpPage /> },
      // Everyone signed in: the server answers with the courses and lectures each may see.
      { path: 'courses', element: <CoursesPage /> },
      { path: 'courses/:id', element: <CoursePage /> },
      {
        path: 'me/teaching',
        element: (
          <RequireAction action="course.teach">
            <TeachingPage />
          </RequireAction>
        ),
      },
      {
        path: 'notices',
        element: (
          <RequireAction action="notice.publish">
            <NoticesPage />
          </RequireAction>
        ),
      },
      {
        path: 'notices/new',
        element: (
          <RequireAction action="notice.publish">
            <NoticeEditorPage />
          </RequireAction>
        ),
      },
      {
        path: 'notices/:id',
        element: (
          <RequireAction action="notice.publish">
            <NoticePage />
          </RequireAction>
        ),
      },
      {
        path: 'notices/:id/edit',
        element: (
          <RequireAction action="notice.publish">
            <NoticeEditorPage />
          </RequireAction>
        ),
      },
      {
        path: 'campaigns',
        element: (
          <RequireAction action="campaign.manage">
            <CampaignsPage />
          </RequireAction>
        ),
      },
      {
        path: 'campaigns/:id',
        element: (
          <RequireAction action="campaign.manage">
            <CampaignPage />
          </RequireAction>
        ),
      },
      {
        path: 'evaluations',
        element: (
          <RequireAction action="evaluation.read">
            <EvaluationsPage />
          </RequireAction>
        ),
      },
      {
        path: 'evaluations/:id',
        element: (
          <RequireAction action="evaluation.read">
            <EvaluationPage />
          </RequireAction>
        ),
      },
      // Everyone signed in: shortlists on public notice and published honour lists.
      { path: 'honours', element: <HonoursPage /> },
      { path: 'honours/:id', element: <HonourPage /> },
      {
        path: 'me/bookings',
        element: (
          <RequireAction action="booking.make">
            <MyBookingsPage />
          </RequireAction>
        ),
      },
      {
        path: 'bookings/inbox',
        element: (
          <RequireAction action="facility.manage">
            <BookingInboxPage />
          </RequireAction>
        ),
      },
      {
        path: 'registrations',
        element: (
          <RequireAction action="registration.decide">
            <RegistrationsPage />
          </RequireAction>
        ),
      },
      {
        path: 'units',
        element: (
          <RequireAction action="unit.read">
            <UnitsPage />
          </RequireAction>
        ),
      },
      {
        path: 'party-orgs',
        element: (
          <RequireAction action="org.read">
            <PartyOrgsPage />
          </RequireAction>
        ),
      },
      {
        path: 'members',
        element: (
          <RequireAction action="person.read">
            <MembersPage />
          </RequireAction>
        ),
      },
      {
        path: 'bodies',
        element: (
          <RequireAction action="body.read">
            <BodiesPage />
          </RequireAction>
        ),
      },
      {
        path: 'bodies/:id',
        element: (
          <RequireAction action="body.read">
            <BodyPage />
          </RequireAction>
        ),
      },
      {
        path: 'meetings',
        element: (
          <RequireAction action="body.read">
            <MeetingsPage />
          </RequireAction>
        ),
      },
      {
        path: 'meetings/:id',
        element: (
          <RequireAction action="body.read">
            <MeetingPage />
          </RequireAction>
        ),
      },
      // Everyone signed in: the server answers with the tasks each may see.
      { path: 'tasks', element: <TasksPage /> },
      {
        path: 'dashboards',
        element: (
          <RequireAction action="dashboard.read">
            <DashboardPage />
          </RequireAction>
        ),
      },
      {
        path: 'coverage',
        element: (
          <RequireAction action="coverage.read">
            <CoveragePage />
          </RequireAction>
        ),
      },
      {
        path: 'imports',
        element: (
          <RequireAction action="import.run">
            <ImportsPage />
          </RequireAction>
        ),
      },
      {
        path: 'regions',
        element: (
          <RequireAction action="region.read">
            <RegionsPage />
          </RequireAction>
        ),
      },
      {
        path: 'users',
        element: (
          <RequireAction action="user.read">
            <UsersPage />
          </RequireAction>
        ),
      },
      {
        path: 'audit',
        element: (
          <RequireAction action="audit.read">
            <AuditPage />
          </RequireAction>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
