/**
 * What other domains read of campaigns (the model is regions.queries): whether a campaign
 * a row points at is there. Campaigns' own reads and changes stay in campaigns.service.
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { campaigns } from './campaigns.schema';

/** Whether the district has this campaign. */
export async function campaignExists(db: Tx, districtId: number, id: number): Promise<boolean> {
  const [row] = await db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(campaigns.districtId, districtId), eq(campaigns.id, id)));
  return row !== undefined;
}
