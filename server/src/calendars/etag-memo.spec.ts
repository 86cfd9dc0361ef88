import { EtagMemo, fingerprint } from './etag-memo';

describe('EtagMemo', () => {
  it('knows a feed’s tag only for the rows it was written from', () => {
    const memo = new EtagMemo();
    const rows = fingerprint([{ name: 'Créneau' }, [{ id: 'a', version: 1 }]]);
    memo.remember('feed', rows, '"tag"');
    expect(memo.known('feed', rows)).toBe('"tag"');
    expect(memo.known('feed', fingerprint([{ name: 'Créneau' }, [{ id: 'a', version: 2 }]]))).toBeNull();
    expect(memo.known('other', rows)).toBeNull();
  });

  it('forgets the least recently written feeds past a thousand', () => {
    const memo = new EtagMemo();
    for (let index = 0; index <= 1_000; index++) memo.remember(`feed-${index}`, 'rows', `"${index}"`);
    expect(memo.known('feed-0', 'rows')).toBeNull();
    expect(memo.known('feed-1', 'rows')).toBe('"1"');
    expect(memo.known('feed-1000', 'rows')).toBe('"1000"');
  });
});
