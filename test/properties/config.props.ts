import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError as ContextError, CONTEXT_KEYS, type ContextKey, parseConfig } from '../../lib/config.js';
import { ConfigError, loadMonitorSettings, loadProbeOptions } from '../../lambdas/shared/config.js';
import { ENV } from '../../lambdas/shared/env.js';
import { anyString, runs, safeShow } from './support.js';

const NUMERIC_TEXT = fc.oneof(fc.integer({ min: -10, max: 100_000 }).map(String), fc.constantFrom('0x10', '1e3', '1.5', ' 12 ', 'NaN', 'Infinity', '-0', '07'));
const envValue = fc.oneof(anyString, NUMERIC_TEXT, fc.constantFrom('true', 'false', 'TRUE', '80,443', '8000-8010', '70000', ''));
const contextValue = fc.oneof(fc.jsonValue(), anyString, NUMERIC_TEXT, fc.integer({ min: -10, max: 20_000 }), fc.boolean());

describe('environment configuration properties', () => {
  it('any environment gives settings, or a ConfigError naming the variable and its value', () => {
    const names = Object.values(ENV);
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...names), envValue, { maxKeys: 6 }), (env) => {
        for (const load of [loadMonitorSettings, loadProbeOptions] as const) {
          let result: unknown;
          try {
            result = load(env);
          } catch (err) {
            if (!(err instanceof ConfigError)) throw new Error(`${load.name}(${safeShow(env)}) threw ${(err as Error).name}: ${(err as Error).message}`);
            const variable = Object.keys(env).find((k) => err.message.includes(`environment variable ${k}`));
            expect(variable, `error names no variable that was set: ${err.message}`).toBeDefined();
            // DEFAULT_PORTS errors name the bad port inside the list (checked in the parsePorts properties).
            if (variable !== ENV.DEFAULT_PORTS) expect(err.message).toContain(`${variable}="${env[variable as string]}"`);
            continue;
          }
          expect(result).toBeTypeOf('object');
        }
      }),
      runs(3000),
    );
  });
});

describe('CDK context properties', () => {
  it('any context gives a config, or a ConfigError whose every problem names a key that was set', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...CONTEXT_KEYS), contextValue, { maxKeys: 8 }), (raw) => {
        try {
          const config = parseConfig(raw as Partial<Record<ContextKey, unknown>>);
          expect(config.blockSize >= 1 && config.blockSize <= 4096).toBe(true);
          expect(config.maxRangePrefix >= 8 && config.maxRangePrefix <= 32).toBe(true);
        } catch (err) {
          if (!(err instanceof ContextError)) throw new Error(`parseConfig(${safeShow(raw)}) threw ${(err as Error).name}: ${(err as Error).message}`);
          expect(err.problems.length).toBeGreaterThan(0);
          for (const problem of err.problems) {
            const key = /^context "([^"]+)"/.exec(problem)?.[1];
            expect(key && Object.hasOwn(raw, key), `problem names no key that was set: ${problem}`).toBeTruthy();
          }
        }
      }),
      runs(3000),
    );
  });
});
