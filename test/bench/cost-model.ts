// Cloud cost and wall-time model per cycle and per month, from the measured CPU per probe.
// Prices: AWS public list prices, us-east-1, arm64 Lambda (check your region's current prices).
export const PRICES = {
  lambdaGbSecondArm: 0.0000133334,
  lambdaRequest: 0.2 / 1e6,
  sqsRequest: 0.4 / 1e6,
  dynamoWrite: 1.25 / 1e6,
  dynamoRead: 0.25 / 1e6,
  logsIngestGb: 0.5,
  kmsKeyMonth: 1,
};

export interface Deployment {
  readonly memoryMb: number;
  readonly socketConcurrency: number;
  readonly connectTimeoutS: number;
  readonly ports: number;
  readonly blockSize: number;
  readonly maxConcurrency: number;
  readonly cyclesPerMonth: number;
}

export const DEFAULT_DEPLOYMENT: Deployment = { memoryMb: 256, socketConcurrency: 768, connectTimeoutS: 1, ports: 16, blockSize: 256, maxConcurrency: 5, cyclesPerMonth: 120 };

/**
 * One block's billed time: the larger of the CPU it needs at this memory size (Lambda gives 1 vCPU
 * per 1,769 MB) and the time its connect timeouts take when every address is filtered (the worst
 * case for public, firewalled ranges), plus a start-up allowance.
 */
export function blockSeconds(cpuPerProbeUs: number, d: Deployment = DEFAULT_DEPLOYMENT): number {
  const probes = d.blockSize * d.ports;
  const cpuS = (probes * cpuPerProbeUs) / 1e6 / Math.min(1, d.memoryMb / 1769);
  const timeoutS = (probes / d.socketConcurrency) * d.connectTimeoutS;
  return Math.max(cpuS, timeoutS) + 0.3;
}

export function cycleCost(addresses: number, cpuPerProbeUs: number, d: Deployment = DEFAULT_DEPLOYMENT) {
  const blocks = Math.ceil(addresses / d.blockSize);
  const seconds = blockSeconds(cpuPerProbeUs, d);
  const lambda = blocks * seconds * (d.memoryMb / 1024) * PRICES.lambdaGbSecondArm + (blocks + 2) * PRICES.lambdaRequest;
  const sqs = blocks * 3 * PRICES.sqsRequest; // send (batched 10 per call, counted per message), receive, delete
  const dynamo = (blocks + 10) * PRICES.dynamoWrite + (blocks + 10) * PRICES.dynamoRead; // block marks, run records
  const logs = ((blocks * 2 * 600) / 1e9) * PRICES.logsIngestGb;
  const total = lambda + sqs + dynamo + logs;
  const wallS = Math.ceil(blocks / d.maxConcurrency) * seconds;
  return { blocks, seconds, lambda, sqs, dynamo, logs, total, wallS, monthly: total * d.cyclesPerMonth + PRICES.kmsKeyMonth };
}

export function renderCostTable(cpuPerProbeUs: number, d: Deployment = DEFAULT_DEPLOYMENT): string {
  const rows = [
    ['/24', 256],
    ['/16', 65_536],
    ['/12', 1_048_576],
  ] as const;
  const lines = [
    `cost model (${d.ports} ports, blocks of ${d.blockSize}, prober ${d.memoryMb} MB arm64 with ${d.socketConcurrency} sockets and ${d.connectTimeoutS * 1000} ms connect timeout, maxConcurrency ${d.maxConcurrency}, measured ${cpuPerProbeUs.toFixed(0)} us CPU per probe, worst case: every address filtered; ${d.cyclesPerMonth} cycles a month = every 6 h; plus one KMS key at $1/month):`,
    '| range | blocks | s per block | Lambda $/cycle | SQS+DynamoDB+logs $/cycle | wall time per cycle | $/month all in |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const [name, addresses] of rows) {
    const c = cycleCost(addresses, cpuPerProbeUs, d);
    const wall = c.wallS >= 120 ? `${(c.wallS / 60).toFixed(0)} min` : `${c.wallS.toFixed(0)} s`;
    lines.push(`| ${name} | ${c.blocks} | ${c.seconds.toFixed(1)} | ${c.lambda.toFixed(4)} | ${(c.sqs + c.dynamo + c.logs).toFixed(4)} | ${wall} | ${c.monthly.toFixed(2)} |`);
  }
  return lines.join('\n');
}

/**
 * The port-set table: for each named set, probes per /16, blocks as the planner cuts them
 * (`blockShape`), wall time and money per cycle and per month, at the deployment's settings.
 * It is what the default set was chosen from (README "Port sets").
 */
export function renderPortSetTable(
  cpuPerProbeUs: number,
  sets: Readonly<Record<string, readonly number[]>>,
  blockShape: (ports: number, blockSize: number) => { addresses: number; portsPerBlock: number },
  d: Deployment = DEFAULT_DEPLOYMENT,
): string {
  const addresses = 65_536;
  const lines = [
    `port sets (a /16, prober ${d.memoryMb} MB arm64, ${d.socketConcurrency} sockets, ${d.connectTimeoutS * 1000} ms timeout, maxConcurrency ${d.maxConcurrency}, ${cpuPerProbeUs.toFixed(0)} us CPU per probe, worst case every address filtered, ${d.cyclesPerMonth} cycles a month):`,
    '| set | ports | probes per /16 | blocks | wall time per cycle | $/cycle | $/month (with the KMS key) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const [name, ports] of Object.entries(sets)) {
    const shape = blockShape(ports.length, d.blockSize);
    const blocks = Math.ceil(addresses / shape.addresses) * Math.ceil(ports.length / shape.portsPerBlock);
    // A block of this set: its probes, at the sockets and timeout of the deployment.
    const perBlock: Deployment = { ...d, blockSize: shape.addresses, ports: shape.portsPerBlock };
    const c = cycleCost(shape.addresses, cpuPerProbeUs, perBlock);
    const total = c.total * blocks;
    const wallS = Math.ceil(blocks / d.maxConcurrency) * c.seconds;
    const wall = wallS >= 7200 ? `${(wallS / 3600).toFixed(1)} h` : wallS >= 120 ? `${(wallS / 60).toFixed(0)} min` : `${wallS.toFixed(0)} s`;
    lines.push(`| ${name} | ${ports.length} | ${(addresses * ports.length).toLocaleString('en-US')} | ${blocks} | ${wall} | ${total.toFixed(3)} | ${(total * d.cyclesPerMonth + PRICES.kmsKeyMonth).toFixed(2)} |`);
  }
  return lines.join('\n');
}
