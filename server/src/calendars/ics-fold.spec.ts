import { foldLines } from './ics-fold';

const octets = (line: string) => Buffer.byteLength(line, 'utf8');
const unfold = (text: string) => text.replace(/\r\n /g, '');

describe('foldLines', () => {
  it('leaves a line of 75 octets as it is', () => {
    const line = `SUMMARY:${'x'.repeat(67)}`;
    expect(octets(line)).toBe(75);
    expect(foldLines(line)).toBe(line);
  });

  it('folds at 75 octets of UTF-8, not 75 characters, and unfolds to the same text', () => {
    const line = `DESCRIPTION:${'Échographie à l’hôpital — '.repeat(12)}`;
    const folded = foldLines(line);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const [index, part] of lines.entries()) {
      expect(octets(part)).toBeLessThanOrEqual(75);
      if (index > 0) expect(part.startsWith(' ')).toBe(true);
    }
    expect(unfold(folded)).toBe(line);
  });

  it('never splits a surrogate pair or a multi-byte character', () => {
    const line = `SUMMARY:${'a'.repeat(66)}📅é📅${'b'.repeat(80)}`;
    const folded = foldLines(line);
    for (const part of folded.split('\r\n')) {
      expect(part).not.toMatch(/[\ud800-\udbff]$/);
      expect(part.replace(/^ /, '')).not.toMatch(/^[\udc00-\udfff]/);
      expect(octets(part)).toBeLessThanOrEqual(75);
    }
    expect(unfold(folded)).toBe(line);
  });

  it('folds every line of a text and keeps its line breaks', () => {
    const text = `BEGIN:VEVENT\r\nSUMMARY:${'é'.repeat(60)}\r\nEND:VEVENT\r\n`;
    const folded = foldLines(text);
    expect(folded.endsWith('END:VEVENT\r\n')).toBe(true);
    expect(unfold(folded)).toBe(text);
  });
});
