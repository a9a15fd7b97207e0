/** The notification centre's policy: a notification is its recipient's alone, whatever roles others hold. */
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { actor } from '../../../test/actors';
import { notificationPolicy } from './notifications.policy';

const render = (q: ReturnType<typeof notificationPolicy.own>) => {
  const { sql, params } = new PgDialect().sqlToQuery(q);
  return { sql, params };
};

describe('notifications.policy', () => {
  it('every read and mark narrows to the reader’s own account — a district admin’s too', () => {
    const admin = actor(null, [['district_admin', '1']], 7);
    const member = actor(8, [['party_member', '1.2.3']], 30);
    expect(render(notificationPolicy.own(admin))).toEqual({
      sql: '"notifications"."user_id" = $1',
      params: [7],
    });
    expect(render(notificationPolicy.own(member)).params).toEqual([30]);
  });
});
