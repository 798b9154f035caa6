#!/usr/bin/env node
// CDK entry: context -> validated config -> the stack, checked by cdk-nag at every synth.
import { App } from 'aws-cdk-lib';
import { ConfigError, type MonitorConfig, loadConfig } from '../lib/config.js';
import { ExposureMonitorStack } from '../lib/exposure-monitor-stack.js';
import { addNagChecks } from '../lib/nag.js';

const app = new App();

let config: MonitorConfig;
try {
  config = loadConfig(app);
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(err.message); // names each bad key and value; a stack trace would add nothing
  process.exit(1);
}

// Environment-agnostic (no account or region): synth works offline and needs no lookups.
new ExposureMonitorStack(app, 'AiExposureMonitor', {
  config,
  description: 'ai-exposure-monitor: finds unauthenticated AI endpoints in your own IP ranges',
});
addNagChecks(app);
