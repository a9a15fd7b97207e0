#!/usr/bin/env node
/**
 * No source file over 600 lines (issue #22): a file that long holds more than one use case.
 * Tests, migrations and the demo district's data are exempt. Run by `npm run lint`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const LIMIT = 600;
const files = execFileSync('git', ['ls-files', '*.ts', '*.tsx', '*.css', '*.mjs'], { encoding: 'utf8' })
  .split('\n')
  .filter((f) => f && !/\.test\.ts$|(^|\/)migrations\/|^server\/src\/demo\//.test(f) && fs.existsSync(f));
const long = files
  .map((f) => [f, fs.readFileSync(f, 'utf8').split('\n').length - 1])
  .filter(([, n]) => n > LIMIT);
if (long.length) {
  console.error(
    `Files over ${LIMIT} lines (split them by use case):\n${long.map(([f, n]) => `  ${f}: ${n}`).join('\n')}`,
  );
  process.exit(1);
}
