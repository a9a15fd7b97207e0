/**
 * Who may see and decide a resident's need (微心愿). A need is its community's to answer; its
 * raiser follows it. What a reader sees is narrowed in SQL (`needPolicy.visible`); services ask
 * here (`allow(needPolicy.decide(actor, n), 'out_of_scope')`); every need carries the answers
 * for its reader as `can`, so the console never works a rule out again.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Need, NeedCan, NeedSetting } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { can, inScope, overDistrict } from '../../auth/authorize';

/** What the rules read of a need: its community's place, and where it stands. */
export type NeedFacts = { community_path: string; status: Need['status'] };

/** Still waiting for an answer, or accepted and not yet acted on: the only needs that are decided. */
const PENDING: Need['status'][] = ['open', 'accepted'];

export const needPolicy = {
  /**
   * SQL: the needs (`n`, community `c`) the actor may read — its community's organisers, and
   * the resident who raised it, wherever they stand.
   */
  visible: (actor: Actor): SQL =>
    needPolicy.readsAll(actor)
      ? sql`true`
      : sql`(${inScope(actor, 'need.decide', sql`c.path`)} OR ${actor.personId === null ? sql`false` : sql`n.person_id = ${actor.personId}`})`,
  /** Reads every need of the district (organises the whole of it): `visible` is `true`, and reads no community. */
  readsAll: (actor: Actor) => overDistrict(actor, 'need.decide'),
  /** Accepts, declines, merges (on both sides of a merge) or converts it: its community's organisers. */
  decide: (actor: Actor, n: Pick<NeedFacts, 'community_path'>) => can(actor, 'need.decide', n.community_path),
  /**
   * Sets (or reads) how many days the street's needs may wait before they are overdue: those who
   * organise the whole street — its admins and the district's. A community's worker does not.
   */
  configure: (actor: Actor, street: { path: string }) => can(actor, 'need.decide', street.path),
  /** SQL: the streets (`r`) whose setting the actor may read and set (`configure`, in the database). */
  configurable: (actor: Actor): SQL => inScope(actor, 'need.decide', sql`r.path`),
};

/** What the reader may do to this need, for the console (its raiser, as such: nothing). */
export const needCan = (actor: Actor, n: NeedFacts): NeedCan => {
  const decide = PENDING.includes(n.status) && needPolicy.decide(actor, n);
  return {
    decide,
    accept: decide && n.status === 'open',
    // A project of its community answers it: the reader must run projects there too.
    convert: decide && can(actor, 'project.manage', n.community_path),
  };
};

/** What the reader may do to a street's setting, for the console. */
export const needSettingCan = (actor: Actor, street: { path: string }): NeedSetting['can'] => ({
  update: needPolicy.configure(actor, street),
});
