/**
 * A dashboard answer is computed once per figures version: asked again before the next fold it
 * comes from memory; once the figures are folded again it is computed afresh.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/harness';
import { byFiguresVersion } from './answers.cache';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('dashboard answers by figures version', () => {
  it('computes once per version, and again after a fold', async () => {
    let computed = 0;
    const ask = () =>
      t.db.transaction((tx) => byFiguresVersion(tx, 'test|answer', async () => ({ n: ++computed })));
    expect(await ask()).toEqual({ n: 1 });
    expect(await ask()).toEqual({ n: 1 });
    expect(computed).toBe(1);
    // A fold stamps the figures: the next question is answered from the new figures.
    await t.sql("UPDATE figures_state SET folded_at = now() + interval '1 second' WHERE id = 1");
    expect(await ask()).toEqual({ n: 2 });
    expect(await ask()).toEqual({ n: 2 });
    expect(computed).toBe(2);
  });
});
