/**
 * Every API route, tried by outsiders: without a session each answers 401; a signed-in
 * resident, who holds few rights, gets 403 from every route that asks for a right they
 * lack — before the route reads its input or touches any data. (Scope within a right —
 * another street, another unit — is tried in each module's own tests.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_ACTIONS } from '../src/auth/permissions';
import { startTestApp, type TestContext } from './harness';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const concrete = (url: string) => url.replace(/:[a-zA-Z]+/g, '1');

describe('every route, tried by outsiders', () => {
  it('declares a policy, and refuses anyone without a session (401)', async () => {
    const guarded = t.app.policies.filter((p) => p.policy !== 'public');
    expect(guarded.length).toBeGreaterThan(100);
    const anonymous = t.anonymous();
    const refused: string[] = [];
    for (const r of guarded) {
      const res = await anonymous.request(r.method, concrete(r.url), r.method === 'GET' ? undefined : {});
      if (res.status !== 401) refused.push(`${r.method} ${r.url}: ${res.status}`);
    }
    expect(refused).toEqual([]);
  });

  it('refuses a resident every route that needs a right a resident does not hold (403)', async () => {
    const resident = await t.as('resident');
    const theirs = new Set<string>(ROLE_ACTIONS.resident);
    const others = t.app.policies.filter(
      (p) => p.policy !== 'public' && p.policy !== 'session' && !theirs.has(p.policy),
    );
    expect(others.length).toBeGreaterThan(50);
    const wrong: string[] = [];
    for (const r of others) {
      const res = await resident.request(r.method, concrete(r.url), r.method === 'GET' ? undefined : {});
      if (res.status !== 403) wrong.push(`${r.method} ${r.url} (${r.policy}): ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });
});
