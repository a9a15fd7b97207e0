#!/usr/bin/env node
/**
 * The server as plain JavaScript for production (`npm start`, the browser tests, the bench):
 * one ESM file per entry under server/dist, packages left to node_modules, with source maps so
 * a stack trace names the TypeScript line. Development and the API tests run the sources (tsx).
 * Takes well under a second, so every start builds afresh and never runs a stale server.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
export const SERVER_DIST = path.join(root, 'server/dist');

export async function buildServer() {
  const { outputFiles } = await build({
    absWorkingDir: root,
    entryPoints: {
      main: 'server/src/main.ts',
      cli: 'server/src/cli.ts',
      // Spreadsheets are read in a worker thread (imports/sheets.ts).
      'sheets.worker': 'server/src/modules/imports/sheets.worker.ts',
    },
    outdir: SERVER_DIST,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
    write: false,
  });
  // Each file replaced whole (written aside, then renamed): a server starting meanwhile, from a
  // test run beside this one, reads the old build or the new one, never half of one.
  await fs.mkdir(SERVER_DIST, { recursive: true });
  await Promise.all(
    outputFiles.map(async (f) => {
      const aside = `${f.path}.${process.pid}.tmp`;
      await fs.writeFile(aside, f.contents);
      await fs.rename(aside, f.path);
    }),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildServer();
