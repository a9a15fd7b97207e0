/** What other features may use of this one; they import nothing else from it. */

export type { ProjectFormTarget } from './ProjectFormDrawer';
export { ProjectFormDrawer } from './ProjectFormDrawer';
export { UnitClaims } from './UnitClaims';
