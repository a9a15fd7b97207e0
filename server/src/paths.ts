import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository's root, found upwards from this file: the same from the sources (server/src,
 * run by tsx) and from the build (server/dist, run by node), which sit at different depths.
 */
function repositoryRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('package.json not found above the server');
    dir = up;
  }
  return dir;
}

export const ROOT = repositoryRoot();
export const MIGRATIONS_DIR = path.join(ROOT, 'server/migrations');
export const WEB_DIST = path.join(ROOT, 'web/dist');
