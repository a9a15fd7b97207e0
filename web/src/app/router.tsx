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
