import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Integration tests start loopback servers and an in-process DynamoDB; give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', './test/support/summary-reporter.ts'],
    // No test may send a DNS query off the machine: the system resolver refuses to run under the
    // tests (and in every process they start); tests fix names with --resolve or a static resolver.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', EXPOSURE_MONITOR_NO_SYSTEM_DNS: '1' },
  },
});
