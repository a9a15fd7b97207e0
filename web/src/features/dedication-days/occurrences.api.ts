import type {
  CheckinCode,
  CheckinResult,
  DedicationTask,
  HoursStatus,
  Occurrence,
  Signup,
  SignupStatus,
} from '@contract';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { ApiError, api, type Page } from '../../lib/api';

export type CheckinCodeData = z.infer<typeof CheckinCode>;
export type CheckinResultData = z.infer<typeof CheckinResult>;
export type CheckAction = 'in' | 'out';
export type SignupListParams = {
  mine?: 'true';
  occurrenceId?: number;
  taskId?: number;
  status?: SignupStatus;
  hoursStatus?: HoursStatus;
  page?: number;
  pageSize?: number;
};
export type TaskInput = {
  title: string;
  place: string;
  capacity: number;
  specialties: string[];
  /** ISO date-times with offset. */
  startsAt?: string;
  endsAt?: string;
};
export type HoursDecision =
  | { decision: 'confirm'; hours?: number; reason?: string }
  | { decision: 'reject'; reason: string };

export const occurrenceKeys = {
  all: ['occurrences'] as const,
  detail: (id: number) => ['occurrences', 'detail', id] as const,
  checkinCode: (id: number) => ['occurrences', 'checkin-code', id] as const,
};
export const signupKeys = {
  all: ['signups'] as const,
  list: (params: SignupListParams) => ['signups', 'list', params] as const,
};

export function useOccurrence(id: number | undefined) {
  return useQuery({
    queryKey: occurrenceKeys.detail(id ?? 0),
    queryFn: () => api.get<Occurrence>(`/occurrences/${id}`),
    enabled: id !== undefined,
  });
}

export function useSignups(params: SignupListParams, enabled = true) {
  return useQuery({
    queryKey: signupKeys.list(params),
    queryFn: () => api.get<Page<Signup>>('/signups', params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/**
 * The rotating check-in code, fetched anew every `refreshSeconds` while the panel is open:
 * a photo of an old one stops working within about a minute.
 */
export function useCheckinCode(id: number, enabled: boolean) {
  return useQuery({
    queryKey: occurrenceKeys.checkinCode(id),
    queryFn: () => api.get<CheckinCodeData>(`/occurrences/${id}/checkin-code`),
    enabled,
    staleTime: 0,
    gcTime: 0,
    refetchInterval: (query) => (query.state.data ? msToNextCode(query.state.data) : false),
    refetchIntervalInBackground: true,
  });
}

/**
 * Milliseconds until the server makes the next code: just after the current one's step ends
 * (a code is good in its own step and the next). Within 2 s and one step, whatever the
 * clocks say.
 */
export function msToNextCode(code: Pick<CheckinCodeData, 'expiresAt' | 'refreshSeconds'>, now = Date.now()) {
  const step = code.refreshSeconds * 1000;
  const next = Date.parse(code.expiresAt) - step + 500 - now;
  return Number.isFinite(next) ? Math.min(Math.max(next, 2000), step) : step;
}

/** Everything a sign-up touches: occurrences (fill levels, the calendar), lists, the ledger. */
const TOUCHED = [occurrenceKeys.all, signupKeys.all, ['ledger'], ['notifications'], ['audit']];

/** An occurrence write answers the whole occurrence: it goes straight into the cache. */
function useOccurrenceMutation<V>(mutationFn: (vars: V) => Promise<Occurrence>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (occurrence) => {
      queryClient.setQueryData(occurrenceKeys.detail(occurrence.id), occurrence);
      return Promise.all(
        TOUCHED.map((queryKey) =>
          queryClient.invalidateQueries({
            queryKey,
            predicate: (q) => q.queryKey[1] !== 'detail' || q.queryKey[2] !== occurrence.id,
          }),
        ),
      );
    },
  });
}

export const useCancelOccurrence = () =>
  useOccurrenceMutation(({ id, reason }: { id: number; reason: string }) =>
    api.post<Occurrence>(`/occurrences/${id}/cancel`, { reason }),
  );

export const useAddTask = () =>
  useOccurrenceMutation(({ occurrenceId, body }: { occurrenceId: number; body: TaskInput }) =>
    api.post<Occurrence>(`/occurrences/${occurrenceId}/tasks`, body),
  );

export const useUpdateTask = () =>
  useOccurrenceMutation(
    ({ occurrenceId, taskId, body }: { occurrenceId: number; taskId: number; body: Partial<TaskInput> }) =>
      api.patch<Occurrence>(`/occurrences/${occurrenceId}/tasks/${taskId}`, body),
  );

function useSignupMutation<V, R = Signup>(mutationFn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => Promise.all(TOUCHED.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}

/** Signs up for a task: `signed`, or `waiting` with a place in line when the task is full. */
export const useSignUp = () =>
  useSignupMutation((taskId: number) => api.post<Signup>('/signups', { taskId }));

export const useWithdrawSignup = () =>
  useSignupMutation((id: number) => api.post<Signup>(`/signups/${id}/withdraw`));

export const useRemoveSignup = () =>
  useSignupMutation(({ id, reason }: { id: number; reason: string }) =>
    api.post<Signup>(`/signups/${id}/remove`, { reason }),
  );

/** The organiser checks a person in or out by hand. */
export const useHandCheck = () =>
  useSignupMutation(({ id, action }: { id: number; action: CheckAction }) =>
    api.post<Signup>(`/signups/${id}/check`, { action }),
  );

export const useDecideHours = () =>
  useSignupMutation(({ id, ...body }: { id: number } & HoursDecision) =>
    api.post<Signup>(`/signups/${id}/hours`, body),
  );

/** A member checks in or out with the code on the organiser's screen. */
export const useCheckin = () =>
  useSignupMutation((body: { token: string; action: CheckAction }) =>
    api.post<CheckinResultData>('/checkins', body),
  );

// ---------- rules the pages share ----------

/** Check-in opens this long before an occurrence starts (and closes at its end)… */
export const CHECKIN_OPENS_BEFORE_MS = 30 * 60_000;
/** …and checking out stays open this long after the end. */
export const CHECKOUT_CLOSES_AFTER_MS = 60 * 60_000;

const now = () => Date.now();
const at = (iso: string) => new Date(iso).getTime();

export const hasEnded = (x: { endsAt: string }) => at(x.endsAt) <= now();
export const hasStarted = (x: { startsAt: string }) => at(x.startsAt) <= now();

/** Within the check-in window: from half an hour before the start to the end. */
export const isCheckinOpen = (x: { startsAt: string; endsAt: string }) =>
  at(x.startsAt) - CHECKIN_OPENS_BEFORE_MS <= now() && now() < at(x.endsAt);

/** Within the hand check-in window: from half an hour before the start to an hour after the end. */
export const isHandCheckOpen = (x: { startsAt: string; endsAt: string }) =>
  at(x.startsAt) - CHECKIN_OPENS_BEFORE_MS <= now() && now() <= at(x.endsAt) + CHECKOUT_CLOSES_AFTER_MS;

/**
 * A task still takes sign-ups: its occurrence on and not over; once the day has begun, only
 * while a place is free (nobody waits on the day itself).
 */
export const takesSignups = (
  occurrence: Pick<Occurrence, 'status' | 'startsAt' | 'endsAt'>,
  task: Pick<DedicationTask, 'signed' | 'capacity'>,
) => occurrence.status === 'scheduled' && !hasEnded(occurrence) && !(hasStarted(occurrence) && isFull(task));

export const isFull = (task: Pick<DedicationTask, 'signed' | 'capacity'>) => task.signed >= task.capacity;

/** A live sign-up: signed, or waiting in line. */
export const isActive = (status: SignupStatus) => status === 'signed' || status === 'waiting';

/** One's own sign-up may be withdrawn while live and before the day starts. */
export const canWithdraw = (x: { status: SignupStatus; startsAt: string }) =>
  isActive(x.status) && !hasStarted(x);

/** The occurrence a `checkin_not_signed_up` refusal names, whichever way its details carry it. */
export function refusedOccurrenceId(error: unknown): number | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const details: unknown = error.details;
  let value: unknown;
  if (Array.isArray(details)) {
    const issue: unknown = details.find(
      (d: unknown) => typeof d === 'object' && d !== null && 'path' in d && d.path === 'occurrenceId',
    );
    value = typeof issue === 'object' && issue !== null && 'message' in issue ? issue.message : undefined;
  } else if (typeof details === 'object' && details !== null && 'occurrenceId' in details) {
    value = details.occurrenceId;
  }
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/**
 * The token in what a QR code or the text field gives: the `t` of a check-in address, or the
 * text itself.
 */
export function tokenFrom(text: string): string {
  const trimmed = text.trim();
  try {
    const url = new URL(trimmed);
    const t = url.searchParams.get('t');
    if (t) return t;
  } catch {
    // Not an address: the text is the code.
  }
  return trimmed;
}
