// What the cloud stage (cloud-stage.ts) runs against, and nothing the Lambdas would be billed for:
// dynalite (the DynamoDB stand-in, the same embedded server `run` uses) and a handful of fixture
// AI services placed inside the loopback range the stage scans. The bench runs this in a process
// of its own (cloud-world-process.ts) so dynalite's and the fixtures' CPU is not counted as the
// handlers'; the correctness test starts it in-process. Binds only 127.0.0.0/8.
import http from 'node:http';
import { startEmbeddedDynamo } from '../../lambdas/adapters/local/embedded-dynamodb.js';
import { catalog } from '../../lambdas/core/fingerprint/catalog/index.js';
import { Fleet, fixtureHandler, listFixtures } from '../../lambdas/local/fixture-fleet.js';

export interface CloudService {
  readonly host: string;
  readonly port: number;
  readonly service: string;
  readonly auth: string;
}

export interface CloudWorldLayout {
  /** dynalite's endpoint, with the monitor's two tables created. */
  readonly endpoint: string;
  readonly services: readonly CloudService[];
}

export interface CloudWorld extends CloudWorldLayout {
  /** HTTP requests the fixture services have answered so far. */
  httpRequests(): number;
  close(): Promise<void>;
}

/**
 * Starts dynalite and `services` fixture services (open, no auth, distinct products) at
 * addresses spread over `cidr` (a 127.x.0.0/p range, p from 16 to 24), each on the first of
 * `ports` its product is known on, else on the first of `ports` (the catalog is tried on any port).
 */
export async function startCloudWorld(cidr: string, ports: readonly number[], services: number): Promise<CloudWorld> {
  const match = /^127\.(\d{1,3})\.(\d{1,3})\.0\/(\d{1,2})$/.exec(cidr);
  if (!match) throw new Error(`the cloud stage scans a loopback range 127.x.y.0/p only, not ${cidr}`);
  const [, second, third, prefixText] = match;
  const prefix = Number(prefixText);
  if (prefix < 16 || prefix > 24) throw new Error(`prefix /${prefix}: the cloud stage takes /16 to /24`);
  const addresses = 2 ** (32 - prefix);
  const base = (Number(third) << 8) >>> 0;

  const dynamo = await startEmbeddedDynamo();
  const fleet = new Fleet();
  let requests = 0;
  const placed: CloudService[] = [];
  try {
    const seen = new Set<string>();
    const open = listFixtures().filter((f) => f.fixture.auth === 'none' && !f.fixture.jsonRpc && !seen.has(f.service) && seen.add(f.service));
    for (let i = 0; i < Math.min(services, open.length); i++) {
      const f = open[i] as (typeof open)[number];
      // Spread over the range (never .0 or .255), so the services land in different blocks.
      const offset = Math.floor(((i + 0.5) * addresses) / Math.max(1, services));
      const n = base + offset;
      const host = `127.${second}.${(n >> 8) & 255}.${Math.min(254, Math.max(1, n & 255))}`;
      const known = catalog.find((e) => e.service === f.service)?.ports ?? [];
      const port = ports.find((p) => known.includes(p)) ?? (ports[0] as number);
      const serve = fixtureHandler(f.fixture);
      const counted: http.RequestListener = (req, res) => {
        requests++;
        serve(req, res);
      };
      await fleet.start({ host, port, handler: counted });
      placed.push({ host, port, service: f.fixture.service, auth: f.fixture.auth });
    }
  } catch (err) {
    await fleet.close();
    await dynamo.close();
    throw err;
  }
  return {
    endpoint: dynamo.endpoint,
    services: placed,
    httpRequests: () => requests,
    close: async () => {
      await fleet.close();
      await dynamo.close();
    },
  };
}
