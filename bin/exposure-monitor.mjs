#!/usr/bin/env node
// CLI entry: runs the TypeScript sources through tsx, so the CLI works right after `npm ci`
// with no build step (and no install script).
import { register } from 'tsx/esm/api';

// Node 20 is supported for local use; the SDK's notice about its future Node 22 floor is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
register();
const { main } = await import('../lambdas/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
