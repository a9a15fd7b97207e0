/**
 * What other domains read of residents' needs (the model is regions.queries): what one is
 * called, for the audit trail to name the need an entry is about; and the needs the header's
 * search finds. Needs' own reads and changes stay in needs.service.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../auth/actor';
import { holds } from '../../auth/authorize';
import { firstOf } from '../../db/paging';
import { limitOf, type SearchPart, textContains } from '../../db/text';
import { regionRow } from '../regions/regions.queries';
import { needPolicy } from './needs.policy';

/** SQL: a need's title, as a scalar subquery (`districtId`, `id`: the caller's columns). */
export const needTitle = (districtId: SQL, id: SQL): SQL =>
  sql`(SELECT need_row.title FROM needs need_row WHERE need_row.district_id = ${districtId} AND need_row.id = ${id})`;

/**
 * The needs a search finds (the header's search): those the list of needs shows the reader
 * (`needPolicy.visible`: its community's organisers, and the resident who raised it) whose
 * title contains `q`, the latest first, each with its community. Each leads to its own page.
 */
export function searchNeeds(actor: Actor, q: string, limit: number): SearchPart {
  return {
    // needPolicy.visible reads the need as `n` and its community as `c`.
    sql: sql`
      SELECT n.id, n.title, c.name AS subtitle FROM needs n
        JOIN LATERAL (${regionRow(sql`n.district_id`, sql`n.community_id`)}) c ON true
       WHERE n.district_id = ${actor.districtId} AND ${textContains(sql`n.title`, q)} AND ${needPolicy.visible(actor)}
       ORDER BY n.created_at DESC, n.id DESC ${limitOf(limit + 1)}`,
    present: (rows) => ({
      ...firstOf(rows, limit, (r) => ({
        id: r.id,
        title: r.title,
        subtitle: r.subtitle,
        link: `/needs/${r.id}`,
      })),
      // The organisers' list takes the text; a resident's own list of needs is short enough to read.
      link: holds(actor, 'need.decide') ? `/needs?q=${encodeURIComponent(q)}` : '/me/needs',
    }),
  };
}
