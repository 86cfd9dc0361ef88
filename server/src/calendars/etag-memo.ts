import { createHash } from 'node:crypto';

const CAPACITY = 1_000;

/**
 * The ETag of each feed's last text, with the fingerprint of the rows it was written from: while the rows
 * are the same, so is the text, and a client's If-None-Match is answered without writing it again. The
 * ETag itself stays the hash of the bytes sent; a new process (a new version) starts empty.
 */
export class EtagMemo {
  private readonly entries = new Map<string, { fingerprint: string; etag: string }>();

  known(feedId: string, fingerprint: string): string | null {
    const entry = this.entries.get(feedId);
    return entry?.fingerprint === fingerprint ? entry.etag : null;
  }

  remember(feedId: string, fingerprint: string, etag: string): void {
    this.entries.delete(feedId);
    this.entries.set(feedId, { fingerprint, etag });
    if (this.entries.size > CAPACITY) this.entries.delete(this.entries.keys().next().value as string);
  }
}

/** Everything a feed's text is written from, hashed. */
export function fingerprint(inputs: unknown): string {
  return createHash('sha256').update(JSON.stringify(inputs)).digest('base64url');
}
