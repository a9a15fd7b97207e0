import type { Action, AuthSession, Me } from '@contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, lazy, type ReactNode, Suspense, use } from 'react';
import { Navigate, useLocation } from 'react-router';
import { FullPageSpin } from '../shared/FullPage';
import { api, setCsrfToken } from './api';
import { forgetData, ME_KEY } from './queryClient';
import { setTimeZone } from './zone';

// Rarely shown: loaded when needed.
const ForbiddenPage = lazy(() => import('../app/ErrorPages').then((m) => ({ default: m.ForbiddenPage })));
const FullPageError = lazy(() => import('../app/ErrorPages').then((m) => ({ default: m.FullPageError })));

/**
 * Who is signed in, or null. Asked of the public /auth/session, which answers 200 either way:
 * /auth/me's 401 to a signed-out browser showed as an error in its console on every load.
 */
async function fetchMe(): Promise<Me | null> {
  const { me, timeZone } = await api.get<AuthSession>('/auth/session');
  setCsrfToken(me?.csrfToken);
  // Before any page shows: every time on them is the district's (lib/time.ts).
  setTimeZone(timeZone);
  return me;
}

export function useMeQuery() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, refetchOnWindowFocus: true });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => api.post<Me>('/auth/login', body),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      setTimeZone(me.timeZone);
      forgetData();
      queryClient.setQueryData(ME_KEY, me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/auth/logout'),
    // Whatever the server says, this browser is signed out.
    onSettled: () => {
      setCsrfToken(undefined);
      forgetData();
      queryClient.setQueryData(ME_KEY, null);
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api.post('/auth/password', body),
  });
}

const AuthContext = createContext<Me | null>(null);

/** The signed-in user; only inside <RequireAuth>. */
export function useAuth() {
  const me = use(AuthContext);
  if (!me) throw new Error('useAuth() used outside <RequireAuth>');
  const can = (action: Action) => me.actions.includes(action);
  return { me, can };
}

/** The login page address that returns to where the user was going. */
export function loginPath(next: string) {
  return next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
}

/** Only a same-site path may be a return target. */
export function safeNext(next: string | null) {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function RequireAuth({ children }: { children: ReactNode }) {
  const { data: me, error, isPending, refetch } = useMeQuery();
  const location = useLocation();
  if (isPending) return <FullPageSpin />;
  if (me) return <AuthContext value={me}>{children}</AuthContext>;
  if (error)
    return (
      <Suspense fallback={<FullPageSpin />}>
        <FullPageError error={error} onRetry={() => void refetch()} />
      </Suspense>
    );
  return <Navigate to={loginPath(location.pathname + location.search)} replace />;
}

export function RequireAction({ action, children }: { action: Action; children: ReactNode }) {
  const { can } = useAuth();
  return can(action) ? children : <ForbiddenPage />;
}
