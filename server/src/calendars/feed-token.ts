import { createHash, randomBytes } from 'node:crypto';

const TOKEN_BYTES = 32;
/** 32 random bytes in base64url. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface FeedToken {
  /** Given to the subscriber once, never stored. */
  token: string;
  /** What the database keeps and looks tokens up by. */
  hash: Buffer;
}

export function newFeedToken(): FeedToken {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  return { token, hash: hashFeedToken(token) };
}

/** null for anything that cannot be a token, which then never reaches the database. */
export function feedTokenHash(candidate: unknown): Buffer | null {
  return typeof candidate === 'string' && TOKEN_PATTERN.test(candidate) ? hashFeedToken(candidate) : null;
}

/**
 * Where a subscriber reads the feed, below the server's address. The token goes in the query string,
 * which the request log leaves out (logging/logger-options.ts): a credential in the path would be logged.
 */
export function feedPath(token: string): string {
  return `/api/calendars/feed.ics?token=${token}`;
}

function hashFeedToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
