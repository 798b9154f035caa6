// Planning a /12 (sixteen /16 rows = 1,048,576 addresses, 16 ports) into queue messages, through
// the real planner use case, the real DynamoDB adapter (in-memory dynalite) and the real SQS
// adapter with its client replaced by a counter (there is no SQS emulator here). Planning only:
// nothing is probed.
import { SQSClient } from '@aws-sdk/client-sqs';
import { SqsBlockQueue } from '../../lambdas/adapters/aws/sqs-block-queue.js';
import { startEmbeddedDynamo } from '../../lambdas/adapters/local/embedded-dynamodb.js';
import { planCycle } from '../../lambdas/core/pipeline/plan-cycle.js';
import { silentLogger } from '../../lambdas/core/ports.js';

const PORTS = [80, 443, 3000, 4000, 5000, 5678, 6333, 7860, 8000, 8080, 8188, 8265, 8501, 8888, 9090, 11434];
const dynamo = await startEmbeddedDynamo();
for (let i = 0; i < 16; i++) await dynamo.store.putRangeRow({ cidr: `127.${i}.0.0/16`, ports: PORTS });

let messages = 0;
let bytes = 0;
const client = new SQSClient({ region: 'local' });
client.send = (async (command: { input: { Entries: { MessageBody: string }[] } }) => {
  messages += command.input.Entries.length;
  for (const e of command.input.Entries) bytes += e.MessageBody.length;
  return { Successful: command.input.Entries, Failed: [] };
}) as never;
const queue = new SqsBlockQueue({ client, queueUrl: 'https://sqs.local/queue' });

global.gc?.();
const rssBefore = process.memoryUsage().rss;
const started = process.hrtime.bigint();
const plan = await planCycle({
  store: dynamo.store,
  queue,
  settings: { policy: { allowPrivate: false, maxRangePrefixV4: 16 }, blockSize: 256, defaultPorts: PORTS, goneAfterMisses: 2 },
  clock: () => new Date(),
  logger: silentLogger,
});
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const peakRss = process.resourceUsage().maxRSS / 1024;
console.log(
  `planning a /12 (${plan.addresses} addresses, 16 ports): ${seconds.toFixed(2)} s, ${plan.blocks} blocks, ${messages} messages (${(bytes / messages).toFixed(0)} bytes each), ${queue.batchCalls} SendMessageBatch calls, ${dynamo.store.requestCount} DynamoDB requests, RSS before ${(rssBefore / 1048576).toFixed(0)} MB, peak ${peakRss.toFixed(0)} MB`,
);
await dynamo.close();
