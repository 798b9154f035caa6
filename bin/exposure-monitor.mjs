#!/usr/bin/env node
// CLI entry. Runs right after `npm ci`, with no build step and no install script: the TypeScript
// sources are bundled with esbuild (a devDependency) into node_modules/.cache on first use and
// again whenever a source file changes, which starts in a fraction of the time and memory of
// compiling on the fly. If that is not possible, it falls back to tsx.
import { createHash } from 'node:crypto';
import os from 'node:os';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// First thing: the machine's and this process's CPU time, opening the window over which the
// default --threads measures what other processes use (lambdas/cli/sweep-threads.ts reads it; the
// same fields as its cpuSnapshot). The start-up below is the window: no extra wait.
globalThis[Symbol.for('exposure-monitor.start-cpu')] = (() => {
  let busy = 0;
  for (const cpu of os.cpus()) busy += cpu.times.user + cpu.times.nice + cpu.times.sys + cpu.times.irq;
  const own = process.cpuUsage();
  return { atMs: performance.now(), machineBusyMs: busy, ownMs: (own.user + own.system) / 1000 };
})();

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Node 20 is supported for local use; the SDK's notice about its future Node 22 floor is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// Where the fixture fleet (demo) finds test/fixtures when it runs from the bundle.
process.env.EXPOSURE_MONITOR_ROOT ??= ROOT;

function sourceFingerprint() {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|mts|mjs|json)$/.test(entry.name)) {
        const s = statSync(full);
        hash.update(`${full}|${s.size}|${s.mtimeMs}\n`);
      }
    }
  };
  walk(path.join(ROOT, 'lambdas'));
  const lock = path.join(ROOT, 'package-lock.json');
  if (existsSync(lock)) hash.update(`lock|${statSync(lock).mtimeMs}`);
  return hash.digest('hex').slice(0, 16);
}

async function bundledEntry() {
  const dir = path.join(ROOT, 'node_modules', '.cache', 'exposure-monitor', sourceFingerprint());
  const entry = path.join(dir, 'main.js');
  if (existsSync(entry)) return entry;
  const { build } = await import('esbuild');
  const staging = `${dir}.${process.pid}.tmp`;
  await build({
    entryPoints: [path.join(ROOT, 'lambdas/cli/main.ts')],
    outdir: staging,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
  });
  // The sweep's worker threads load these by URL next to the code that starts them.
  for (const file of ['sweep-worker.mjs', 'connect-sweep.mjs']) copyFileSync(path.join(ROOT, 'lambdas/core/probing', file), path.join(staging, file));
  mkdirSync(path.dirname(dir), { recursive: true });
  try {
    renameSync(staging, dir);
  } catch {
    rmSync(staging, { recursive: true, force: true }); // another process finished first
  }
  return entry;
}

// `exposure-monitor catalog --json | head -1`: the reader went away; stop quietly, as Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

let main;
try {
  ({ main } = await import(pathToFileURL(await bundledEntry()).href));
} catch {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../lambdas/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
