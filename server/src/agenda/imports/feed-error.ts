/** The source could not be read (unreachable, HTTP error, malformed): nothing is imported, the message is shown as is. */
export class FeedError extends Error {
  override readonly name = 'FeedError';
}
