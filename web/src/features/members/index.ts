/** What other features may use of this one; they import nothing else from it. */

export { useMember, useMembers, useSpecialties, useSpecialtyLabel } from './api';
export { SpecialtyTags } from './MemberCells';
export { MemberSelect } from './MemberSelect';
export { SpecialtySelect } from './SpecialtySelect';
