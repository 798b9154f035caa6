// First, so its CPU snapshot opens the start-up measurement window (see sweep-threads.ts).
import './sweep-threads.js';
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
  exposure-monitor scan <target>... [--ports P] [--json] [--concurrency N] [--timeout MS] [--resolve NAME=IP,...] [--domain D]
      One-shot scan, no state. A target is an IPv4 address, a CIDR, ip:port, or a DNS name
      (name or name:port: each address it resolves to is probed with the name as Host and SNI).
  exposure-monitor ranges add <cidr|name> [--label L] [--owner O] [--route R] [--ports P] [--exclude CIDR,...] [--muted] [--rate N]
                              [--domain D,...] [--path-prefix P] [--headers-from-file FILE | --headers-secret NAME] [--replace] [--aws ...]
  exposure-monitor ranges list [--json]
  exposure-monitor ranges remove <cidr|name>
      Edit the monitored-range table of the local store.
  exposure-monitor run [--routes FILE] [--webhook URL] [--slack-webhook URL] [--teams-webhook URL]
                       [--pagerduty-key KEY] [--floor SEVERITY] [--resolve NAME=IP,...] [--domain D]
                       [--state-dir D] [--json]
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

Options (each names the commands that take it):
  --state-dir D          every local command: the state directory (default .exposure-monitor at
                         the repository root)
  --ports P              scan, run, ranges add: comma list of ports, ranges and port sets, e.g.
                         8000,8080,11434, 8000-8010 or ai,9443 (default: the ai set for ranges
                         and run, the catalog set for scan; sets: catalog, ai, all)
  --allow-private        scan, run, ranges add: permit RFC 1918, shared and link-local ranges
  --max-range-prefix N   scan, run, ranges add: largest range per row, as a prefix length
                         (default 16)
  --gone-after N         run: complete runs without a sighting before "gone" (default 2)
  --concurrency N        scan, run: TCP connects in flight (default 256)
  --timeout MS           scan, run: TCP connect timeout (default 1500)
  --threads N            scan, run: threads running TCP connects (default: 2 when two cores are
                         free of other processes' work, else 1)
  --rate N               scan, run: politeness cap, at most N TCP connects started per second
                         (default: no cap); ranges add: the cap of that range
  --resolve NAME=IP,... scan, run: fix what names resolve to (like curl's --resolve), before DNS has them
  --domain D,...         scan, run, ranges add: your domains; a TLS endpoint's certificate names
                         under them are probed again as SNI and Host (at most 8 per endpoint)
  --path-prefix P        ranges add: the path the row's products are mounted under behind a proxy
  --headers-from-file F  ranges add: a JSON object of headers the row's proxy requires, stored in
                         <state-dir>/header-secrets.json (0600); the row keeps only its name
  --headers-secret NAME  ranges add: the name of a secret (ai-exposure-monitor/headers/...) that
                         already holds those headers (on AWS: a Secrets Manager secret)
  --contact URL          scan, run: how the owners of scanned hosts reach you, shown in the
                         scanner's User-Agent (set it: the default names no contact)
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
  --discover SRC,...     run: first merge this AWS account's public addresses and names into the
                         range table (ec2, elbv2, elb, route53, lightsail, globalaccelerator,
                         apigateway), with the usual AWS credentials; --discover-regions R,... (default AWS_REGION),
                         --discover-accounts ID,... with --discover-role NAME for allow-listed
                         member accounts
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

type OptionName = keyof typeof OPTION_SPEC;

const LONG_NAME_OF_SHORT: ReadonlyMap<string, OptionName> = new Map(
  (Object.entries(OPTION_SPEC) as [OptionName, { short?: string }][]).flatMap(([name, spec]) => (spec.short ? [[spec.short, name] as const] : [])),
);

function takesValue(token: string): boolean {
  const name = token.startsWith('--') ? token.slice(2) : LONG_NAME_OF_SHORT.get(token.slice(1));
  return name !== undefined && Object.hasOwn(OPTION_SPEC, name) && OPTION_SPEC[name as OptionName].type === 'string';
}

/**
 * `--timeout -5` is refused by parseArgs as "ambiguous" (the value looks like an option), which
 * hides the real problem. A negative number after an option that takes a value is that value:
 * joined as `--timeout=-5`, it reaches the option's own check ("must be a whole number ...").
 */
function joinNegativeValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    const next = argv[i + 1];
    if (token === '--') {
      out.push(...argv.slice(i));
      break;
    }
    if (/^--?[\w-]+$/.test(token) && takesValue(token) && next !== undefined && /^-\d/.test(next)) {
      out.push(`${token.startsWith('--') ? token : `--${LONG_NAME_OF_SHORT.get(token.slice(1))}`}=${next}`);
      i++;
    } else out.push(token);
  }
  return out;
}

/** The closest option name, for "did you mean": at most two edits away. */
function closestOption(typed: string): string | undefined {
  const distance = (a: string, b: string): number => {
    let row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const next = [i];
      for (let j = 1; j <= b.length; j++) next[j] = Math.min((row[j] as number) + 1, (next[j - 1] as number) + 1, (row[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      row = next;
    }
    return row[b.length] as number;
  };
  const scored = Object.keys(OPTION_SPEC).map((name) => ({ name, d: distance(typed, name) }));
  const best = scored.sort((a, b) => a.d - b.d)[0];
  return best && best.d <= 2 ? `--${best.name}` : undefined;
}

/**
 * parseArgs' own texts are written for programmers ("To specify a positional argument starting
 * with a '-' ...", with an unbalanced quote); these say what was wrong with the command line.
 */
export function describeParseError(err: unknown): string {
  const { code, message } = err as { code?: string; message: string };
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /Unknown option '([^']+)'/.exec(message)?.[1] ?? '?';
    const hint = option.startsWith('--') ? closestOption(option.slice(2).split('=')[0] as string) : undefined;
    return `unknown option ${cleanText(option, 60)}${hint ? ` (did you mean ${hint}?)` : ''}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const option = /Option '(?:-\w, )?(--?[\w-]+)/.exec(message)?.[1] ?? '?';
    if (/does not take an argument/.test(message)) return `${option} takes no value`;
    if (/ambiguous/.test(message)) return `${option} needs a value (a value that starts with "-" is written ${option}=VALUE)`;
    if (/argument missing/.test(message)) return `${option} needs a value`;
  }
  return cleanText(message, 300);
}

/** Runs the CLI and returns its exit code; never throws. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let values: OptionValues;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: joinNegativeValues(argv), options: OPTION_SPEC, allowPositionals: true, strict: true }) as {
      values: OptionValues;
      positionals: string[];
    });
  } catch (err) {
    io.err(`error: ${describeParseError(err)}\nRun "exposure-monitor --help" for usage.`);
    return 2;
  }
  const [name, ...rest] = positionals;
  if (values.version === true) {
    io.out(`exposure-monitor ${packageVersion()}`);
    return 0;
  }
  if (values.help === true || name === 'help') {
    io.out(USAGE);
    return 0;
  }
  // No command is a mistake (say, a cron line cut short): the usage goes to stderr, and exit 2.
  if (name === undefined) {
    io.err(`error: give a command\n\n${USAGE}`);
    return 2;
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
