/** What other features may use of this one; they import nothing else from it. */

export { useTeam, useTeams, useTeamsIRun } from './api';
export type { SuggestionDrawerTarget } from './SuggestionDrawer';
export { SuggestionDrawer } from './SuggestionDrawer';
export { TeamMemberSelect } from './TeamMemberSelect';
export { TeamSignupModal } from './TeamSignupModal';
