/**
 * Adds to the hostile suite's figures. Lines go to a file shared by the test processes,
 * since vitest runs files in separate workers; the global setup prints the sums.
 */
import fs from 'node:fs';
import { inject } from 'vitest';
import type { Figures } from './figures';

/** Adds figures to this run's tally (a test's own assertions still decide pass or fail). */
export function tally(figures: Partial<Figures> & { source: string }) {
  fs.appendFileSync(inject('tallyFile'), `${JSON.stringify(figures)}\n`);
}
