/** What other features may use of this one; they import nothing else from it. */

export { useCampaign } from './api';
export { CampaignSelect } from './CampaignSelect';
