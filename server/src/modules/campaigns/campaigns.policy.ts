/**
 * Who may run a publicity campaign (宣传周, 专题活动). Campaigns are public in the district;
 * those who organise in its area edit it. Each campaign carries its reader's answer as `can`.
 */
import type { CampaignCan } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { can } from '../../auth/authorize';

/** What the rules read of a campaign: its place. */
export type CampaignFacts = { region_path: string };

export const campaignPolicy = {
  /** Edit it and group courses and notices under it: the organisers of its area. */
  manage: (actor: Actor, c: CampaignFacts) => can(actor, 'campaign.manage', c.region_path),
};

/** What the reader may do to this campaign, for the console. */
export const campaignCan = (actor: Actor, c: CampaignFacts): CampaignCan => ({
  edit: campaignPolicy.manage(actor, c),
});
