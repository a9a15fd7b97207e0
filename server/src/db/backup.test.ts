import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableChecksums } from '../../test/checksum';
import { startTestApp, type TestContext } from '../../test/harness';
import { backup, restore } from './backup';

let t: TestContext;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gj-backup-'));
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true }); // each run used to leave its backup in /tmp
});

const checksum = () => tableChecksums(t.sql);

describe('backup and restore', () => {
  it('round-trips the whole database identically, and ids continue after it', async () => {
    const admin = await t.as('district_admin');
    await admin.post('/api/regions', { parentId: await t.region('110107001'), name: '备份前社区' });
    const before = await checksum();
    expect(Object.keys(before)).toEqual(
      expect.arrayContaining(['regions', 'users', 'audit_log', 'sessions']),
    );
    const file = path.join(dir, 'db.gz');
    const made = await backup(t.db, file);
    expect(made.rows).toBeGreaterThan(1000);

    // Change things after the backup: a new node, a rename, a new audit row.
    await admin.post('/api/regions', { parentId: await t.region('110107002'), name: '备份后社区' });
    await admin.patch(`/api/regions/${await t.region('110107001001')}`, { name: '改过的名字' });
    expect(await checksum()).not.toEqual(before);

    const back = await restore(t.db, file);
    expect(back.rows).toBe(made.rows);
    expect(await checksum()).toEqual(before);

    // Sequences were reset past the restored rows: new writes succeed.
    const again = await (await t.as('district_admin')).post('/api/regions', {
      parentId: await t.region('110107002'),
      name: '恢复后社区',
    });
    expect(again.status).toBe(201);
  });

  it('refuses a file that is not a backup, changing nothing', async () => {
    const before = await checksum();
    const file = path.join(dir, 'bad.gz');
    const { gzipSync } = await import('node:zlib');
    fs.writeFileSync(file, gzipSync('{"format":"something-else"}\n'));
    await expect(restore(t.db, file)).rejects.toThrow(/not a Gongjian backup/);
    expect(await checksum()).toEqual(before);
  });
});
