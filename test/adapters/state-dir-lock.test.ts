import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedDynamo } from '../../lambdas/adapters/local/embedded-dynamodb.js';
import { main } from '../../lambdas/cli/main.js';
import { captureIo } from '../support/capture-io.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'em-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('one process per state directory', () => {
  it('a second user of the directory is told who holds it, and the lock goes with the holder', async () => {
    const dir = path.join(root, 'a');
    const holder = await startEmbeddedDynamo(dir);
    try {
      const io = captureIo();
      expect(await main(['findings', '--state-dir', dir], io)).toBe(1);
      expect(io.stderr.join('\n')).toBe(`error: state directory ${dir} is in use by this process; wait for it to finish, or use another --state-dir`);
    } finally {
      await holder.close();
    }
    expect(existsSync(path.join(dir, 'exposure-monitor.pid'))).toBe(false);
    expect(await main(['findings', '--state-dir', dir], captureIo())).toBe(0);
  });

  it('names another live process by its pid, and takes over the file of one that is gone', async () => {
    const dir = path.join(root, 'b');
    await startEmbeddedDynamo(dir).then((d) => d.close());
    writeFileSync(path.join(dir, 'exposure-monitor.pid'), String(process.ppid));
    const io = captureIo();
    expect(await main(['findings', '--state-dir', dir], io)).toBe(1);
    expect(io.stderr.join('\n')).toContain(`in use by another exposure-monitor process (pid ${process.ppid})`);

    writeFileSync(path.join(dir, 'exposure-monitor.pid'), '4194000'); // above any pid this machine hands out
    const after = captureIo();
    expect(await main(['findings', '--state-dir', dir], after), after.stderr.join('\n')).toBe(0);
  });
});
