import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { AlertEvent } from '../../core/alerts/alert-event.js';
import { renderEmail } from '../../core/alerts/render-email.js';
import { SinkError } from '../../core/alerts/sink-error.js';
import type { AlertSink } from '../../core/ports.js';

/**
 * Email (and any other SNS subscriber) through the alert topic: a plain-text rendering as the
 * message, the event's id, type and severity as message attributes for subscription filters.
 */
export class SnsAlertSink implements AlertSink {
  readonly name = 'sns';

  constructor(
    private readonly client: SNSClient,
    private readonly topicArn: string,
  ) {}

  async send(event: AlertEvent): Promise<void> {
    const email = renderEmail(event);
    try {
      await this.client.send(
        new PublishCommand({
          TopicArn: this.topicArn,
          Subject: email.subject,
          Message: email.body,
          MessageAttributes: {
            eventId: { DataType: 'String', StringValue: event.id },
            type: { DataType: 'String', StringValue: event.type },
            severity: { DataType: 'String', StringValue: event.severity },
          },
        }),
      );
    } catch (err) {
      const name = (err as Error).name;
      const permanent = ['InvalidParameterException', 'AuthorizationErrorException', 'NotFoundException'].includes(name);
      throw new SinkError(`SNS publish failed: ${name}: ${(err as Error).message}`.slice(0, 300), undefined, permanent);
    }
  }
}
