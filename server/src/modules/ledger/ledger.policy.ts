/**
 * Who may read and correct the participation ledger. Entries are written only by
 * ledger.service's `settle`, on behalf of the domain whose act they record; what a reader
 * sees is narrowed in SQL (`ledgerPolicy.visible`), and each entry carries whether its
 * reader may correct it as `can`.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { LedgerEntryCan } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { can, inScope, inUnits } from '../../auth/authorize';

/** What the rules read of an entry: its place, and whether it is itself a correction. */
export type EntryFacts = { region_path: string; corrects_id: number | null };

export const ledgerPolicy = {
  /**
   * SQL: the entries (`e`, region `r`) the actor may read — in its area, of its unit, or its
   * own. A person's record is theirs to see in full, whoever else may read it.
   */
  visible: (actor: Actor): SQL =>
    sql`(${inScope(actor, 'ledger.read', sql`r.path`)}
    OR ${inUnits(actor, 'ledger.read', sql`e.unit_id`)}
    OR ${actor.personId === null ? sql`false` : sql`e.person_id = ${actor.personId}`})`,
  /** Corrections are the organisers' of the entry's area, and are recorded as entries of their own. */
  correct: (actor: Actor, e: { region_path: string }) => can(actor, 'ledger.correct', e.region_path),
};

/** What the reader may do to this entry, for the console: a correction is corrected through its original. */
export const ledgerEntryCan = (actor: Actor, e: EntryFacts): LedgerEntryCan => ({
  correct: e.corrects_id === null && ledgerPolicy.correct(actor, e),
});
