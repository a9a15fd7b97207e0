import { createBrowserRouter } from 'react-router';
import { AuditPage } from '../features/audit/AuditPage';
import { LoginPage } from '../features/auth/LoginPage';
import { HomePage } from '../features/home/HomePage';
import { RegionsPage } from '../features/regions/RegionsPage';
import { UsersPage } from '../features/users/UsersPage';
import { RequireAction, RequireAuth } from './auth';
import { NotFoundPage } from './ErrorPages';
import { AppLayout } from './layout/AppLayout';

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
