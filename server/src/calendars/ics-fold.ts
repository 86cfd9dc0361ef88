/** RFC 5545 §3.1: content lines should not be longer than 75 octets, excluding the line break. */
const MAX_OCTETS = 75;

/**
 * Folds CRLF-separated iCalendar text into lines of at most 75 octets of UTF-8, each continuation
 * starting with a space (counted in its 75), never inside a character or a surrogate pair. One pass
 * over the text, and the text itself back when nothing needs folding.
 */
export function foldLines(text: string): string {
  const pieces: string[] = [];
  let pieceStart = 0;
  let octets = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x0d && text.charCodeAt(index + 1) === 0x0a) {
      octets = 0;
      index++;
      continue;
    }
    const size = utf8Size(code);
    if (octets + size > MAX_OCTETS) {
      pieces.push(text.slice(pieceStart, index), '\r\n ');
      pieceStart = index;
      octets = 1;
    }
    octets += size;
  }
  if (pieceStart === 0) return text;
  pieces.push(text.slice(pieceStart));
  return pieces.join('');
}

/** Octets of one UTF-16 code unit in UTF-8; a surrogate pair counts 4 on its first half, so it is never split. */
function utf8Size(code: number): number {
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (code >= 0xd800 && code <= 0xdbff) return 4;
  if (code >= 0xdc00 && code <= 0xdfff) return 0;
  return 3;
}
