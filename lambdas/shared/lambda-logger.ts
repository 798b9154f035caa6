import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import type { Logger } from '../core/ports.js';

/** Structured JSON logs through Powertools, behind the core's Logger interface. */
export function lambdaLogger(serviceName: string): Logger & { readonly powertools: PowertoolsLogger } {
  const powertools = new PowertoolsLogger({ serviceName });
  return {
    powertools,
    info: (message, data) => powertools.info(message, data ?? {}),
    warn: (message, data) => powertools.warn(message, data ?? {}),
    error: (message, data) => powertools.error(message, data ?? {}),
  };
}
