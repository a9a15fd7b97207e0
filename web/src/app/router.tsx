import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { LoginPage } from '../features/auth/LoginPage';
import { HomePage } from '../features/home/HomePage';
import { RequireAction, RequireAuth } from './auth';
import { NotFoundPage } from './ErrorPages';
import { AppLayout } from './layout/AppLayout';

// The work pages load on first visit, keeping the login page light on a phone.
const RegionsPage = lazy(() =>
  import('../features/regions/RegionsPage').then((m) => ({ default: m.RegionsPage })),
);
const UsersPage = lazy(() => import('../features/users/UsersPage').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('../features/audit/AuditPage').then((m) => ({ default: m.AuditPage })));
const UnitsPage = lazy(() => import('../features/units/UnitsPage').then((m) => ({ default: m.UnitsPage })));
const PartyOrgsPage = lazy(() =>
  import('../features/partyOrgs/PartyOrgsPage').then((m) => ({ default: m.PartyOrgsPage })),
);
const MembersPage = lazy(() =>
  import('../features/members/MembersPage').then((m) => ({ default: m.MembersPage })),
);
const RegistrationsPage = lazy(() =>
  import('../features/registrations/RegistrationsPage').then((m) => ({ default: m.RegistrationsPage })),
);
const MyRegistrationPage = lazy(() =>
  import('../features/registrations/MyRegistrationPage').then((m) => ({ default: m.MyRegistrationPage })),
);
const MyNeedsPage = lazy(() =>
  import('../features/needs/MyNeedsPage').then((m) => ({ default: m.MyNeedsPage })),
);
const NeedsPage = lazy(() => import('../features/needs/NeedsPage').then((m) => ({ default: m.NeedsPage })));
const ProjectsPage = lazy(() =>
  import('../features/projects/ProjectsPage').then((m) => ({ default: m.ProjectsPage })),
);
const ProjectPage = lazy(() =>
  import('../features/projects/ProjectPage').then((m) => ({ default: m.ProjectPage })),
);
const MyClaimPage = lazy(() =>
  import('../features/projects/MyClaimPage').then((m) => ({ default: m.MyClaimPage })),
);
const OccurrencePage = lazy(() =>
  import('../features/occurrences/OccurrencePage').then((m) => ({ default: m.OccurrencePage })),
);
const CheckinPage = lazy(() =>
  import('../features/occurrences/CheckinPage').then((m) => ({ default: m.CheckinPage })),
);
const MyDedicationPage = lazy(() =>
  import('../features/occurrences/MyDedicationPage').then((m) => ({ default: m.MyDedicationPage })),
);
const MyRecordPage = lazy(() =>
  import('../features/ledger/MyRecordPage').then((m) => ({ default: m.MyRecordPage })),
);
const TimeBankPage = lazy(() =>
  import('../features/timeBank/TimeBankPage').then((m) => ({ default: m.TimeBankPage })),
);
const BodiesPage = lazy(() =>
  import('../features/bodies/BodiesPage').then((m) => ({ default: m.BodiesPage })),
);
const BodyPage = lazy(() => import('../features/bodies/BodyPage').then((m) => ({ default: m.BodyPage })));
const MeetingsPage = lazy(() =>
  import('../features/meetings/MeetingsPage').then((m) => ({ default: m.MeetingsPage })),
);
const MeetingPage = lazy(() =>
  import('../features/meetings/MeetingPage').then((m) => ({ default: m.MeetingPage })),
);
const TasksPage = lazy(() => import('../features/tasks/TasksPage').then((m) => ({ default: m.TasksPage })));
const CoveragePage = lazy(() =>
  import('../features/coverage/CoveragePage').then((m) => ({ default: m.CoveragePage })),
);
const ImportsPage = lazy(() =>
  import('../features/imports/ImportsPage').then((m) => ({ default: m.ImportsPage })),
);
const DedicationDaysPage = lazy(() =>
  import('../features/dedication/DedicationDaysPage').then((m) => ({ default: m.DedicationDaysPage })),
);
const DedicationCalendarPage = lazy(() =>
  import('../features/dedication/DedicationCalendarPage').then((m) => ({
    default: m.DedicationCalendarPage,
  })),
);
const FacilitiesPage = lazy(() =>
  import('../features/facilities/FacilitiesPage').then((m) => ({ default: m.FacilitiesPage })),
);
const FacilityPage = lazy(() =>
  import('../features/facilities/FacilityPage').then((m) => ({ default: m.FacilityPage })),
);
const FindFacilityPage = lazy(() =>
  import('../features/facilities/FindFacilityPage').then((m) => ({ default: m.FindFacilityPage })),
);
const UtilizationPage = lazy(() =>
  import('../features/facilities/UtilizationPage').then((m) => ({ default: m.UtilizationPage })),
);
const MyBookingsPage = lazy(() =>
  import('../features/bookings/MyBookingsPage').then((m) => ({ default: m.MyBookingsPage })),
);
const BookingInboxPage = lazy(() =>
  import('../features/bookings/InboxPage').then((m) => ({ default: m.InboxPage })),
);
const TeamsPage = lazy(() => import('../features/teams/TeamsPage').then((m) => ({ default: m.TeamsPage })));
const TeamPage = lazy(() => import('../features/teams/TeamPage').then((m) => ({ default: m.TeamPage })));
const FindTeamPage = lazy(() =>
  import('../features/teams/FindTeamPage').then((m) => ({ default: m.FindTeamPage })),
);
const MyInvitationsPage = lazy(() =>
  import('../features/invitations/MyInvitationsPage').then((m) => ({ default: m.MyInvitationsPage })),
);

const CoursesPage = lazy(() =>
  import('../features/courses/CoursesPage').then((m) => ({ default: m.CoursesPage })),
);
const CoursePage = lazy(() =>
  import('../features/courses/CoursePage').then((m) => ({ default: m.CoursePage })),
);
const TeachingPage = lazy(() =>
  import('../features/courses/TeachingPage').then((m) => ({ default: m.TeachingPage })),
);
const NoticesPage = lazy(() =>
  import('../features/notices/NoticesPage').then((m) => ({ default: m.NoticesPage })),
);
const NoticePage = lazy(() =>
  import('../features/notices/NoticePage').then((m) => ({ default: m.NoticePage })),
);
const NoticeEditorPage = lazy(() =>
  import('../features/notices/NoticeEditorPage').then((m) => ({ default: m.NoticeEditorPage })),
);
const NoticeInboxPage = lazy(() =>
  import('../features/notices/InboxPage').then((m) => ({ default: m.InboxPage })),
);
const ReadNoticePage = lazy(() =>
  import('../features/notices/ReadNoticePage').then((m) => ({ default: m.ReadNoticePage })),
);
const CampaignsPage = lazy(() =>
  import('../features/campaigns/CampaignsPage').then((m) => ({ default: m.CampaignsPage })),
);
const CampaignPage = lazy(() =>
  import('../features/campaigns/CampaignPage').then((m) => ({ default: m.CampaignPage })),
);
const EvaluationsPage = lazy(() =>
  import('../features/evaluations/EvaluationsPage').then((m) => ({ default: m.EvaluationsPage })),
);
const EvaluationPage = lazy(() =>
  import('../features/evaluations/EvaluationPage').then((m) => ({ default: m.EvaluationPage })),
);
const HonoursPage = lazy(() =>
  import('../features/honours/HonoursPage').then((m) => ({ default: m.HonoursPage })),
);
const HonourPage = lazy(() =>
  import('../features/honours/HonourPage').then((m) => ({ default: m.HonourPage })),
);
const DashboardPage = lazy(() =>
  import('../features/dashboards/DashboardPage').then((m) => ({ default: m.DashboardPage })),
);
const NotificationsPage = lazy(() =>
  import('../features/notifications/NotificationsPage').then((m) => ({ default: m.NotificationsPage })),
);

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
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
      {
        path: 'needs',
        element: (
          <RequireAction action="need.decide">
            <NeedsPage />
          </RequireAction>
        ),
      },
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
