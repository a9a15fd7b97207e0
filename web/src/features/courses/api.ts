import type { COURSE_KINDS, Course, CourseSession, ENROLMENT_MODES, Enrolment, User } from '@contract';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, type Page } from '../../lib/api';
import { downloadFile } from '../../shared/download';

export type CourseKind = (typeof COURSE_KINDS)[number];
export type EnrolmentMode = (typeof ENROLMENT_MODES)[number];
export type CourseSessionData = z.infer<typeof CourseSession>;
export type CourseListParams = {
  q?: string;
  kind?: CourseKind;
  regionId?: number;
  campaignId?: number;
  mine?: 'true';
  teaching?: 'true';
  page?: number;
  pageSize?: number;
};
export type SessionInput = {
  title: string;
  lecturerUserId?: number;
  /** ISO date-times with offset. */
  startsAt: string;
  endsAt: string;
  place: string;
};
export type NewCourse = {
  kind: CourseKind;
  title: string;
  description: string;
  audience: string;
  regionId: number;
  capacity: number;
  enrolment: EnrolmentMode;
  minSessions: number;
  campaignId?: number;
  sessions: SessionInput[];
};
export type CourseChanges = Partial<
  Pick<
    NewCourse,
    'title' | 'description' | 'audience' | 'capacity' | 'enrolment' | 'minSessions' | 'campaignId'
  >
>;

export const courseKeys = {
  all: ['courses'] as const,
  list: (params: CourseListParams) => ['courses', 'list', params] as const,
  detail: (id: number) => ['courses', 'detail', id] as const,
  enrolments: (id: number, params: { page: number; pageSize: number }) =>
    ['courses', 'enrolments', id, params] as const,
  allEnrolments: (id: number) => ['courses', 'enrolments', id, 'all'] as const,
};

export function useCourses(params: CourseListParams, enabled = true) {
  return useQuery({
    queryKey: courseKeys.list(params),
    queryFn: () => api.get<Page<Course>>('/courses', params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCourse(id: number | undefined) {
  return useQuery({
    queryKey: courseKeys.detail(id ?? 0),
    queryFn: () => api.get<Course>(`/courses/${id}`),
    enabled: id !== undefined,
  });
}

/** A page of a course's enrolments (for its organisers and lecturers). */
export function useEnrolments(id: number, params: { page: number; pageSize: number }, enabled = true) {
  return useQuery({
    queryKey: courseKeys.enrolments(id, params),
    queryFn: () => api.get<Page<Enrolment>>(`/courses/${id}/enrolments`, params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The route's largest page. */
const MAX_PAGE = 200;

/** Every enrolment of a course, page after page: an attendance sheet lists them all. */
export function useAllEnrolments(id: number, enabled = true) {
  return useQuery({
    queryKey: courseKeys.allEnrolments(id),
    queryFn: async () => {
      const items: Enrolment[] = [];
      for (let page = 1; ; page++) {
        const next = await api.get<Page<Enrolment>>(`/courses/${id}/enrolments`, {
          page,
          pageSize: MAX_PAGE,
        });
        items.push(...next.items);
        if (next.items.length < MAX_PAGE || items.length >= next.total) return items;
      }
    },
    enabled,
  });
}

/** Users holding the lecturer role (for organisers who may read users). */
export function useLecturers(q: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'list', { role: 'lecturer', q, page: 1, pageSize: 50 }],
    queryFn: () => api.get<Page<User>>('/users', { role: 'lecturer', q, page: 1, pageSize: 50 }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** A write changes a course's counts, the lists, one's record (completion) and notifications. */
function useCourseMutation<V, R>(mutationFn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all(
        [courseKeys.all, ['campaigns'], ['ledger'], ['notifications'], ['audit']].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}

export const useCreateCourse = () =>
  useCourseMutation((body: NewCourse) => api.post<Course>('/courses', body));

export const useUpdateCourse = () =>
  useCourseMutation(({ id, ...body }: CourseChanges & { id: number }) =>
    api.patch<Course>(`/courses/${id}`, body),
  );

/** Without people: enrol oneself in an open course; with them: organisers nominate. */
export const useEnrol = () =>
  useCourseMutation(({ courseId, personIds }: { courseId: number; personIds?: number[] }) =>
    api.post<{ enrolled: number }>(`/courses/${courseId}/enrolments`, personIds ? { personIds } : {}),
  );

export const useWithdrawEnrolment = () =>
  useCourseMutation((enrolmentId: number) => api.post(`/enrolments/${enrolmentId}/withdraw`));

export const useSaveAttendance = () =>
  useCourseMutation(
    ({ sessionId, items }: { sessionId: number; items: { personId: number; present: boolean }[] }) =>
      api.put<CourseSessionData>(`/sessions/${sessionId}/attendance`, { items }),
  );

/** The completion certificate as a PDF, named as the server names it. */
export const downloadCertificate = (enrolmentId: number, fallbackName: string) =>
  downloadFile(`/enrolments/${enrolmentId}/certificate`, fallbackName);

/** Whether a session has begun: attendance is recorded from then on. */
export const hasStarted = (session: Pick<CourseSessionData, 'startsAt'>) =>
  new Date(session.startsAt).getTime() <= Date.now();

/** Whether a course takes enrolments: not yet over, and a seat free. */
export const isOpenForEnrolment = (course: Course) =>
  course.enrolled < course.capacity &&
  (course.endsAt === null || new Date(course.endsAt).getTime() > Date.now());
