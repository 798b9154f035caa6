import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from '../lambdas/core/fingerprint/catalog/index.js';
import { renderCatalogMarkdown } from '../lambdas/core/fingerprint/describe-catalog.js';
import { OPTION_SPEC } from '../lambdas/cli/cli-options.js';
import { USAGE } from '../lambdas/cli/main.js';
import { DEFAULT_USER_AGENT } from '../lambdas/core/probing/probe-targets.js';
import { checkRangeAllowed, DEFAULT_POLICY } from '../lambdas/core/targets/address-policy.js';
import { parseScanTarget } from '../lambdas/core/targets/scan-target.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

describe('README', () => {
  it('lists exactly the catalog (regenerate with npm run readme:catalog)', () => {
    const section = readme.slice(readme.indexOf('<!-- catalog:start -->') + '<!-- catalog:start -->'.length, readme.indexOf('<!-- catalog:end -->')).trim();
    expect(section).toBe(renderCatalogMarkdown(catalog));
  });

  it('gives the two set-up commands, and CI runs the same test command', () => {
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toContain('npm ci && npm test');
    expect(pkg.scripts.demo).toBeDefined();
    const ci = readFileSync(path.join(ROOT, '.ci/run'), 'utf8');
    expect(ci).toMatch(/^npm ci\b/m);
    expect(ci).toMatch(/^npm test$/m);
  });
});

/** The README without its fenced code blocks (comment lines in them start with "#" too). */
const prose = readme.replace(/^```[\s\S]*?^```$/gm, '');
const headings = [...prose.matchAll(/^(#{1,6}) (.+)$/gm)].map((m) => m[2] as string);
/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
const anchor = (heading: string): string => heading.toLowerCase().replace(/[^\w\- ]/g, '').replace(/ /g, '-');
const count = (text: string): number => readme.split(text).length - 1;

describe('README says each fact once, and keeps it true (newcomer trial, problems 14-16, 27, 28, 30)', () => {
  it('has one delivery-guarantee section, unique anchors, and every in-page link leads to a heading', () => {
    expect(headings.filter((h) => /delivery guarantee/i.test(h))).toEqual(['Delivery guarantee']);
    const anchors = headings.map(anchor);
    expect(anchors.filter((a, i) => anchors.indexOf(a) !== i), 'headings with the same anchor').toEqual([]);
    const links = [...readme.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1] as string);
    expect(links.length).toBeGreaterThan(10); // the table of contents
    for (const link of links) expect(anchors, `link #${link}`).toContain(link);
  });

  it('states each repeated-before fact once', () => {
    for (const fact of ['authorised to scan', 'works offline', 'forged queue message', 'Untrusted text from scanned hosts']) {
      expect(count(fact), fact).toBeLessThanOrEqual(1);
    }
    expect(count('a forged queue message cannot widen a scan')).toBe(1);
  });

  it('gives the Node version once, as package.json\'s engines does', () => {
    const engines = (pkg as unknown as { engines: { node: string } }).engines.node;
    const stated = [...readme.matchAll(/Node(?:\.js)? (\d+(?:\.\d+)*) or newer/g)].map((m) => m[1]);
    expect(stated).toEqual([engines.replace(/^>=/, '')]);
  });

  it('says how the CLI runs as bin/exposure-monitor.mjs really does it', () => {
    const entry = readFileSync(path.join(ROOT, 'bin/exposure-monitor.mjs'), 'utf8');
    expect(entry).toContain("path.join(ROOT, 'node_modules', '.cache', 'exposure-monitor'");
    expect(entry).toContain("await import('esbuild')");
    expect(entry).toContain("await import('tsx/esm/api')");
    const tree = readme.slice(readme.indexOf('\nbin/\n'), readme.indexOf('\ntest/ '));
    expect(tree).toMatch(/exposure-monitor\.mjs\s+the CLI entry: .*esbuild[\s\S]*node_modules\/\.cache\/exposure-monitor\/[\s\S]*tsx/);
    expect(readme).not.toMatch(/through tsx|no build step\)/);
  });

  it('documents the User-Agent a scanned host sees without a contact', () => {
    expect(readme).toContain(`\`${DEFAULT_USER_AGENT}\``);
  });

  it('names the install scripts package.json approves, which are exactly the lockfile\'s', () => {
    const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean }> };
    const withScripts = Object.entries(lock.packages)
      .filter(([, p]) => p.hasInstallScript)
      .map(([where]) => where.replace(/^.*node_modules\//, ''));
    const approved = (pkg as unknown as { allowScripts?: Record<string, boolean> }).allowScripts ?? {};
    expect(Object.keys(approved).sort()).toEqual([...new Set(withScripts)].sort());
    for (const name of Object.keys(approved)) expect(readme).toMatch(new RegExp(`install scripts, [^.]*\\b${name}\\b`));
  });

  it('uses only commands and options the CLI has, in every example', () => {
    const examples = [...readme.matchAll(/^```(?:sh|ini)?\n([\s\S]*?)^```$/gm)].flatMap((m) => (m[1] as string).split('\n'));
    const calls = examples.flatMap((line) => [...line.matchAll(/(?:npx exposure-monitor|bin\/exposure-monitor\.mjs) ([^|;&#>]*)/g)].map((m) => m[1] as string));
    expect(calls.length).toBeGreaterThan(8);
    for (const call of calls) {
      const [command] = call.trim().split(/\s+/);
      if (!command?.startsWith('-')) expect(USAGE, call).toContain(`exposure-monitor ${command}`);
      for (const option of call.match(/(?<=\s|^)--[\w-]+/g) ?? []) expect(Object.keys(OPTION_SPEC), call).toContain(option.slice(2));
      // A scan example must run as written (problem 17: the first one was a refused documentation range).
      if (command === 'scan') {
        const targets = call.trim().split(/\s+/).slice(1).filter((t, i, all) => !t.startsWith('-') && !all[i - 1]?.startsWith('--'));
        expect(targets.length, call).toBeGreaterThan(0);
        for (const target of targets) expect(() => checkRangeAllowed(parseScanTarget(target).cidr, DEFAULT_POLICY), call).not.toThrow();
      }
    }
  });

  it('lists the AWS permissions for every AWS call the CLI\'s --aws mode makes', () => {
    const sources = ['lambdas/adapters/dynamodb/dynamo-state-store.ts', 'lambdas/cli/aws-target.ts', 'lambdas/cli/commands/run.ts'].map((f) => readFileSync(path.join(ROOT, f), 'utf8'));
    const commands = new Set(sources.flatMap((src) => [...src.matchAll(/new (\w+)Command\(/g)].map((m) => m[1] as string)));
    const action = (command: string): string => {
      if (command === 'DescribeStacks') return 'cloudformation:DescribeStacks';
      if (command === 'Invoke') return 'lambda:InvokeFunction';
      if (/Item$|^Query$|^Scan$/.test(command)) return `dynamodb:${command}`;
      throw new Error(`an AWS call the README does not cover yet: ${command}Command`);
    };
    const section = readme.slice(readme.indexOf('Permissions for the CLI'), readme.indexOf('### What a cycle costs'));
    expect(commands.size).toBeGreaterThan(5);
    for (const command of commands) expect(section).toContain(`\`${action(command)}\``);
  });

  it('shows how to schedule local runs with cron and a systemd timer, and how to upgrade', () => {
    expect(readme).toMatch(/^0 \*\/6 \* \* \* cd \/path\/to\/ai-exposure-monitor && .*npx exposure-monitor run .*\|\| echo/m);
    expect(readme).toMatch(/^ExecStart=\/usr\/bin\/node bin\/exposure-monitor\.mjs run$/m);
    expect(readme).toMatch(/^OnCalendar=0\/6:00$/m);
    expect(headings).toContain('Upgrade');
    const upgrade = readme.slice(readme.indexOf('## Upgrade'), readme.indexOf('## Deploy to AWS'));
    for (const step of ['cp -a .exposure-monitor', 'git pull && npm ci', 'npx cdk diff', 'npx cdk deploy']) expect(upgrade).toContain(step);
  });
});
