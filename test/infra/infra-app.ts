import { readFileSync } from 'node:fs';
import path from 'node:path';
import { App, type CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { ConfigError, loadConfig, parseConfig } from '../../lib/config.js';
import { ExposureMonitorStack } from '../../lib/exposure-monitor-stack.js';
import { addNagChecks } from '../../lib/nag.js';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** The `context` block of cdk.json: the same feature flags and defaults as a real synth. */
export function cdkJsonContext(): Record<string, unknown> {
  return (JSON.parse(readFileSync(path.join(ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context;
}

/**
 * The app exactly as bin/app.ts builds it (cdk.json context + overrides, cdk-nag plugins), with
 * bundling skipped so the tests do not run esbuild. Synthesises once: Template.fromStack throws
 * if a cdk-nag finding is not acknowledged.
 */
export function synthMonitor(overrides: Record<string, unknown>): { app: App; stack: ExposureMonitorStack; template: Template } {
  const app = new App({ context: { ...cdkJsonContext(), ...overrides, 'aws:cdk:bundling-stacks': [] } });
  const stack = new ExposureMonitorStack(app, 'AiExposureMonitor', { config: loadConfig(app) });
  addNagChecks(app);
  return { app, stack, template: Template.fromStack(stack) };
}

export function logicalId(construct: IConstruct): string {
  return Stack.of(construct).getLogicalId((construct.node.defaultChild ?? construct) as CfnElement);
}

export interface Statement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: unknown;
}

export const actionsOf = (s: Statement): string[] => (Array.isArray(s.Action) ? s.Action : [s.Action]);

/** Every statement of the IAM policies attached to a role. */
export function roleStatements(template: Template, role: IConstruct): Statement[] {
  const roleId = logicalId(role);
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((p) => JSON.stringify(p.Properties.Roles).includes(`"${roleId}"`))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
}

/** Statements that name `resource` (by logical id) and allow `action`. */
export function grants(statements: readonly Statement[], action: string, resource: IConstruct): Statement[] {
  const id = logicalId(resource);
  return statements.filter((s) => s.Effect === 'Allow' && actionsOf(s).includes(action) && JSON.stringify(s.Resource).includes(`"${id}"`));
}

/** Statements whose resources mention `resource` at all. */
export function touching(statements: readonly Statement[], resource: IConstruct): Statement[] {
  const id = logicalId(resource);
  return statements.filter((s) => JSON.stringify(s.Resource).includes(`"${id}"`));
}

/** The problems a ConfigError lists for this context (fails when the context is accepted). */
export function problemsOf(raw: Record<string, unknown>): readonly string[] {
  try {
    parseConfig(raw);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(raw)}`);
}
