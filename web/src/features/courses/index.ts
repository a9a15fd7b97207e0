/** What other features may use of this one; they import nothing else from it. */

export { useCourses } from './api';
export { CourseCards } from './CourseCards';
export type { CourseFormTarget } from './CourseFormDrawer';
export { CourseFormDrawer } from './CourseFormDrawer';
