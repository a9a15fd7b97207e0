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
const MyRecordPage = lazy(() =>
  import('../features/ledger/MyRecordPage').then((m) => ({ default: m.MyRecordPage })),
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
      // Everyone signed in has a record of their own (the page says so when there is no person).
      { path: 'me/record', element: <MyRecordPage /> },
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
