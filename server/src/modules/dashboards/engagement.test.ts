import { describe, expect, it } from 'vitest';
import { engagement } from './engagement';

const base = {
  projectsOpened: 1,
  daysHeld: 1,
  meetingsHeld: 1,
  communities: 1,
  months: 1,
  residentShare: 0.1,
  memberShare: 0.6,
  unitShare: 0.5,
};

describe('the engagement index', () => {
  it('is 100 when both sides reach their levels, and both sides are keen', () => {
    expect(engagement(base)).toEqual({ communitySide: 1, participationSide: 1, index: 100, state: 'both' });
  });

  it('one keen side and one idle side give a low number: one side keen', () => {
    const organisingAlone = engagement({ ...base, residentShare: 0.01, memberShare: 0.06, unitShare: 0.05 });
    expect(organisingAlone.state).toBe('community_only');
    expect(organisingAlone.index).toBeCloseTo(31.6, 1);
    const residentsAlone = engagement({ ...base, projectsOpened: 0, daysHeld: 0, meetingsHeld: 0.3 });
    expect(residentsAlone.state).toBe('residents_only');
    expect(residentsAlone.index).toBeLessThan(40);
    // The same total effort, split evenly, scores higher than all on one side.
    const even = engagement({
      ...base,
      projectsOpened: 0.55,
      daysHeld: 0.5,
      meetingsHeld: 0.5,
      residentShare: 0.055,
      memberShare: 0.33,
      unitShare: 0.275,
    });
    expect(even.state).toBe('both');
    expect(even.index).toBeGreaterThan(organisingAlone.index);
  });

  it('scales the community side by communities and months, and leaves out units where there are none', () => {
    const street = engagement({
      ...base,
      communities: 10,
      months: 3,
      projectsOpened: 30,
      daysHeld: 30,
      meetingsHeld: 30,
    });
    expect(street.communitySide).toBe(1);
    const half = engagement({
      ...base,
      communities: 10,
      months: 3,
      projectsOpened: 15,
      daysHeld: 15,
      meetingsHeld: 15,
    });
    expect(half.communitySide).toBe(0.5);
    expect(
      engagement({ ...base, unitShare: null, residentShare: 0.05, memberShare: 0.6 }).participationSide,
    ).toBe(0.75);
  });

  it('never goes above 100 or below 0', () => {
    expect(
      engagement({ ...base, projectsOpened: 99, residentShare: 1, memberShare: 1, unitShare: 1 }).index,
    ).toBe(100);
    expect(engagement({ ...base, projectsOpened: 0, daysHeld: 0, meetingsHeld: 0 }).index).toBe(0);
  });
});
