import { QueryClient } from '@tanstack/react-query';
import { ApiError, setUnauthorizedHandler } from './api';

export const ME_KEY = ['auth', 'me'] as const;

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A 4xx will not change by asking again; a dropped connection might.
      retry: (failureCount, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
    },
    mutations: { retry: false },
  },
});

// The session has ended: forget who we were; RequireAuth then sends the user to the login page.
setUnauthorizedHandler(() => queryClient.setQueryData(ME_KEY, null));

/** Drop every cached answer except the session itself (e.g. when the user changes). */
export function forgetData() {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
}
