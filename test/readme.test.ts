import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from '../lambdas/core/fingerprint/catalog/index.js';
import { renderCatalogMarkdown } from '../lambdas/core/fingerprint/describe-catalog.js';

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
