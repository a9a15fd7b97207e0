/**
 * Channels beyond the bell. An operator plugs in a sender per channel (an SMS gateway, a
 * WeChat template-message client); until then the logging sender notes each message in
 * the log, so nothing is sent by surprise. The text stays in the outbox table: it names
 * people, and the log is outside the personal-data boundary (docs/THREAT-MODEL.md).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { registerJob } from '../jobs/jobs.service';

export interface Sender {
  send(to: { userId: number }, text: string): Promise<void>;
}

const log: { info: (m: string) => void } = { info: (m) => console.info(m) };

/** The default: says in the log that a message would have been sent, not what it says. */
export const loggingSender = (channel: string): Sender => ({
  async send(to, text) {
    log.info(`[${channel}] to user ${to.userId}: ${[...text].length} characters (kept in the outbox)`);
  },
});

const senders = new Map<string, Sender>([
  ['sms', loggingSender('sms')],
  ['wechat', loggingSender('wechat')],
]);

export function registerSender(channel: string, sender: Sender) {
  senders.set(channel, sender);
}

/** Sends what waits in the outbox, each message once. */
export async function deliverOutbox(db: Db) {
  for (;;) {
    const sent = await db.transaction(async (tx) => {
      const { rows } = await tx.execute<{ id: number; user_id: number; channel: string; text: string }>(sql`
        SELECT id, user_id, channel, text FROM outbox WHERE status = 'queued' ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED`);
      for (const m of rows) {
        const sender = senders.get(m.channel);
        if (!sender) continue;
        await sender.send({ userId: m.user_id }, m.text);
        await tx.execute(sql`UPDATE outbox SET status = 'sent', sent_at = now() WHERE id = ${m.id}`);
      }
      return rows.length;
    });
    if (sent < 100) return;
  }
}

registerJob('outbox.deliver', (db) => deliverOutbox(db));
