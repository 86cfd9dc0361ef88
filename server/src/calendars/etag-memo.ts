const CAPACITY = 1_000;

/**
 * The ETag of each feed's last text, with the digest of what it was written from: while the digest is
 * the same, so is the text, and a client's If-None-Match is answered without reading the rows or writing
 * the text again. The ETag itself stays the hash of the bytes sent; a new process (a new version) starts empty.
 */
export class EtagMemo {
  private readonly entries = new Map<string, { digest: string; etag: string }>();

  known(feedId: string, digest: string): string | null {
    const entry = this.entries.get(feedId);
    return entry?.digest === digest ? entry.etag : null;
  }

  remember(feedId: string, digest: string, etag: string): void {
    this.entries.delete(feedId);
    this.entries.set(feedId, { digest, etag });
    if (this.entries.size > CAPACITY) this.entries.delete(this.entries.keys().next().value as string);
  }
}
