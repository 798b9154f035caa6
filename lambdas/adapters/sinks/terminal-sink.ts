import type { AlertEvent } from '../../core/alerts/alert-event.js';
import type { AlertSink } from '../../core/ports.js';

/** Collects the events of one local cycle; the CLI prints them as a table (or JSON lines). */
export class TerminalSink implements AlertSink {
  readonly name = 'terminal';
  private readonly received: AlertEvent[] = [];

  async send(event: AlertEvent): Promise<void> {
    this.received.push(event);
  }

  get events(): readonly AlertEvent[] {
    return this.received;
  }
}
