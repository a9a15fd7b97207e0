#!/usr/bin/env node
/**
 * The browser tests wait for states, never for time (issue #21): outside e2e/wait.ts no
 * file polls with vitest's own defaults, sleeps, or asserts on text read once — those pass
 * on a quiet machine and fail on CI's busy one. Run by `npm run lint`.
 */
import fs from 'node:fs';
import path from 'node:path';

const rules = [
  [/expect\s*\.\s*poll\s*\(/, 'expect.poll: use eventually() from ./wait (its patience is sized for CI)'],
  [/waitForTimeout\s*\(|setTimeout\s*\(/, 'a fixed sleep: wait for a visible state instead (./wait)'],
  // What must appear is waited for; what must be absent is read once the page has settled.
  [
    /expect\(\s*(Number\()?await [^\n;]*\.innerText\(\)\)+\.(?!not\.)/,
    'text read once: use shows() or eventually() from ./wait',
  ],
];

const dir = path.resolve(import.meta.dirname, '../e2e');
const found = [];
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'wait.ts')) {
  const lines = fs.readFileSync(path.join(dir, file), 'utf8').split('\n');
  lines.forEach((line, i) => {
    for (const [re, why] of rules)
      if (re.test(line)) found.push(`e2e/${file}:${i + 1}: ${why}\n    ${line.trim()}`);
  });
}
if (found.length) {
  console.error(`Browser tests that wait for time, not for a state:\n${found.join('\n')}`);
  process.exit(1);
}
