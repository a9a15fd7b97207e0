/**
 * The hostile suite's figures (issue #12): what each test tried and found. Tests add lines
 * with `tally()`; the run ends by printing the sums (global-setup.ts). No vitest import
 * here: the global setup reads this in the main process.
 */
import fs from 'node:fs';

export type Figures = {
  /** HTTP requests sent by the hostile tests. */
  requests: number;
  /** 5xx answers no test provoked, in any API test (answers.ts fails the test that met one). */
  serverErrors: number;
  /** 503 "unavailable" answers (no database connection in time), retried as a client would. */
  unavailable: number;
  /** Another scope's data found in an answer. */
  leaks: number;
  /** SQL invariants checked, and how many held. */
  invariantsChecked: number;
  invariantsHeld: number;
  /** Writes the clients saw acknowledged before a kill -9, and how many were missing after. */
  acknowledgedWrites: number;
  acknowledgedLost: number;
};

export const FIGURES: (keyof Figures)[] = [
  'requests',
  'serverErrors',
  'unavailable',
  'leaks',
  'invariantsChecked',
  'invariantsHeld',
  'acknowledgedWrites',
  'acknowledgedLost',
];

/** The sums of every line, and which sources added to them. */
export function sumTally(file: string): { sums: Figures; sources: string[] } {
  const sums = Object.fromEntries(FIGURES.map((k) => [k, 0])) as Figures;
  const sources = new Set<string>();
  if (!fs.existsSync(file)) return { sums, sources: [] };
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const f = JSON.parse(line) as Partial<Figures> & { source: string };
    sources.add(f.source);
    for (const k of FIGURES) sums[k] += f[k] ?? 0;
  }
  return { sums, sources: [...sources] };
}
