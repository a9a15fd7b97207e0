/**
 * What other domains read of campaigns (the model is regions.queries): whether a campaign
 * a row points at is there. Campaigns' own reads and changes stay in campaigns.service.
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
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

/** SQL: a campaign's title, as a scalar subquery (`districtId`, `id`: the caller's columns). */
export const campaignTitle = (districtId: SQL, id: SQL): SQL =>
  sql`(SELECT campaign_row.title FROM campaigns campaign_row WHERE campaign_row.district_id = ${districtId} AND campaign_row.id = ${id})`;
