/** What other features may use of this one; they import nothing else from it. */

export type { BodyFormTarget } from './BodyFormDrawer';
export { BodyFormDrawer } from './BodyFormDrawer';
