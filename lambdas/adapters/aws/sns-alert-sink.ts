import { createHash } from 'node:crypto';
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { AlertEvent } from '../../core/alerts/alert-event.js';
import { type DigestContext, renderEmailDigest } from '../../core/alerts/render-digest.js';
import { type EmailMessage, renderEmail } from '../../core/alerts/render-email.js';
import { SinkError } from '../../core/alerts/sink-error.js';
import type { AlertSink } from '../../core/ports.js';

/**
 * Email (and any other SNS subscriber) through the alert topic: a plain-text digest per run, and
 * a message of its own per critical event, with id, type and severity as message attributes.
 */
export class SnsAlertSink implements AlertSink {
  /** Events per digest email: about 600 bytes each keeps a part far below SNS's 256 KB. */
  readonly digestLimit = 200;

  /**
   * @param name delivery records are kept per sink name: the stack's own alert topic keeps `sns`
   *   (what deployments have always recorded under); a route's topic is `topicSinkName(arn)`.
   */
  constructor(
    private readonly client: SNSClient,
    private readonly topicArn: string,
    readonly name: string = 'sns',
  ) {}

  async send(event: AlertEvent): Promise<void> {
    await this.publish(renderEmail(event), { eventId: event.id, type: event.type, severity: event.severity });
  }

  async sendDigest(events: readonly AlertEvent[], ctx: DigestContext): Promise<void> {
    for (const email of renderEmailDigest(events, ctx)) {
      await this.publish(email, { type: 'digest', runId: ctx.runId, events: String(events.length) });
    }
  }

  private async publish(email: EmailMessage, attributes: Record<string, string>): Promise<void> {
    try {
      await this.client.send(
        new PublishCommand({
          TopicArn: this.topicArn,
          Subject: email.subject,
          Message: email.body,
          MessageAttributes: Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k, { DataType: 'String', StringValue: v }])),
        }),
      );
    } catch (err) {
      const name = (err as Error).name;
      const permanent = ['InvalidParameterException', 'AuthorizationErrorException', 'NotFoundException'].includes(name);
      throw new SinkError(`SNS publish failed: ${name}: ${(err as Error).message}`.slice(0, 300), undefined, permanent);
    }
  }
}

/** The sink name of a route's SNS topic: distinct per topic, `sns-` and 8 hex digits of its ARN's SHA-256. */
export function topicSinkName(topicArn: string): string {
  return `sns-${createHash('sha256').update(topicArn).digest('hex').slice(0, 8)}`;
}
