/** A sink's failure, with what the receiver said about retrying. */
export class SinkError extends Error {
  constructor(
    message: string,
    /** The receiver asked to wait this long (e.g. Slack's 429 Retry-After). */
    readonly retryAfterMs?: number,
    /** Retrying cannot help (e.g. 400/404 from the webhook: wrong URL or payload). */
    readonly permanent = false,
  ) {
    super(message);
    this.name = 'SinkError';
  }
}
