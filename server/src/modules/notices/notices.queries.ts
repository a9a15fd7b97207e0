/**
 * What other domains read of notices — through here, so the tables stay this domain's:
 * a campaign counts the notices it grouped, who received them and who read them. Each is an
 * SQL fragment, not a function that runs: the campaign list counts per row and the campaign's
 * reach per day, each in one statement.
 */
import { type SQL, sql } from 'drizzle-orm';

/** How many notices a campaign grouped, as a scalar subquery (correlated to a campaign's columns). */
export const campaignNoticeCount = (districtId: SQL, campaignId: SQL) =>
  sql`(SELECT count(*)::int FROM notices n WHERE n.district_id = ${districtId} AND n.campaign_id = ${campaignId})`;

/** Who received a campaign's notices: person_id and read_at (null while unread), one row a delivery. */
export const campaignRecipients = (districtId: number, campaignId: number) => sql`
  SELECT x.person_id, x.read_at FROM notice_recipients x JOIN notices nn ON nn.district_id = x.district_id AND nn.id = x.notice_id
   WHERE nn.district_id = ${districtId} AND nn.campaign_id = ${campaignId}`;

/** SQL: a notice's title, as a scalar subquery (`districtId`, `id`: the caller's columns). */
export const noticeTitle = (districtId: SQL, id: SQL): SQL =>
  sql`(SELECT notice_row.title FROM notices notice_row WHERE notice_row.district_id = ${districtId} AND notice_row.id = ${id})`;
