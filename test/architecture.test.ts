import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? tsFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}

describe('architecture', () => {
  it('keeps the domain core free of AWS, adapters, process.env and the file system', () => {
    const offenders: string[] = [];
    for (const file of tsFiles(path.join(ROOT, 'lambdas/core'))) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of [/from '@aws-sdk\//, /from 'aws-lambda'/, /from '@aws-lambda-powertools\//, /from 'aws-cdk-lib/, /\.\.\/adapters\//, /process\.env/, /from 'node:fs'/]) {
        if (pattern.test(text)) offenders.push(`${path.relative(ROOT, file)}: ${pattern}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
