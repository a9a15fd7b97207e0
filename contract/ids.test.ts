import { describe, expect, it } from 'vitest';
import { Id } from './index';

describe('an id', () => {
  it('is a positive whole number, or its digits as text', () => {
    expect(Id.parse(12)).toBe(12);
    expect(Id.parse('12')).toBe(12);
  });

  it('is nothing else: no boolean, array, blank, sign, fraction or over-long number turns into one', () => {
    for (const v of [
      true,
      false,
      [5],
      '',
      ' 12',
      '012',
      '-1',
      '1.5',
      '1e3',
      0,
      -3,
      1.5,
      '99999999999999999',
      null,
      {},
    ])
      expect(Id.safeParse(v).success, JSON.stringify(v)).toBe(false);
  });
});
