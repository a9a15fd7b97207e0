/**
 * Who may export a list to Excel: whoever may open that list. A list that needs a right
 * (people, units, organisations, bodies, meetings, users) exports for those who hold it
 * somewhere; one any signed-in user may open (registrations, tasks) exports for anyone.
 * Either way the list itself narrows the rows to the reader's scope, as on the page.
 */
import type { Action } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { holds } from '../../auth/authorize';

/** What the rule reads of an export: the right its list needs ('session': none beyond signing in). */
export type ExportFacts = { action: Action | 'session' };

export const exportPolicy = {
  /** Exports the list: as the page would show it — the list's right held anywhere, or none needed. */
  run: (actor: Actor, e: ExportFacts) => e.action === 'session' || holds(actor, e.action),
};
