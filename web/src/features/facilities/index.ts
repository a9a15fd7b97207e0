/** What other features may use of this one; they import nothing else from it. */

export { UnitFacilities } from './UnitFacilities';
