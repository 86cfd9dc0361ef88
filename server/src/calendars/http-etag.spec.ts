import { matchesIfNoneMatch, strongEtag } from './http-etag';

describe('ETag', () => {
  it('is strong, quoted and follows the bytes', () => {
    expect(strongEtag('a')).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(strongEtag('a')).toBe(strongEtag('a'));
    expect(strongEtag('a')).not.toBe(strongEtag('b'));
  });

  it('matches If-None-Match weakly, in a list, or with *', () => {
    const etag = strongEtag('body');
    expect(matchesIfNoneMatch(etag, etag)).toBe(true);
    expect(matchesIfNoneMatch(`"other", W/${etag}`, etag)).toBe(true);
    expect(matchesIfNoneMatch('*', etag)).toBe(true);
    expect(matchesIfNoneMatch('"other"', etag)).toBe(false);
    expect(matchesIfNoneMatch(undefined, etag)).toBe(false);
  });
});
