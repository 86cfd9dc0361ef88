import { EtagMemo } from './etag-memo';

describe('EtagMemo', () => {
  it('knows a feed’s tag only for the digest it was written from', () => {
    const memo = new EtagMemo();
    memo.remember('feed', 'digest-1', '"tag"');
    expect(memo.known('feed', 'digest-1')).toBe('"tag"');
    expect(memo.known('feed', 'digest-2')).toBeNull();
    expect(memo.known('other', 'digest-1')).toBeNull();
  });

  it('forgets the least recently written feeds past a thousand', () => {
    const memo = new EtagMemo();
    for (let index = 0; index <= 1_000; index++) memo.remember(`feed-${index}`, 'rows', `"${index}"`);
    expect(memo.known('feed-0', 'rows')).toBeNull();
    expect(memo.known('feed-1', 'rows')).toBe('"1"');
    expect(memo.known('feed-1000', 'rows')).toBe('"1000"');
  });
});
