import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/** A state directory in use by another process: said plainly, not as a database stack trace. */
export class StateDirInUseError extends Error {
  override readonly name = 'StateDirInUseError';
}

const LOCK_FILE = 'exposure-monitor.pid';

/**
 * Takes the state directory for this process (a pid file created exclusively). LevelDB allows one
 * process per directory; without this, `findings` during a `run` died with "Database is closed".
 * A pid file left by a process that no longer runs is taken over.
 */
export function lockStateDir(dir: string): () => void {
  const file = path.join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && isRunning(pid)) {
        throw new StateDirInUseError(
          `state directory ${dir} is in use by ${pid === process.pid ? 'this process' : `another exposure-monitor process (pid ${pid})`}; wait for it to finish, or use another --state-dir`,
        );
      }
      rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new StateDirInUseError(`state directory ${dir}: could not take its lock file ${LOCK_FILE}`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
