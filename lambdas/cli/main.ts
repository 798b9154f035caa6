import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cleanText } from '../core/alerts/sanitize.js';
import { InputError } from '../core/targets/address.js';
import { type CliIo, processIo } from './cli-io.js';
import { OPTION_SPEC, type OptionValues } from './cli-options.js';

export const USAGE = `exposure-monitor: find unauthenticated AI endpoints in your own address ranges

Usage:
  exposure-monitor scan <target>... [--ports P] [--json] [--concurrency N] [--timeout MS]
      One-shot scan, no state. A target is an IPv4 address, a CIDR or ip:port.
  exposure-monitor ranges add <cidr> [--label L] [--owner O] [--route R] [--ports P] [--exclude CIDR,...] [--muted] [--rate N] [--replace] [--aws ...]
  exposure-monitor ranges list [--json]
  exposure-monitor ranges remove <cidr>
      Edit the monitored-range table of the local store.
  exposure-monitor run [--routes FILE] [--webhook URL] [--slack-webhook URL] [--teams-webhook URL]
                       [--pagerduty-key KEY] [--floor SEVERITY] [--state-dir D] [--json]
      One monitoring cycle now: plan, probe, diff, alert (terminal, and each route's destinations).
      Destination flags are saved: later runs deliver to those sinks without them.
  exposure-monitor sinks list [--json]
  exposure-monitor sinks add slack|teams|webhook|pagerduty [--from-env VAR | --from-file FILE | VALUE]
                             [--route R] [--floor SEVERITY]
  exposure-monitor sinks remove <sink>
      The saved alert destinations. Every alert goes to every saved sink; remove withdraws what
      the sink was still owed and lists it.
  exposure-monitor findings [--json | --format json|csv|sarif|defectdojo] [--out FILE] [--all] [--route R]
      Known endpoints (--all includes gone ones) and alerts not yet delivered. --format exports the
      same endpoints for other tools: json (one JSON array), csv, sarif (SARIF 2.1.0) or defectdojo
      (DefectDojo Generic Findings Import JSON).
  exposure-monitor suppress <ip:port> --reason R [--until YYYY-MM-DD] [--by NAME] [--route R]
  exposure-monitor unsuppress <ip:port> [--route R]
      Accept an exposure: kept in state and findings, alerts again only if it gets worse.
  exposure-monitor report [--out FILE] [--since YYYY-MM-DD] [--aws ...]
      One self-contained HTML report: figures, trend, endpoints worst first with history and fixes
      (default file: <state-dir>/report.html).
  exposure-monitor catalog [--json]
      The products the scanner identifies, their ports, and what is checked for each.
  exposure-monitor demo
      Starts look-alike AI services on loopback, runs cycles with a change between them.

Options:
  --state-dir D          local state directory (default .exposure-monitor at the repository root)
  --ports P              comma list or ranges, e.g. 8000,8080,11434 (default: the catalog's ports)
  --allow-private        permit RFC 1918, shared and link-local ranges (needed by ranges add and run)
  --max-range-prefix N   largest range per row, as a prefix length (default 16)
  --gone-after N         complete runs without a sighting before "gone" (default 2)
  --concurrency N        TCP connects in flight (default 256)
  --timeout MS           TCP connect timeout (default 1500)
  --threads N            threads running TCP connects (default: 2, or 1 on a one-core machine)
  --rate N               politeness cap: at most N TCP connects started per second (default: no cap)
  --contact URL          contact shown in the scanner's User-Agent
  --check-default-credentials
                         scan, run: try each product's documented default credential (one harmless
                         authenticated read) on endpoints that enforce auth; off by default
  --routes FILE          run: the routes file (default <state-dir>/routes.json when it exists)
  --webhook, --slack-webhook, --teams-webhook URL, --pagerduty-key KEY
                         run: destinations added to the default route (the PagerDuty key may also
                         come from EXPOSURE_MONITOR_PAGERDUTY_KEY)
  --floor SEVERITY       run: the default route's floor (info, low, medium, high, critical)
  --route R              ranges add: the route of the range's alerts; findings: only that route;
                         suppress, unsuppress: act only on an endpoint of that route
  --by NAME              suppress: who accepts the exposure (default: the OS user)
  --from-env VAR, --from-file FILE
                         sinks add: read the webhook URL or key from an environment variable or
                         a file (- for standard input), keeping it out of shell history
  --json                 machine-readable output, one JSON object per line
  --format F             findings: table (default), json (one JSON document: an array of the
                         objects --json prints one per line), csv, sarif or defectdojo
  --out FILE             findings: write the output to FILE (created mode 0600) instead of stdout
  --aws                  ranges, findings, suppress: act on the deployed tables; run: start a cycle
                         in the deployed stack now (invokes its planner). With --stack NAME (reads
                         the stack outputs) or --table NAME [--state-table NAME]; uses the usual
                         AWS credentials and region (AWS_PROFILE, AWS_REGION, ...)
  --replace              ranges add: replace the row of a range that is already registered
  --version              the version
  -h, --help             this text

Exit codes: 0 success, 2 bad input (the message names the value), 1 other failure.`;

type Command = (positionals: readonly string[], values: OptionValues, io: CliIo) => Promise<number>;

// Loaded on demand: `scan` should not pay for the AWS SDK and the embedded database at start-up.
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  scan: async () => (await import('./commands/scan.js')).scanCommand,
  ranges: async () => (await import('./commands/ranges.js')).rangesCommand,
  run: async () => (await import('./commands/run.js')).runCommand,
  findings: async () => (await import('./commands/findings.js')).findingsCommand,
  suppress: async () => (await import('./commands/suppress.js')).suppressCommand,
  unsuppress: async () => (await import('./commands/suppress.js')).unsuppressCommand,
  demo: async () => (await import('./commands/demo.js')).demoCommand,
  catalog: async () => (await import('./commands/catalog.js')).catalogCommand,
  report: async () => (await import('./commands/report.js')).reportCommand,
  sinks: async () => (await import('./commands/sinks.js')).sinksCommand,
};

/** The package's version (the CLI may run from a bundle: its entry names the repository). */
function packageVersion(): string {
  try {
    const root = process.env.EXPOSURE_MONITOR_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
    return (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** `--aws` without a region or credentials: one line that says what to set, not an SDK stack. */
function awsSetupProblem(err: unknown): string | undefined {
  const e = err as Error;
  if (e?.name === 'CredentialsProviderError' || /Could not load credentials/.test(e?.message ?? '')) {
    return 'no AWS credentials found: set AWS_PROFILE (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY), or run where a role is available';
  }
  if (/Region (is missing|not accepted)/i.test(e?.message ?? '')) return 'no AWS region: set AWS_REGION (or AWS_PROFILE with a region)';
  return undefined;
}

/** Runs the CLI and returns its exit code; never throws. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let values: OptionValues;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: [...argv], options: OPTION_SPEC, allowPositionals: true, strict: true }) as {
      values: OptionValues;
      positionals: string[];
    });
  } catch (err) {
    io.err(`error: ${cleanText((err as Error).message, 300)}\nRun "exposure-monitor --help" for usage.`);
    return 2;
  }
  const [name, ...rest] = positionals;
  if (values.version === true) {
    io.out(`exposure-monitor ${packageVersion()}`);
    return 0;
  }
  if (values.help === true || name === undefined || name === 'help') {
    io.out(USAGE);
    return 0;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    io.err(`error: unknown command ${JSON.stringify(cleanText(name, 40))}\nRun "exposure-monitor --help" for usage.`);
    return 2;
  }
  try {
    const command = await load();
    return await command(rest, values, io);
  } catch (err) {
    if (err instanceof InputError) {
      io.err(`error: ${err.message}`);
      return 2;
    }
    if ((err as Error).name === 'StateDirInUseError') {
      io.err(`error: ${(err as Error).message}`);
      return 1;
    }
    const aws = awsSetupProblem(err);
    if (aws) {
      io.err(`error: ${aws}`);
      return 1;
    }
    io.err(`error: ${cleanText((err as Error).stack ?? String(err), 2000)}`);
    return 1;
  }
}
