/**
 * Who may see and mark a notification: its recipient alone — not an organiser, not an
 * administrator. The rule is a condition every read and write of the centre adds in SQL, so
 * another's notification is simply not found (404).
 */
import { eq, type SQL } from 'drizzle-orm';
import type { Actor } from '../../auth/actor';
import { notifications } from './notifications.schema';

export const notificationPolicy = {
  /** SQL: the notifications addressed to the actor's own account. */
  own: (actor: Actor): SQL => eq(notifications.userId, actor.userId),
};
