/** What other features may use of this one; they import nothing else from it. */

export { useMember, useMembers } from './api';
export { SpecialtyTags } from './MemberCells';
