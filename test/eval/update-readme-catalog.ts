// Rewrites the product table in README.md from the catalog: npm run readme:catalog
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { catalog } from '../../lambdas/core/fingerprint/catalog/index.js';
import { renderCatalogMarkdown } from '../../lambdas/core/fingerprint/describe-catalog.js';

const README = path.resolve(import.meta.dirname, '../../README.md');
const START = '<!-- catalog:start -->';
const END = '<!-- catalog:end -->';
const text = readFileSync(README, 'utf8');
const a = text.indexOf(START);
const b = text.indexOf(END);
if (a < 0 || b < a) throw new Error(`README.md has no ${START} ... ${END} section`);
writeFileSync(README, `${text.slice(0, a + START.length)}\n${renderCatalogMarkdown(catalog)}\n${text.slice(b)}`);
console.log(`README.md: ${catalog.length} products`);
