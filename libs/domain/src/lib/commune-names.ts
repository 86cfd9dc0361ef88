/**
 * The key two spellings of one commune share: "Saint-Gilles-Croix-de-Vie", "ST GILLES CROIX DE VIE" and
 * "saint gilles croix-de-vie" are the same place on a request form. Accents, case, hyphens and apostrophes
 * are dropped, and the usual abbreviations of Saint(e) and the articles spelt out.
 */
export function communeMatchKey(name: string): string {
  const words = name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((word) => word.length > 0);
  return words.map((word) => ABBREVIATIONS[word] ?? word).join(' ');
}

const ABBREVIATIONS: Record<string, string> = { st: 'saint', ste: 'sainte', s: 'sur' };

/** A French postal code: five digits. */
export function isPostalCode(value: string): boolean {
  return /^\d{5}$/.test(value);
}
